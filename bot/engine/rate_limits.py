"""Telegram's send limits, kept per chat so that a 429 stays rare, with aiolimiter buckets
plugged in where python-telegram-bot expects a limiter (BaseRateLimiter).

A leaky bucket of capacity B that drains r calls a second lets at most B + r*T calls through in
any T seconds. Telegram allows 20 messages in any minute to one group, so a group's bucket
holds a burst of 5 and drains 15 a minute (5 + 15 = 20); about 30 a second for the whole bot
(a burst of 5, 25 a second); and about one a second to one private chat (1 + 0.83 a second).
Only sending calls wait; answers to button presses, getUpdates and reads never do. A 429 is
not retried here: it goes to the sender, which pauses only that chat's lane.
"""
from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from aiolimiter import AsyncLimiter
from telegram._utils.types import JSONDict
from telegram.ext import BaseRateLimiter

SENDING = frozenset({
    "sendMessage", "sendPhoto", "sendVideo", "sendDocument", "sendAnimation", "sendAudio",
    "sendVoice", "sendVideoNote", "sendMediaGroup", "sendSticker", "copyMessage",
    "forwardMessage", "editMessageText", "editMessageCaption", "editMessageReplyMarkup",
    "editMessageMedia",
})
GROUP_BURST = 5
BOT_BURST, BOT_PER_SECOND = 5, 25.0
PRIVATE_BURST, PRIVATE_PERIOD = 1, 1.2
FORGET_ABOVE = 5_000  # idle per-chat buckets are dropped beyond this many


def group_bucket(per_minute: int) -> AsyncLimiter:
    """At most `per_minute` calls in any 60 s: a burst of a quarter, the rest spread out."""
    burst = max(1, min(GROUP_BURST, per_minute // 4))
    drain_per_minute = max(per_minute - burst, 1)
    return AsyncLimiter(burst, 60.0 * burst / drain_per_minute)


class ChatLimits(BaseRateLimiter[None]):
    def __init__(self, group_per_minute: int = 20) -> None:
        self._group_per_minute = group_per_minute
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
            is_group = isinstance(chat_id, int) and chat_id < 0
            bucket = (group_bucket(self._group_per_minute) if is_group
                      else AsyncLimiter(PRIVATE_BURST, PRIVATE_PERIOD))
            self._chats[chat_id] = bucket
        return bucket

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: None,
    ) -> bool | JSONDict | list[JSONDict]:
        chat_id = data.get("chat_id")
        if endpoint not in SENDING or chat_id is None:
            return await callback(*args, **kwargs)
        # The chat's own bucket first: a group waiting for its minute holds no bot-wide place.
        async with self._bucket(chat_id):
            pass
        async with self._bot:
            pass
        return await callback(*args, **kwargs)
