"""Lanes: one worker per chat that works through that chat's stored items in order and ends
when there are none left; a commit that stores more wakes it again. Different chats' lanes run
side by side. The inbox's update lanes and the outbox's send lanes are both lanes.
"""
from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
from collections.abc import Iterable, Sequence
from typing import Generic, TypeVar

from storage.db import unavailable

log = logging.getLogger(__name__)

FIRST_WAIT, LAST_WAIT = 1.0, 60.0  # seconds before a lane tries a busy database again
# Work that breaks for a reason that may pass (an update's handler, a timer) is tried again in
# place, so what comes after it in its chat waits, before it is given up.
TRIES = 3
AGAIN_AFTER = 0.5  # seconds before the second try, twice that before the third

Item = TypeVar("Item")

_NO_ROOM = {errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is used up",
            errno.EROFS: "the file system is read-only"}


def waits_for(error: BaseException) -> str | None:
    """Why the work cannot be done *for now* (the database cannot be written, no room on the
    disk for a clip's download), or None when `error` is no such passing condition."""
    if isinstance(error, OSError) and error.errno in _NO_ROOM:
        return _NO_ROOM[error.errno]
    return unavailable(error)


class Lanes(Generic[Item]):
    """Subclasses say where a lane's next items come from and what to do with one."""

    name = "lane"

    def __init__(self) -> None:
        self._lanes: dict[int, asyncio.Task[None]] = {}
        self._more: set[int] = set()
        self._stopping = False
        self._stop_begun = asyncio.Event()

    async def next_items(self, lane: int) -> Sequence[Item]:
        raise NotImplementedError

    async def work(self, lane: int, item: Item) -> None:
        raise NotImplementedError

    def lane_ended(self, lane: int) -> None:
        """The lane's worker ended (nothing left, stopped, or broken)."""

    def wake(self, lanes: Iterable[int]) -> None:
        for lane in lanes:
            if self._stopping:
                return
            task = self._lanes.get(lane)
            if task is None or task.done():
                self._lanes[lane] = asyncio.create_task(self._run(lane),
                                                        name=f"{self.name}:{lane}")
            else:
                self._more.add(lane)  # read again before ending: the commit may be newer

    async def idle(self, timeout: float = 30.0) -> None:
        """Waits until no lane has work (for tests and a graceful stop)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while any(not t.done() for t in self._lanes.values()) and loop.time() < deadline:
            await asyncio.sleep(0.01)

    async def stop(self, grace: float = 0.0) -> None:
        """Lets each lane finish the item in hand (up to `grace` seconds), then ends them;
        what is left stays stored for the next start."""
        self._stopping = True
        self._stop_begun.set()
        tasks = [t for t in self._lanes.values() if not t.done()]
        if tasks and grace:
            await asyncio.wait(tasks, timeout=grace)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def pause(self, seconds: float) -> bool:
        """Waits `seconds`, or less when a stop begins meanwhile; True unless stopping (then
        what was to be tried again is left stored for the next start)."""
        if not self._stopping:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop_begun.wait(), seconds)
        return not self._stopping

    async def _run(self, lane: int) -> None:
        wait = FIRST_WAIT
        try:
            while not self._stopping:
                try:
                    if await self._through(lane):
                        return
                    wait = FIRST_WAIT
                except Exception as error:
                    why = waits_for(error)
                    if why is None:
                        raise
                    # A full disk or a lock held elsewhere passes: the items stay stored
                    # and are tried again, neither dropped nor left until the next start.
                    log.error("%s %s waits: %s; again in %.0f s", self.name, lane, why, wait)
                    await asyncio.sleep(wait)
                    wait = min(wait * 2, LAST_WAIT)
        except asyncio.CancelledError:
            raise
        except Exception:  # a bug must not end every later item of this chat silently
            log.exception("%s %s stopped; its items wait for the next start", self.name, lane)
        finally:
            if self._lanes.get(lane) is asyncio.current_task():
                del self._lanes[lane]
                self.lane_ended(lane)

    async def _through(self, lane: int) -> bool:
        """Works through what the lane has now; True when it has nothing left."""
        self._more.discard(lane)
        items = await self.next_items(lane)
        if not items and lane not in self._more:
            return True
        for item in items:
            if self._stopping:
                return True
            await self.work(lane, item)
        return False
