"""Updates of one chat are handled in order, one at a time; different chats in parallel.

PTB handles updates one by one unless told otherwise. With one process serving many groups,
one group's wait (a rate-limited send, a clip being probed) would then hold up every other
group. Handling everything concurrently would let two messages of one group overtake each
other. This processor keeps a FIFO lock per chat: asyncio locks wake waiters in arrival order,
and PTB starts the tasks in the order it received the updates.
"""
from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

MAX_CONCURRENT_UPDATES = 256


class PerChatUpdateProcessor(BaseUpdateProcessor):
    def __init__(self, max_concurrent_updates: int = MAX_CONCURRENT_UPDATES) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int | None, asyncio.Lock] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat = update.effective_chat if isinstance(update, Update) else None
        key = chat.id if chat is not None else None
        lock = self._locks.setdefault(key, asyncio.Lock())
        async with lock:
            await coroutine

    async def initialize(self) -> None:
        """Nothing to set up: locks are made per chat as updates arrive."""

    async def shutdown(self) -> None:
        self._locks.clear()
