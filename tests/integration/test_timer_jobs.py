"""The JobQueue that fires the stored timers in production (bot/engine/jobs.py): it holds one
job per pending timer, at the timer's time, following every timer set, moved or cancelled; on
a start it gets every pending timer again, and one that fell due while the bot was down runs
a moment after the start (APScheduler skips a job whose time is long past). The Application is
built as in production against the fake Bot API; the JobQueue is not started, so nothing fires
(what fires does is tests/integration/test_timers_with_a_clock.py)."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.engine import jobs
from bot.engine.services import services_of
from bot.engine.work import work
from bot.startup.application import build_application
from fake_telegram import FakeTelegramServer
from flows.effects import CancelTimer, SetTimer
from flows.model import Group, Settings
from storage import groups
from tests.bot_api import App, config_for, start, stop

T0 = datetime(2027, 3, 26, 9, 0, tzinfo=UTC)
HOUR, MINUTE = timedelta(hours=1), timedelta(minutes=1)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


async def _started(server: FakeTelegramServer, tmp_path: Path, clock: Clock) -> App:
    app = build_application(config_for(server, tmp_path))
    services_of(app).clock = clock
    return await start(app)


async def _group(app: App) -> Group:
    async with services_of(app).db.transaction() as tx:
        group, _ = await groups.register(tx, -1001000000078, 0, "Groep", Settings(), T0)
    return group


async def _timers(app: App, group: Group, *effects: SetTimer | CancelTimer) -> None:
    async with work(app) as unit:
        assert unit is not None
        for effect in effects:
            await unit.set_timer(group.id, effect)


def _jobs(app: App) -> list[tuple[str, datetime]]:
    """The timers' jobs in the JobQueue: (name, when it runs)."""
    assert app.job_queue is not None
    return sorted((job.name or "", job.job.trigger.run_date) for job in app.job_queue.jobs()
                  if (job.name or "").startswith("timer:"))


async def test_the_job_queue_follows_every_timer_set_moved_and_cancelled(
        server: FakeTelegramServer, tmp_path: Path) -> None:
    app = await _started(server, tmp_path, Clock(T0))
    try:
        group = await _group(app)

        def key(name: str) -> str:
            return jobs.queue_key(group.id, name)

        await _timers(app, group, SetTimer("remind", T0 + HOUR, "clip_reminder"),
                      SetTimer("open", T0 + 2 * HOUR, "meeting_open"))
        assert _jobs(app) == [(key("open"), T0 + 2 * HOUR), (key("remind"), T0 + HOUR)]
        # Moved: the old job goes, or the reminder would come at both times.
        await _timers(app, group, SetTimer("remind", T0 + 90 * MINUTE,
                                           "clip_reminder"))
        assert _jobs(app) == [(key("open"), T0 + 2 * HOUR),
                              (key("remind"), T0 + 90 * MINUTE)]
        await _timers(app, group, CancelTimer("open"))
        assert _jobs(app) == [(key("remind"), T0 + 90 * MINUTE)]
    finally:
        await stop(app)


async def test_after_a_restart_every_pending_timer_has_its_job_and_an_overdue_one_runs_at_once(
        server: FakeTelegramServer, tmp_path: Path) -> None:
    clock = Clock(T0)
    app = await _started(server, tmp_path, clock)
    try:
        group = await _group(app)
        await _timers(app, group, SetTimer("remind", T0 + HOUR, "clip_reminder"),
                      SetTimer("open", T0 + 5 * HOUR, "meeting_open"))
    finally:
        await stop(app)
    clock.now = T0 + 2 * HOUR  # the bot was down while the reminder fell due
    app = await _started(server, tmp_path, clock)
    try:
        assert _jobs(app) == [
            (jobs.queue_key(group.id, "open"), T0 + 5 * HOUR),
            (jobs.queue_key(group.id, "remind"), clock.now + jobs.CATCH_UP)]
    finally:
        await stop(app)
