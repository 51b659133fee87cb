"""From a stored update to python-telegram-bot's handlers, and the handled-mark for updates
that no handler claimed (chat in a group without a cycle, a service message, ...).

A handler that fails because the database cannot be written for now (a full disk, a lock
held by another program) leaves its update unhandled in the inbox, and the chat's lane tries
it again later (bot/engine/lanes.py). A handler that fails for any other reason (a bug) has
its update marked handled after the error is logged: tried again, it would fail again, and
every later update of that chat would wait behind it."""
from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import Any

from telegram import Update

from bot.engine.services import services_of
from bot.engine.work import claimed
from storage import inbox
from storage.db import unavailable

log = logging.getLogger(__name__)

# The errors python-telegram-bot's error handler saw while the current update was handled.
_errors: ContextVar[list[BaseException] | None] = ContextVar("handler_errors", default=None)


def noted(error: BaseException | None) -> None:
    """Called by the error handler, so that handling knows how the update went."""
    seen = _errors.get()
    if seen is not None and error is not None:
        seen.append(error)


def handler_of(app: Any) -> Callable[[int, str], Awaitable[None]]:
    async def handle(update_id: int, payload: str) -> None:
        seen: set[int] = set()
        errors: list[BaseException] = []
        token, errors_token = claimed.set(seen), _errors.set(errors)
        try:
            update = Update.de_json(json.loads(payload), app.bot)
            await app.process_update(update)
        except Exception as broken:  # a broken update must not block its chat's lane forever
            log.exception("update %s could not be handled", update_id)
            errors.append(broken)
        finally:
            claimed.reset(token)
            _errors.reset(errors_token)
        for failure in errors:
            if unavailable(failure):
                raise failure  # still unhandled in the inbox: the lane tries it again later
        if update_id not in seen or errors:
            svc = services_of(app)
            async with svc.db.transaction() as tx:
                await inbox.mark(tx, update_id, svc.now())

    return handle
