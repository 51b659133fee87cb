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
from collections.abc import Awaitable, Callable, Iterable

from storage import inbox
from storage.db import Database

log = logging.getLogger(__name__)

BATCH = 20  # updates a lane reads at a time
HANDLED_AT_ONCE = 16  # updates in handling over all chats

Handle = Callable[[int, str], Awaitable[None]]


class UpdateLanes:
    def __init__(self, db: Database, handle: Handle, at_once: int = HANDLED_AT_ONCE) -> None:
        self._db = db
        self._handle = handle
        self._places = asyncio.Semaphore(at_once)
        self._lanes: dict[int, asyncio.Task[None]] = {}
        self._more: set[int] = set()
        self._stopping = False

    def wake(self, lanes: Iterable[int]) -> None:
        for lane in lanes:
            if self._stopping:
                return
            task = self._lanes.get(lane)
            if task is None or task.done():
                self._lanes[lane] = asyncio.create_task(self._run(lane), name=f"updates:{lane}")
            else:
                self._more.add(lane)

    async def wake_waiting(self) -> int:
        """At start: the updates stored but not handled before the last stop."""
        async with self._db.reading() as tx:
            lanes = await inbox.waiting_lanes(tx)
        self.wake(lanes)
        return len(lanes)

    async def idle(self, timeout: float = 30.0) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while any(not t.done() for t in self._lanes.values()) and loop.time() < deadline:
            await asyncio.sleep(0.01)

    async def stop(self, grace: float = 3.0) -> None:
        """Lets each lane finish the update in hand (up to `grace` seconds), then ends them;
        what is left waits in the inbox for the next start."""
        self._stopping = True
        tasks = [t for t in self._lanes.values() if not t.done()]
        if tasks:
            await asyncio.wait(tasks, timeout=grace)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def _run(self, lane: int) -> None:
        try:
            while not self._stopping:
                self._more.discard(lane)
                async with self._db.reading() as tx:
                    waiting = await inbox.waiting(tx, lane, BATCH)
                if not waiting and lane not in self._more:
                    return
                for update_id, payload in waiting:
                    if self._stopping:
                        return
                    async with self._places:
                        await self._handle(update_id, payload)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("update lane %s stopped; its updates wait for the next start", lane)
        finally:
            if self._lanes.get(lane) is asyncio.current_task():
                del self._lanes[lane]
