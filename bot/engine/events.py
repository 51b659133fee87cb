"""Load, decide, store: the one path every cycle event takes.

The cycle's new state, its contributions, its timers, its messages (the outbox) and the mark
that the update (or timer) was handled are written in ONE transaction (bot/engine/work.py), so
a crash leaves either all of it or none, and a redelivered update or a timer seen again after
a restart finds its mark and changes nothing.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from bot.engine import effects
from bot.engine.work import Once, Unit, work
from bot.media.transcribe import QUOTABLE, backend_from_env
from flows.cycle.events import Contribution, Event, actor_of
from flows.cycle.model import Cycle, CycleContext, Decision
from flows.cycle.start import new_cycle, opening_effects, why_not_now
from flows.cycle.table import decide
from flows.effects import Text, text
from flows.model import Group, Phase
from flows.schedule.plan import announce_time, next_meetings
from storage import contributions, cycles, groups, members
from storage.db import Tx


def can_transcribe(language: str) -> bool:
    """Whether a voice note in this group's language can be read on this machine
    (pocketsphinx knows English only)."""
    backend = backend_from_env()
    return backend != "none" and (backend != "pocketsphinx" or language == "en")


def transcripts_quotable() -> bool:
    """Whether the words this machine's back-end hears may be quoted (whisper yes,
    pocketsphinx no: bot/media/transcribe.QUOTABLE)."""
    return backend_from_env() in QUOTABLE


# A member's message in these phases never closes the cycle nor moves it on, so it needs
# neither the group's past cycles, nor its coming meetings, nor what was said before it in
# the cycle (the nudge reads the message and the nudge history alone): the hot path, every
# message of the talk, skips them. Loading the cycle's contributions for every message grew
# with the talk's length (tests/unit/test_talk_context.py holds the flow to this).
_TALK_ONLY = (Phase.GOAL, Phase.REALITY, Phase.OPTIONS)


async def load_context(tx: Tx, group: Group, cycle: Cycle, now: datetime,
                       event: Event | None = None) -> CycleContext:
    ctx = CycleContext(cycle, group.settings, await members.active(tx, group.id), now,
                       group_title=group.title,
                       can_transcribe=can_transcribe(group.settings.language),
                       transcripts_quotable=transcripts_quotable(),
                       voice_notice_given=await groups.voice_notice_given(tx, group.id))
    if isinstance(event, Contribution) and cycle.phase in _TALK_ONLY:
        return ctx
    return replace(ctx, contributions=await contributions.of_cycle(tx, cycle.id),
                   history=await cycles.history(tx, group.id),
                   upcoming_meetings=await upcoming_meetings(tx, group, now, len(ctx.members)),
                   cancelled_meetings=await cycles.cancelled_meetings(tx, group.id, now),
                   former=await members.former(tx, group.id))


async def upcoming_meetings(tx: Tx, group: Group, now: datetime,
                            count: int) -> tuple[datetime, ...]:
    schedule = await groups.schedule_of(tx, group.id)
    if schedule is None:
        return ()
    return tuple(next_meetings(schedule, now, group.settings.timezone, max(count, 1)))


async def decide_in(unit: Unit, group: Group, event: Event, *, cycle_id: int | None = None,
                    late: bool = False) -> Decision | None:
    """Decides `event` for the group's open cycle (or the cycle `cycle_id`) and stores the
    outcome in the unit. None when there is no such cycle."""
    tx = unit.tx
    cycle = await (cycles.get(tx, cycle_id) if cycle_id else cycles.open_cycle(tx, group.id))
    if cycle is None or cycle.group_id != group.id:
        return None
    decision = decide(await load_context(tx, group, cycle, unit.now, event), event)
    if not decision.refused:
        await cycles.save(tx, cycle, decision.cycle, event=event.name,
                          actor_id=actor_of(event) or None, now=unit.now)
        await effects.store(unit, group, decision.cycle, decision.effects, late=late)
        if cycle.is_open and not decision.cycle.is_open:
            await announce_what_waited(unit, group)
    return decision


async def announce_what_waited(unit: Unit, group: Group) -> None:
    """A cycle just ended (or the bot can read the group again). Where meetings follow closer
    than the announcement comes ahead (daily meetings, announced 48 hours before), the next
    meeting's announcement came while this cycle was still open (or while the bot could not
    read the group) and was refused: its inbrenger is announced now, so they still have time
    to bring a clip, rather than first at the meeting itself."""
    upcoming = await upcoming_meetings(unit.tx, group, unit.now, 1)
    if not upcoming or announce_time(upcoming[0], group.settings) > unit.now:
        return
    if not await cycles.announced_for(unit.tx, group.id, upcoming[0]):
        await start_cycle_in(unit, group, actor_id=None, meeting_at=upcoming[0])


async def run_event(app: Any, group: Group, event: Event, *, cycle_id: int | None = None,
                    once: Once | None = None, late: bool = False) -> Decision | None:
    """The event in a unit of its own. None when there is no such cycle or it was handled
    before."""
    async with work(app, once or Once()) as unit:
        if unit is None:
            return None
        return await decide_in(unit, group, event, cycle_id=cycle_id, late=late)


async def start_cycle_in(unit: Unit, group: Group, *, actor_id: int | None,
                         inbrenger_id: int | None = None, meeting_at: datetime | None = None,
                         late: bool = False) -> Cycle | Text:
    """Opens a new cycle and announces it; the reason as a Text when none can start."""
    group_members = await members.active(unit.tx, group.id)
    running = await cycles.open_cycle(unit.tx, group.id)
    if running:
        return why_not_now(running, group_members, group.settings)
    if not await groups.reads_talk(unit.tx, group.id):
        return text("cycle.refused.cannot_read")  # it would ask for a clip it never sees
    cycle = new_cycle(group.id, group_members, unit.now, inbrenger_id=inbrenger_id,
                      meeting_at=meeting_at)
    if isinstance(cycle, Text):
        return cycle
    cycle = await cycles.create(unit.tx, cycle, actor_id=actor_id, event="start", now=unit.now)
    opening = opening_effects(CycleContext(
        cycle, group.settings, group_members, unit.now, group_title=group.title,
        history=await cycles.history(unit.tx, group.id),
        upcoming_meetings=await upcoming_meetings(unit.tx, group, unit.now, 1)))
    await effects.store(unit, group, cycle, opening, late=late)
    return cycle


async def start_cycle(app: Any, group: Group, *, actor_id: int | None,
                      inbrenger_id: int | None = None, meeting_at: datetime | None = None,
                      once: Once | None = None, late: bool = False) -> Cycle | Text | None:
    """start_cycle_in, in a unit of its own; None when it was handled before."""
    async with work(app, once or Once()) as unit:
        if unit is None:
            return None
        return await start_cycle_in(unit, group, actor_id=actor_id, inbrenger_id=inbrenger_id,
                                    meeting_at=meeting_at, late=late)
