"""Flood control: how often the bot answers the same thing, kept in memory (a restart forgets
it, which only means one more answer).

Anyone can write to the bot, members or not, so answers to commands that change nothing
(a chat that is not set up, the same command again and again) are rationed; and clip media
(stills, replays) cost ffmpeg time, so each member has a short cooldown.
"""
from __future__ import annotations

from collections.abc import Hashable

from aiolimiter import AsyncLimiter

NOT_SET_UP_EVERY = 300.0  # seconds between two "this chat is not set up" answers in a chat
SAME_COMMAND_EVERY = 3.0  # seconds between answers to one person's same command in a chat
# Stills and replays cost ffmpeg time: a member may ask for a few in a row, then one every
# ten seconds or so.
MEDIA_BURST, MEDIA_PERIOD = 3, 30.0
MEDIA_WAIT = int(MEDIA_PERIOD / MEDIA_BURST)
FORGET_ABOVE = 20_000


class Throttle:
    def __init__(self) -> None:
        self._last: dict[Hashable, float] = {}

    def allow(self, key: Hashable, every: float, now: float) -> bool:
        """True (and remembered) when `key` was last allowed at least `every` seconds ago."""
        last = self._last.get(key)
        if last is not None and now - last < every:
            return False
        if len(self._last) > FORGET_ABOVE:
            self._last = {k: t for k, t in self._last.items() if now - t < NOT_SET_UP_EVERY}
        self._last[key] = now
        return True

    def recent(self, key: Hashable, every: float, now: float) -> bool:
        """True when `key` was allowed less than `every` seconds ago."""
        last = self._last.get(key)
        return last is not None and now - last < every

    def forget(self, key: Hashable) -> None:
        self._last.pop(key, None)


class MediaAllowance:
    """Per member: a few stills or replays at once, then one every MEDIA_WAIT seconds."""

    def __init__(self) -> None:
        self._buckets: dict[Hashable, AsyncLimiter] = {}

    async def take(self, key: Hashable) -> bool:
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) > FORGET_ABOVE:
                self._buckets.clear()
            bucket = self._buckets[key] = AsyncLimiter(MEDIA_BURST, MEDIA_PERIOD)
        if not bucket.has_capacity():
            return False
        await bucket.acquire()
        return True
