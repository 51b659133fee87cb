"""From a stored update to python-telegram-bot's handlers, and the handled-mark for updates
that no handler claimed (chat in a group without a cycle, a service message, ...).

A handler that breaks rolls its unit back, the handled-mark with it. What broke decides what
follows:
- the database cannot be written for now (a full disk, a lock held by another program): the
  update stays unhandled in the inbox and the chat's lane tries it again later, waiting
  longer each time (bot/engine/lanes.py), so nothing is lost while the operator makes room;
- anything else (a bug, a passing fault): the update is tried again at once, before the
  chat's next one, twice more; then it is logged as given up and marked handled, so the
  chat's later updates go on. (Before, such an update was never marked, and its lane read
  it again for ever, every later message of the chat waiting behind it.)"""
from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update

from bot.engine.lanes import AGAIN_AFTER, TRIES
from bot.engine.services import services_of
from bot.engine.work import InHand, in_hand
from storage import inbox
from storage.db import unavailable

log = logging.getLogger(__name__)



def noted(error: BaseException | None) -> None:
    """Called by the error handler, so that handling knows how the update went."""
    state = in_hand.get()
    if state is not None and error is not None:
        state.errors.append(error)


def handler_of(app: Any) -> Callable[[int, str], Awaitable[None]]:
    async def handle(update_id: int, payload: str) -> None:
        update = _read(app, update_id, payload)
        if update is None:
            await _mark(app, update_id)
            return
        for attempt in range(1, TRIES + 1):  # in place, so the chat's next update waits
            state = await _handled_once(app, update)
            for failure in state.errors:
                if unavailable(failure):
                    raise failure  # still unhandled in the inbox: the lane tries it later
            if not state.errors:
                break
            if attempt < TRIES:
                await asyncio.sleep(AGAIN_AFTER * attempt)
        else:
            log.error("update %s broke its handler %s times; given up", update_id, TRIES)
        if state.errors or update_id not in state.claimed:
            await _mark(app, update_id)

    return handle


async def _mark(app: Any, update_id: int) -> None:
    svc = services_of(app)
    async with svc.db.transaction() as tx:
        await inbox.mark(tx, update_id, svc.now())


def _read(app: Any, update_id: int, payload: str) -> Update | None:
    """The stored update as python-telegram-bot reads it, or None where it cannot (a field
    another Bot API version sends differently): that one is passed over, and said so without
    its words, which the library's own error would carry."""
    try:
        return Update.de_json(json.loads(payload), app.bot)
    except Exception as unreadable:  # noqa: BLE001 - only its kind is logged (members' words)
        log.error("update %s cannot be read by python-telegram-bot (%s); passed over",
                  update_id, type(unreadable).__name__)
        return None


async def _handled_once(app: Any, update: Update) -> InHand:
    state = InHand()
    token = in_hand.set(state)
    try:
        await app.process_update(update)  # a handler's error goes to the error handler: noted
    except Exception as broken:
        log.exception("update %s could not be handled", update.update_id)
        state.errors.append(broken)
    finally:
        in_hand.reset(token)
    return state
