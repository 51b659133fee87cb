"""Updates arriving from Telegram, by long polling or by webhook, stored in the inbox before
Telegram is told they arrived."""
from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from aiohttp import web
from telegram import Bot, Update
from telegram.error import Conflict, InvalidToken, NetworkError, RetryAfter, TelegramError

from bot.engine.patience import seconds
from bot.engine.services import Wakeable
from storage import inbox
from storage.db import Database, unavailable

log = logging.getLogger(__name__)

LONG_POLL = 10  # seconds Telegram may hold a getUpdates call open (PTB's own default)
FIRST_RETRY, LAST_RETRY = 1.0, 30.0
_CHAT_OF = ("message", "edited_message", "channel_post", "edited_channel_post",
            "my_chat_member", "chat_member", "chat_join_request", "message_reaction",
            "chat_boost", "removed_chat_boost")


def lane_of(update: dict[str, Any]) -> int:
    """The chat an update belongs to (its updates are handled in order); 0 for none."""
    for key in _CHAT_OF:
        if isinstance(update.get(key), dict):
            chat = update[key].get("chat") or {}
            return int(chat.get("id", 0))
    query = update.get("callback_query")
    if isinstance(query, dict):
        message = query.get("message") or {}
        chat = message.get("chat") or {}
        return int(chat.get("id") or (query.get("from") or {}).get("id", 0))
    for key in ("inline_query", "chosen_inline_result", "shipping_query",
                "pre_checkout_query", "poll_answer"):
        if isinstance(update.get(key), dict):
            sender = update[key].get("from") or update[key].get("user") or {}
            return int(sender.get("id", 0))
    return 0


async def store(db: Database, raw: list[dict[str, Any]], now: datetime) -> set[int]:
    arrivals = [inbox.Arrival(int(u["update_id"]), lane_of(u),
                              json.dumps(u, ensure_ascii=False, separators=(",", ":")))
                for u in raw]
    async with db.transaction() as tx:
        await inbox.store(tx, arrivals, now)
    return {a.lane for a in arrivals}


async def poll(bot: Bot, db: Database, lanes: Wakeable, clock: Callable[[], datetime]) -> None:
    """Long polling until cancelled. The offset that tells Telegram a batch arrived is only
    sent with the next call, after the batch is stored."""
    async with db.reading() as tx:
        latest = await inbox.latest_id(tx)
    offset = latest + 1 if latest is not None else None
    wait = FIRST_RETRY
    while True:
        try:
            updates = await bot.get_updates(offset=offset, timeout=LONG_POLL,
                                            allowed_updates=Update.ALL_TYPES)
        except RetryAfter as error:
            await asyncio.sleep(seconds(error.retry_after))
            continue
        except Conflict as error:
            # Telegram hands each update to one poller only: a second process polling with
            # this token (another machine, a forgotten test run) takes part of every group's
            # talk, and this bot never sees it. Only the operator can end that.
            log.error("getUpdates refused (%s): another process receives this bot's updates "
                      "(a second `intervision run` with this token, or a webhook); stop it, "
                      "or members' messages are split between the two; again in %.0f s",
                      error.message, wait)
            await asyncio.sleep(wait)
            wait = min(wait * 2, LAST_RETRY)
            continue
        except (NetworkError, InvalidToken, TelegramError) as error:
            log.warning("getUpdates failed (%s); again in %.0f s", error.message, wait)
            await asyncio.sleep(wait)
            wait = min(wait * 2, LAST_RETRY)
            continue
        if not updates:
            wait = FIRST_RETRY
            continue
        try:
            lanes.wake(await store(db, [u.to_dict() for u in updates], clock()))
        except Exception as error:
            # Not confirmed to Telegram (the offset stays), so Telegram keeps the batch and
            # gives it again; once the database can be written, it is stored then. Never
            # the end of polling: the bot would look alive and take nothing (the health
            # check sees a process and a database).
            why = unavailable(error)
            if why is None:
                log.exception("%d arriving updates could not be stored; Telegram keeps "
                              "them, again in %.0f s", len(updates), wait)
            else:
                log.error("%d arriving updates cannot be stored (%s); Telegram keeps them, "
                          "again in %.0f s", len(updates), why, wait)
            await asyncio.sleep(wait)
            wait = min(wait * 2, LAST_RETRY)
            continue
        wait = FIRST_RETRY
        offset = updates[-1].update_id + 1


def webhook_app(db: Database, lanes: Wakeable, clock: Callable[[], datetime], secret: str | None,
                path: str = "/telegram") -> web.Application:
    """The webhook: Telegram's call is answered only after the update is stored, so a crash
    before that makes Telegram send it again."""

    async def receive(request: web.Request) -> web.Response:
        if secret and request.headers.get("X-Telegram-Bot-Api-Secret-Token") != secret:
            return web.Response(status=403)
        try:
            update = await request.json()
            int(update["update_id"])
        except (ValueError, KeyError, TypeError):
            return web.Response(status=400)
        try:
            lanes.wake(await store(db, [update], clock()))
        except Exception as error:
            why = unavailable(error)
            if why is None:
                raise
            log.error("an arriving update cannot be stored (%s); Telegram sends it again",
                      why)
            return web.Response(status=503)  # Telegram retries an update it was refused
        return web.Response(status=200)

    app = web.Application(client_max_size=1024 * 1024)
    app.router.add_post(path, receive)
    return app
