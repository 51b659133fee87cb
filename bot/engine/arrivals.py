"""Updates arriving from Telegram, by long polling or by webhook, stored in the inbox before
Telegram is told they arrived."""
from __future__ import annotations

import asyncio
import json
import logging
import warnings
from collections.abc import Callable
from datetime import datetime
from typing import Any

from aiohttp import web
from telegram import Bot, Update
from telegram.error import Conflict, InvalidToken, NetworkError, RetryAfter, TelegramError
from telegram.warnings import PTBUserWarning

from bot.engine.patience import seconds
from bot.engine.services import Wakeable
from storage import inbox
from storage.db import Database, unavailable

log = logging.getLogger(__name__)
# Asking for getUpdates raw is on purpose (below); the library's advice to use its own
# get_updates instead filled the log at every long poll.
warnings.filterwarnings("ignore", message=r"Please use 'Bot\.getUpdates'",
                        category=PTBUserWarning)

LONG_POLL = 10  # seconds Telegram may hold a getUpdates call open (PTB's own default)
READ_SLACK = 5.0  # seconds beyond LONG_POLL before a held getUpdates call counts as lost
# Updates are asked for as raw JSON and stored as they came: python-telegram-bot reads each
# one only when its lane handles it (bot/engine/handling.py). Its own get_updates reads the
# whole batch on arrival, and one update it cannot read (a field a newer or older Bot API
# server sends differently) ended polling for every group, again after each restart, and
# logged the batch's words.
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
            updates = await _raw_updates(bot, offset)
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
        except Exception as error:  # noqa: BLE001 - never the end of polling (as below); only
            # its kind is logged: what could not be read may hold members' words
            log.error("getUpdates gave what could not be read (%s); again in %.0f s",
                      type(error).__name__, wait)
            await asyncio.sleep(wait)
            wait = min(wait * 2, LAST_RETRY)
            continue
        if not updates:
            wait = FIRST_RETRY
            continue
        try:
            lanes.wake(await store(db, updates, clock()))
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
        offset = int(updates[-1]["update_id"]) + 1


async def _raw_updates(bot: Bot, offset: int | None) -> list[dict[str, Any]]:
    """One long-polling getUpdates call, its updates as Telegram sent them."""
    asked: dict[str, Any] = {"timeout": LONG_POLL, "allowed_updates": list(Update.ALL_TYPES)}
    if offset is not None:
        asked["offset"] = offset
    result = await bot.do_api_request("getUpdates", api_kwargs=asked,
                                      read_timeout=LONG_POLL + READ_SLACK)
    if not isinstance(result, list) or not all(
            isinstance(u, dict) and isinstance(u.get("update_id"), int) for u in result):
        raise ValueError("getUpdates did not return a list of updates")
    return result


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
