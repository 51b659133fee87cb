"""Telegram's passing failures: which they are, how long a 429 asks to wait, and a call tried
again while one passes.

For a call whose answer a person waits for now (is this an admin? a button's answer, a voice
note's file). The outbox has its own, stored retries (bot/engine/sender.py).
"""
from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import TypeVar

from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError

T = TypeVar("T")


def passing(error: TelegramError) -> bool:
    """A failure that passes (a 5xx, a timeout, a 429), not a refusal for good. PTB's
    BadRequest is a NetworkError too, but Telegram will say it again."""
    return isinstance(error, RetryAfter) or (isinstance(error, NetworkError)
                                             and not isinstance(error, BadRequest))


def seconds(retry_after: float | timedelta) -> float:
    """A 429's retry_after (seconds, or a timedelta when PTB is told to use them)."""
    return retry_after.total_seconds() if isinstance(retry_after, timedelta) else \
        float(retry_after)


async def patiently(call: Callable[[], Awaitable[T]], *, tries: int, pause: float,
                    longest: float) -> T:
    """`call()`, made again after a passing failure, at most `tries` times in all: after a
    429 as long as Telegram asks, else `pause` seconds more each time; never longer than
    `longest`, since someone waits. A refusal for good, or the last failure, is raised."""
    for attempt in range(1, tries + 1):
        try:
            return await call()
        except TelegramError as error:
            if not passing(error) or attempt == tries:
                raise
            wait = seconds(error.retry_after) if isinstance(error, RetryAfter) else \
                pause * attempt
            await asyncio.sleep(min(wait, longest))
    raise AssertionError("tries must be at least 1")
