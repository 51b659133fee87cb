"""The sandbox's clock, which the visitor can move on (timeboxes, reminders, meetings, the
follow-up a week later, seen in minutes).

One offset (seconds ahead of real time) is shared by three parties: the fake world stamps
messages with it, the bot reads it from `path` (bot/startup/sandbox_clock.py, started with
INTERVISION_SANDBOX_CLOCK=path) and fires the timers due by it, and this module reads the bot's
timers from its SQLite file (read-only) to say what comes next.

Moving on goes timer by timer: the clock stops just after each due timer and waits until the
bot has fired it and delivered what it said, so every reminder arrives "on time" and in order,
never as a late batch, and is dated at its own moment rather than at the next stop.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from .world import World

STEP_PAST_DUE = timedelta(seconds=1)
FIRE_WAIT = 8.0  # seconds to wait for the bot to fire one timer before moving on anyway
MAX_STEPS = 40  # timers stepped through one by one in one move; the rest fire together


@dataclass(frozen=True)
class Upcoming:
    """A timer the bot has stored and not fired yet."""

    name: str
    event: str
    due_at: datetime

    def to_json(self) -> dict[str, str]:
        return {"name": self.name, "event": self.event, "due_at": self.due_at.isoformat()}


class SandboxClock:
    def __init__(self, path: Path, db_path: Path, world: World) -> None:
        self.path, self.db_path, self.world = path, db_path, world
        self.offset = 0.0
        self._moving = asyncio.Lock()
        self._write()

    def now(self) -> datetime:
        return datetime.fromtimestamp(time.time() + self.offset, UTC)

    def _write(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(f"{self.offset:.3f}\n")
        tmp.replace(self.path)  # the bot never reads half a number
        self.world.clock_offset = self.offset

    def _set(self, moment: datetime) -> None:
        self.offset = max(self.offset, moment.timestamp() - time.time())
        self._write()

    def upcoming(self, limit: int = 8) -> list[Upcoming]:
        if not self.db_path.exists():
            return []
        try:
            conn = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True, timeout=5.0)
            try:
                rows = conn.execute(
                    "SELECT name, event, due_at FROM timers WHERE fired_at IS NULL "
                    "ORDER BY due_at, id LIMIT ?", (limit,)).fetchall()
            finally:
                conn.close()
        except sqlite3.Error:  # not migrated yet, or busy: nothing to tell right now
            return []
        return [Upcoming(n, e, datetime.fromisoformat(d)) for n, e, d in rows]

    def _undelivered(self) -> int:
        """Messages the bot decided and has not delivered yet (its outbox)."""
        try:
            conn = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True, timeout=5.0)
            try:
                (count,), = conn.execute("SELECT COUNT(*) FROM outbox WHERE failed_at IS NULL")
            finally:
                conn.close()
        except sqlite3.Error:
            return 0
        return int(count)

    async def _wait_fired(self, timer: Upcoming) -> None:
        """Until the bot fired `timer` and delivered what it said, so its messages carry the
        timer's moment rather than the next stop's (FIRE_WAIT at most)."""
        deadline = time.monotonic() + FIRE_WAIT
        while time.monotonic() < deadline:
            if all(u.name != timer.name or u.due_at != timer.due_at
                   for u in self.upcoming(50)) and self._undelivered() == 0:
                return
            await asyncio.sleep(0.1)

    async def advance(self, seconds: float) -> int:
        """Moves the clock `seconds` on, stopping at every timer due on the way until the bot
        fired it (timers it sets meanwhile count too). Returns how many timers fell due."""
        async with self._moving:
            target = self.now() + timedelta(seconds=seconds)
            fired = 0
            while True:
                due = [u for u in self.upcoming(1) if u.due_at <= target]
                if not due:
                    break
                self._set(due[0].due_at + STEP_PAST_DUE)
                await self._wait_fired(due[0])
                fired += 1
                if fired >= MAX_STEPS:  # e.g. the 2-minute talk tick over a week: jump the rest
                    break
            self._set(target)
            return fired

    async def to_next(self) -> Upcoming | None:
        """Moves the clock to the next stored timer and lets it fire."""
        upcoming = self.upcoming(1)
        if not upcoming:
            return None
        await self.advance(max(0.0, (upcoming[0].due_at - self.now()).total_seconds()) + 1)
        return upcoming[0]

    def to_json(self) -> dict[str, object]:
        return {"now": self.now().isoformat(), "offset": round(self.offset),
                "upcoming": [u.to_json() for u in self.upcoming()]}
