"""Meetings on a calendar: the meeting timers a schedule plans (announce, remind, open). The
plan itself is pure (flows/schedule/plan.py); this module stores it and reacts to it. The
/schedule command is bot/handlers/schedule.py."""
from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from bot.engine.effects import to_group
from bot.engine.events import decide_in, start_cycle_in
from bot.engine.services import services_of
from bot.engine.work import Once, Unit, work
from flows.catalog import render
from flows.cycle.events import MeetingBegan, ScheduleChanged, TimeboxChanged, TimerFired
from flows.effects import CancelTimer, Text
from flows.model import Group, Settings
from flows.schedule import plan as planning
from storage import cycles, groups
from storage import timers as timer_store

log = logging.getLogger(__name__)


async def replan_in(unit: Unit, group: Group, schedule: planning.Schedule | None) -> None:
    """Stores the timers of the next meeting and cancels those of meetings no longer
    planned; the JobQueue follows after the commit."""
    pending = await timer_store.pending_of(unit.tx, group.id)
    fired = await timer_store.fired_names(unit.tx, group.id, "meeting:")
    plan = planning.replan([t.name for t in pending], schedule, unit.now, group.settings,
                           fired=fired)
    # A job that fell due while the bot was down keeps its own time: it fires at start,
    # and its message says it comes late (re-planned to "now", it would not know). Nor is it
    # cancelled while its meeting is still planned: the plan leaves out a reminder whose
    # time has passed, and the day-before reminder of a bot down that morning would be lost.
    overdue = {t.name for t in pending if t.due_at <= unit.now}
    planned = {planning.meeting_of(job.name) for job in plan.set}
    for name in plan.cancel:
        if name not in overdue or planning.meeting_of(name) not in planned:
            await unit.set_timer(group.id, CancelTimer(name))
    for job in plan.set:
        if job.name not in overdue:
            await unit.set_timer(group.id, job.to_effect())


async def schedule_changed(unit: Unit, group: Group) -> None:
    """After a new schedule or time zone was stored: the next meeting's timers planned by the
    stored schedule, a cycle announced for a meeting that moved follows it, and a next turn
    told at a cycle's close that moved is told again (both read the stored schedule too:
    flows/cycle/meeting.py)."""
    await replan_in(unit, group, await groups.schedule_of(unit.tx, group.id))
    # Read before the open cycle follows its meeting: a told turn whose meeting a cycle holds
    # (passed on to someone else, or started for another) is no longer that person's to move.
    told = await cycles.told_turns(unit.tx, group.id, unit.now)
    await decide_in(unit, group, ScheduleChanged())
    for cycle_id in told:
        await decide_in(unit, group, ScheduleChanged(), cycle_id=cycle_id)


async def settings_changed(unit: Unit, group: Group, before: Settings | None = None) -> None:
    """After `group`'s settings were stored: its next meeting's timers planned by them (the
    announcement and reminder hours, the time zone; "reminder 0" cancels a reminder already
    set), and the open cycle's running phase told what they were `before` (a timebox changed
    now counts now). /settings and /setup on a known group both come here."""
    await schedule_changed(unit, group)
    if before is not None and before != group.settings:
        # The running phase decides whether its own timebox changed (flows/cycle/timebox.py).
        await decide_in(unit, group, TimeboxChanged(before))


async def timer_fired(app: Any, group: Group, timer: timer_store.StoredTimer, *,
                      once: Once, late: bool) -> None:
    async with work(app, once) as unit:
        if unit is None:
            return
        if timer.event == planning.EVENT_ANNOUNCE:
            meeting_at = datetime.fromisoformat(timer.payload.get("meeting_at", ""))
            started = await start_cycle_in(unit, group, actor_id=None, meeting_at=meeting_at,
                                           late=late)
            if isinstance(started, Text):
                log.info("group %s: meeting not announced: %s", group.id, started.key)
                if started.key == "cycle.refused.cannot_read":  # the group waits for nothing
                    await unit.send(to_group(group, render(group.settings.language, started)))
        elif timer.event == planning.EVENT_CLIP_REMINDER:
            if planning.reminder_in_time(timer.payload, unit.now):
                await decide_in(unit, group, TimerFired("clip_reminder"), late=late)
        elif timer.event == planning.EVENT_OPEN:
            # The cycle announced for this meeting opens by its own timer (set when it was
            # announced, cancelled with it); a cycle still open from before hears that this
            # meeting began. Then the schedule plans the next meeting.
            meeting_at = datetime.fromisoformat(timer.payload.get("meeting_at", ""))
            told = await decide_in(unit, group, MeetingBegan(meeting_at), late=late)
            if told is None and not await cycles.announced_for(unit.tx, group.id, meeting_at):
                # Its announcement found a cycle started by hand that has closed since: the
                # meeting is announced now rather than skipped in silence.
                await start_cycle_in(unit, group, actor_id=None, meeting_at=meeting_at,
                                     late=late)
            await replan_in(unit, group, await groups.schedule_of(unit.tx, group.id))


async def restore(app: Any) -> None:
    """On start: make sure every scheduled group has the timers of its next meeting."""
    async with services_of(app).db.reading() as tx:
        scheduled = await groups.with_schedules(tx)
    for group, schedule in scheduled:
        async with work(app) as unit:
            assert unit is not None
            await replan_in(unit, group, schedule)
