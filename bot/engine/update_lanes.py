"""Handling the inbox: updates of one chat in order, different chats side by side.

Each chat has a lane that reads its unhandled updates from the inbox (a few at a time, so a
flooded chat costs little memory: its backlog waits in the database) and hands them to
python-telegram-bot's handlers one by one. A bounded number of updates is handled at once over
all chats; the per-chat order is taken before such a place, so one chat's backlog never
fills them. Handlers never wait for Telegram to accept a message (the outbox does), so a lane
only ever waits for the database or, briefly, a clip being checked.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from bot.engine.lanes import Lanes
from storage import inbox
from storage.db import Database

log = logging.getLogger(__name__)

BATCH = 20  # updates a lane reads at a time
HANDLED_AT_ONCE = 16  # updates in handling over all chats

Handle = Callable[[int, str], Awaitable[None]]


class UpdateLanes(Lanes[tuple[int, str]]):
    name = "updates"

    def __init__(self, db: Database, handle: Handle, at_once: int = HANDLED_AT_ONCE) -> None:
        super().__init__()
        self._db = db
        self._handle = handle
        self._places = asyncio.Semaphore(at_once)

    async def wake_waiting(self) -> int:
        """At start: the updates stored but not handled before the last stop."""
        async with self._db.reading() as tx:
            lanes = await inbox.waiting_lanes(tx)
        self.wake(lanes)
        return len(lanes)

    async def next_items(self, lane: int) -> list[tuple[int, str]]:
        async with self._db.reading() as tx:
            return await inbox.waiting(tx, lane, BATCH)

    async def work(self, lane: int, item: tuple[int, str]) -> None:
        async with self._places:  # taken after the chat's own turn, never before
            await self._handle(*item)

    async def stop(self, grace: float = 3.0) -> None:
        await super().stop(grace)
