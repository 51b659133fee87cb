"""Stored timers mirrored on python-telegram-bot's JobQueue (APScheduler).

The database is the source of truth: jobs live only in memory, so on start every pending
timer is scheduled again, and a timer that fell due while the bot was down fires at once.
A fired timer is claimed in the same transaction as its effects (bot/engine/work.py), so it
fires once even when a job is scheduled twice or the bot restarts halfway. Where a fired
timer goes is handed in at start (`Services.on_timer`), so this module imports nothing above.
"""
from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from telegram.ext import Application, ContextTypes

from bot.engine.lanes import AGAIN_AFTER, TRIES
from bot.engine.services import services_of
from flows.effects import CancelTimer, SetTimer
from storage import timers as timer_store
from storage.db import unavailable
from storage.timers import StoredTimer

log = logging.getLogger(__name__)

# A timer that fell due this long before the bot started was held up by the bot being down,
# and its message says so. One due while the bot runs is never "late": a busy moment is not
# an outage, and the sandbox's clock moved on is none either. A group hears it once an outage:
# the first message of its overdue timers says it, the others do not repeat it.
LATE_AFTER = timedelta(seconds=30)
# APScheduler skips a job whose time passed longer ago than its misfire grace time, so a
# past-due timer is scheduled a moment from now instead.
CATCH_UP = timedelta(milliseconds=200)
# A timer that fires while the database cannot be written (a full disk) fires again after this.
RETRY_BUSY = timedelta(seconds=30)


def queue_key(group_id: int, name: str) -> str:
    """The JobQueue's key of a stored timer (unique over groups; the timer's own name is
    unique within its group)."""
    return f"timer:{group_id}:{name}"


def _remove(app: Application, name: str) -> None:  # type: ignore[type-arg]
    if app.job_queue is None:
        return
    for job in app.job_queue.get_jobs_by_name(name):
        job.schedule_removal()


def schedule(app: Application, timer: StoredTimer) -> None:  # type: ignore[type-arg]
    if app.job_queue is None:
        return
    name = queue_key(timer.group_id, timer.name)
    _remove(app, name)
    when = max(timer.due_at, services_of(app).now() + CATCH_UP)
    app.job_queue.run_once(_fire, when=when, data=timer, name=name)


async def mirror(app: Application, group_id: int,  # type: ignore[type-arg]
                 effect: SetTimer | CancelTimer) -> None:
    """Brings the JobQueue in line with what was just stored."""
    if isinstance(effect, CancelTimer):
        _remove(app, queue_key(group_id, effect.name))
        return
    async with services_of(app).db.reading() as tx:
        timer = await timer_store.get(tx, group_id, effect.name)
    if timer is not None:
        schedule(app, timer)


async def restore(app: Application) -> int:  # type: ignore[type-arg]
    """Schedules every pending timer; past-due ones run right away."""
    async with services_of(app).db.reading() as tx:
        pending = await timer_store.pending(tx)
    for timer in pending:
        schedule(app, timer)
    return len(pending)


async def _fire(context: ContextTypes.DEFAULT_TYPE) -> None:
    assert context.job is not None
    timer = context.job.data
    assert isinstance(timer, StoredTimer)
    await fire(context.application, timer)


async def fire(app: Application, timer: StoredTimer) -> None:  # type: ignore[type-arg]
    """Runs a due timer (the JobQueue's callback; tests with a controlled clock call it)."""
    svc = services_of(app)
    late = ((svc.started_at or svc.now()) - timer.due_at > LATE_AFTER
            and timer.group_id not in svc.told_late)
    if svc.on_timer is None:
        log.error("timer %s fired before the bot was started", timer.name)
        return
    for attempt in range(1, TRIES + 1):
        try:
            await svc.on_timer(app, timer, late=late)
            return
        except Exception as error:
            if unavailable(error) is not None:
                _again_later(app, timer, error)
                return
            if attempt == TRIES:  # the cycle waits for a person's /next, or the next start
                log.exception("timer %s of group %s failed %s times; it fires again at the "
                              "next start", timer.name, timer.group_id, TRIES)
                return
            log.warning("timer %s of group %s failed (%s); tried again", timer.name,
                        timer.group_id, type(error).__name__)
            await asyncio.sleep(AGAIN_AFTER * attempt)


def _again_later(app: Application, timer: StoredTimer,  # type: ignore[type-arg]
                 error: Exception) -> None:
    """Not claimed (its transaction did not commit): it fires again in a while, once."""
    why = unavailable(error)
    log.error("timer %s of group %s waits: %s; again in %.0f s", timer.name,
              timer.group_id, why, RETRY_BUSY.total_seconds())
    if app.job_queue is not None:
        app.job_queue.run_once(_fire, when=RETRY_BUSY, data=timer,
                               name=queue_key(timer.group_id, timer.name))
