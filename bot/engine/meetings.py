"""Meetings on a calendar: /schedule, and the meeting timers it plans (announce, remind,
open). The plan itself is pure (flows/schedule/plan.py); this module stores it and reacts to it."""
from __future__ import annotations

import logging
from datetime import datetime

from telegram import Update
from telegram.ext import Application, BaseHandler, CommandHandler, ContextTypes, filters

from bot.engine import effects as effect_runner
from bot.engine import timers as jobs
from bot.engine.events import Once, claim, run_event, start_cycle
from bot.engine.services import services, services_of
from bot.handlers.common import admin_or_refuse, answer, group_command
from bot.texts.render import render_all
from flows.cycle.model import TimerFired
from flows.effects import CancelTimer, SetTimer, Text, text
from flows.model import Group
from flows.schedule import plan as planning
from storage import groups
from storage import timers as timer_store

log = logging.getLogger(__name__)


async def _replan(app: Application, group: Group, schedule: planning.Schedule | None) -> None:
    """Stores the timers of the next meeting (and cancels those of meetings no longer
    planned), then mirrors them on the JobQueue."""
    svc = services_of(app)
    now = svc.now()
    async with svc.db.transaction() as tx:
        pending = await timer_store.pending_of(tx, group.id)
        fired = await timer_store.fired_names(tx, group.id, "meeting:")
        plan = planning.replan([t.name for t in pending], schedule, now, group.settings,
                               fired=fired)
        # A job that fell due while the bot was down keeps its own time: it fires at start,
        # and its message says it comes late (re-planned to "now", it would not know).
        overdue = {t.name for t in pending if t.due_at <= now}
        effects = [e for e in plan.effects() if isinstance(e, (SetTimer, CancelTimer))
                   and not (isinstance(e, SetTimer) and e.name in overdue)]
        for effect in effects:
            await effect_runner.store_timer(tx, group.id, effect)
    for effect in effects:
        await jobs.mirror(app, group.id, effect)


async def schedule_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    command = await group_command(update, context)
    if command is None:
        return
    group = command.group
    svc = services(context)
    language, tz = group.settings.language, group.settings.timezone
    argument = " ".join(context.args or ()).strip()
    async with svc.db.reading() as tx:
        stored = await groups.schedule_of(tx, group.id)
    current = planning.Schedule.from_text(stored) if stored else None
    if not argument:
        await _answer(update, language, planning.schedule_overview(current, svc.now(), tz,
                                                                   language))
        return
    if not await admin_or_refuse(update, context, command, "bot.only_admins_schedule"):
        return
    if planning.is_off(argument):
        new: planning.Schedule | None = None
    else:
        parsed = planning.parse_schedule(argument, svc.now(), tz)
        if isinstance(parsed, planning.ScheduleError):
            await _answer(update, language, parsed.texts())
            return
        new = parsed
    async with svc.db.transaction() as tx:
        await groups.set_schedule(tx, group.id, new.to_text() if new else None)
    await _replan(context.application, group, new)
    if new is None:
        await _answer(update, language, (text("schedule.stopped"),))
    else:
        await _answer(update, language, (text("schedule.saved"),)
                      + planning.schedule_overview(new, svc.now(), tz, language))


async def _answer(update: Update, language: str, texts: tuple[Text, ...]) -> None:
    message = update.effective_message
    if message is not None:
        await answer(message, render_all(language, texts))


async def timer_fired(app: Application, group: Group, timer: timer_store.StoredTimer, *,
                      once: Once, late: bool) -> None:
    meeting_at = datetime.fromisoformat(timer.payload.get("meeting_at", ""))
    if timer.event == planning.EVENT_ANNOUNCE:
        started = await start_cycle(app, group, actor_id=None, meeting_at=meeting_at, once=once,
                                    late=late)
        if isinstance(started, Text):
            log.info("group %s: meeting not announced: %s", group.id, started.key)
    elif timer.event == planning.EVENT_CLIP_REMINDER:
        await run_event(app, group, TimerFired("clip_reminder"), once=once, late=late)
    elif timer.event == planning.EVENT_OPEN:
        # The cycle announced for this meeting opens by its own timer (set when it was
        # announced, cancelled with it); here the schedule only plans the next meeting.
        await _claim_only(app, once)
        await _replan(app, group, await _stored_schedule(app, group))


async def _claim_only(app: Application, once: Once) -> None:
    svc = services_of(app)
    async with svc.db.transaction() as tx:
        await claim(tx, once, svc.now())


async def _stored_schedule(app: Application, group: Group) -> planning.Schedule | None:
    async with services_of(app).db.reading() as tx:
        stored = await groups.schedule_of(tx, group.id)
    return planning.Schedule.from_text(stored) if stored else None


async def restore(app: Application) -> None:
    """On start: make sure every scheduled group has the timers of its next meeting."""
    async with services_of(app).db.reading() as tx:
        scheduled = await groups.with_schedules(tx)
    for group, stored in scheduled:
        try:
            await _replan(app, group, planning.Schedule.from_text(stored))
        except ValueError:
            log.error("group %s: stored schedule unreadable; left as it is", group.id)


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [CommandHandler("schedule", schedule_command, filters.ChatType.GROUPS)]
