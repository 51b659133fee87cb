"""From a stored update to python-telegram-bot's handlers, and the handled-mark for updates
that no handler claimed (chat in a group without a cycle, a service message, ...)."""
from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update

from bot.engine.services import services_of
from bot.engine.work import claimed
from storage import inbox

log = logging.getLogger(__name__)


def handler_of(app: Any) -> Callable[[int, str], Awaitable[None]]:
    async def handle(update_id: int, payload: str) -> None:
        seen: set[int] = set()
        token = claimed.set(seen)
        try:
            update = Update.de_json(json.loads(payload), app.bot)
            await app.process_update(update)
        except Exception:  # a broken update must not block its chat's lane forever
            log.exception("update %s could not be handled", update_id)
        finally:
            claimed.reset(token)
        if update_id not in seen:
            svc = services_of(app)
            async with svc.db.transaction() as tx:
                await inbox.mark(tx, update_id, svc.now())

    return handle
