"""The bot with a clock that can be moved on: `intervision sandbox` only.

The sandbox starts the bot as `python -m bot.cli.sandbox_bot` (not `intervision run`)
with INTERVISION_SANDBOX_CLOCK naming a small text file that holds how many seconds the
sandbox's clock runs ahead of the real one. This module then

- sets `Services.clock` to real time plus that offset (the file is re-read when it changes),
  so every decision, stored time and timer the bot makes follows the sandbox's clock;
- runs a job every second that fires the stored timers that are due by that clock
  (`bot.engine.jobs.fire`), because python-telegram-bot's JobQueue waits in real time.
  A timer fires once however often it is fired (it is claimed with its effects), so the
  JobQueue's own job, when its real time comes, has nothing left to do.

`intervision run` never imports this module: production keeps `utc_now` and the JobQueue.
"""
from __future__ import annotations

import logging
from datetime import datetime, timedelta
from pathlib import Path

from telegram.ext import Application, ContextTypes

from bot.engine import jobs
from bot.engine.services import services_of, utc_now
from storage import timers as timer_store

log = logging.getLogger(__name__)
CLOCK_FILE_VARIABLE = "INTERVISION_SANDBOX_CLOCK"
CHECK_EVERY = 1.0  # seconds between looks for timers due by the moved clock


class MovableClock:
    """Real UTC time plus the offset (seconds) written in `path`; 0 while the file is absent."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._seen: int | None = None
        self._offset = timedelta(0)

    @property
    def offset(self) -> timedelta:
        try:
            changed = self.path.stat().st_mtime_ns
        except FileNotFoundError:
            return timedelta(0)
        if changed != self._seen:
            self._seen = changed
            try:
                self._offset = timedelta(seconds=float(self.path.read_text().strip() or 0))
            except ValueError:
                log.warning("%s does not hold a number of seconds; clock unchanged", self.path)
        return self._offset

    def __call__(self) -> datetime:
        return utc_now() + self.offset


async def fire_due(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Fires every stored timer that is due by the (moved) clock, oldest first."""
    app = context.application
    svc = services_of(app)
    async with svc.db.reading() as tx:
        pending = await timer_store.pending(tx)
    now = svc.now()
    for timer in pending:
        if timer.due_at <= now:
            await jobs.fire(app, timer)


def install(app: Application, clock_file: Path) -> None:  # type: ignore[type-arg]
    services_of(app).clock = MovableClock(clock_file)
    if app.job_queue is not None:
        app.job_queue.run_repeating(fire_due, interval=CHECK_EVERY, first=CHECK_EVERY,
                                    name="sandbox:fire_due")
