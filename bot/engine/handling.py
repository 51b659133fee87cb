"""From a stored update to python-telegram-bot's handlers, and the handled-mark for updates
that no handler claimed (chat in a group without a cycle, a service message, ...).

A handler that breaks inside its unit rolls its transaction back, the handled-mark with it, so
the update is tried again at once, before the chat's next one. A passing fault (the database
busy for a moment) is survived that way; a bug would be met again and again, so after a few
tries the update is marked handled and logged, and the chat's later updates go on. (Before,
such an update was never marked, and its lane read it again for ever.)"""
from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update

from bot.engine.services import services_of
from bot.engine.work import InHand, in_hand
from storage import inbox

log = logging.getLogger(__name__)

TRIES = 3  # times an update whose handler breaks is handled before it is given up
AGAIN_AFTER = 0.5  # seconds before the second try, twice that before the third


def handler_of(app: Any) -> Callable[[int, str], Awaitable[None]]:
    async def handle(update_id: int, payload: str) -> None:
        for attempt in range(1, TRIES + 1):  # in place, so the chat's next update waits
            state = await _handled_once(app, update_id, payload)
            if not state.broke:
                break
            if attempt < TRIES:
                await asyncio.sleep(AGAIN_AFTER * attempt)
        else:
            log.error("update %s broke its handler %s times; given up", update_id, TRIES)
        if state.broke or update_id not in state.claimed:
            svc = services_of(app)
            async with svc.db.transaction() as tx:
                await inbox.mark(tx, update_id, svc.now())

    return handle


async def _handled_once(app: Any, update_id: int, payload: str) -> InHand:
    state = InHand()
    token = in_hand.set(state)
    try:
        update = Update.de_json(json.loads(payload), app.bot)
        await app.process_update(update)  # a handler's error goes to the error handler
    except Exception:  # an update that cannot even be read is given up at once
        log.exception("update %s could not be read", update_id)
    finally:
        in_hand.reset(token)
    return state
