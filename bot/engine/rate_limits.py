"""Telegram's send limits, kept per chat so that a 429 stays rare, plugged in where
python-telegram-bot expects a limiter (BaseRateLimiter).

Telegram allows 20 messages in any minute to one group, about one a second to one chat (short
bursts allowed) and about 30 a second for the whole bot. A group's 20 a minute is a moving
window (the `limits` library): a leaky bucket that never lets more than 20 through in a
minute would also hold back a group that asks for much less (a /status every few seconds),
because it must spread its refill over the minute. The "one a second" and the bot-wide rate
are leaky buckets (aiolimiter): a bucket of capacity B that drains r calls a second lets at
most B + r*T calls through in any T seconds. Only sending calls wait; answers to button
presses, getUpdates and reads never do. A 429 is not retried here: it goes to the sender,
which pauses only that chat's lane.
"""
from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Coroutine
from typing import Any

from aiolimiter import AsyncLimiter
from limits import RateLimitItemPerSecond
from limits.aio.storage import MemoryStorage
from limits.aio.strategies import MovingWindowRateLimiter
from telegram._utils.types import JSONDict
from telegram.ext import BaseRateLimiter

SENDING = frozenset({
    "sendMessage", "sendPhoto", "sendVideo", "sendDocument", "sendAnimation", "sendAudio",
    "sendVoice", "sendVideoNote", "sendMediaGroup", "sendSticker", "copyMessage",
    "forwardMessage", "editMessageText", "editMessageCaption", "editMessageReplyMarkup",
    "editMessageMedia",
})
# The group window is a second longer than Telegram's minute: our clock starts counting a
# little before Telegram's does, so a full window must never look one message too full there.
GROUP_WINDOW = 61
CHAT_BURST, CHAT_PERIOD = 3, 3.0  # any chat: three at once, then about one a second
BOT_BURST, BOT_PER_SECOND = 5, 25.0
PRIVATE_BURST, PRIVATE_PERIOD = 1, 1.2
FORGET_ABOVE = 5_000  # idle per-chat buckets are dropped beyond this many


class ChatLimits(BaseRateLimiter[None]):
    def __init__(self, group_per_minute: int = 20, chat_per_second: int = 1) -> None:
        """`chat_per_second` above 1 only against a server that does not throttle (the tests'
        fake Telegram): it speeds up the "about one a second" pace of every chat."""
        self._group_minute = RateLimitItemPerSecond(group_per_minute, GROUP_WINDOW)
        self._pace = chat_per_second
        self._windows = MovingWindowRateLimiter(MemoryStorage())
        self._bot = AsyncLimiter(BOT_BURST, BOT_BURST / BOT_PER_SECOND)
        self._chats: dict[int | str, AsyncLimiter] = {}

    async def initialize(self) -> None:
        """Buckets are made per chat as calls arrive."""

    async def shutdown(self) -> None:
        self._chats.clear()

    def _bucket(self, chat_id: int | str) -> AsyncLimiter:
        bucket = self._chats.get(chat_id)
        if bucket is None:
            if len(self._chats) > FORGET_ABOVE:
                self._chats = {k: v for k, v in self._chats.items() if not v.has_capacity(
                    v.max_rate)}
            bucket = (AsyncLimiter(CHAT_BURST, CHAT_PERIOD / self._pace) if _is_group(chat_id)
                      else AsyncLimiter(PRIVATE_BURST, PRIVATE_PERIOD / self._pace))
            self._chats[chat_id] = bucket
        return bucket

    async def _group_turn(self, chat_id: int | str) -> None:
        """Waits until the group's last minute has room for one more message."""
        key = str(chat_id)
        while not await self._windows.hit(self._group_minute, "group", key):
            stats = await self._windows.get_window_stats(self._group_minute, "group", key)
            await asyncio.sleep(max(stats.reset_time - time.time(), 0.05))

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: None,
    ) -> bool | JSONDict | list[JSONDict]:
        chat_id = _chat(data.get("chat_id"))
        if endpoint not in SENDING or chat_id is None:
            return await callback(*args, **kwargs)
        # The chat's own limits first: a group waiting for its minute holds no bot-wide place.
        async with self._bucket(chat_id):
            pass
        if _is_group(chat_id):
            await self._group_turn(chat_id)
        async with self._bot:
            pass
        return await callback(*args, **kwargs)


def _chat(value: object) -> int | str | None:
    if value is None:
        return None
    try:
        return int(str(value))
    except ValueError:
        return str(value)  # a @channelusername


def _is_group(chat_id: int | str) -> bool:
    return isinstance(chat_id, int) and chat_id < 0
