"""Load, decide, store, send: the one path every cycle event takes.

The cycle's new state, its contributions, its timers and the mark that the update (or timer)
was handled are written in ONE transaction, so a crash leaves either all of it or none, and a
redelivered update or a timer seen again after a restart finds its mark and changes nothing.
Messages go out after the commit.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from telegram.ext import Application

from bot.engine import effects as effect_runner
from bot.engine.services import services_of
from flows.cycle.model import Cycle, CycleContext, Decision, Event
from flows.cycle.start import new_cycle, opening_effects
from flows.cycle.table import decide
from flows.effects import Effect, Text
from flows.model import Group
from storage import contributions, cycles, members, updates
from storage import timers as timer_store
from storage.db import Database, Tx

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Once:
    """What makes an event count once: the update id, or a timer's id and due time."""

    update_id: int | None = None
    timer: tuple[int, datetime] | None = None


async def claim(tx: Tx, once: Once, now: datetime) -> bool:
    """Marks the update or timer as handled; False when it was handled before."""
    if once.update_id is not None and not await updates.mark(tx, once.update_id, now):
        return False
    return once.timer is None or await timer_store.claim(tx, *once.timer, now)


async def load_context(tx: Tx, group: Group, cycle: Cycle, now: datetime) -> CycleContext:
    return CycleContext(cycle, group.settings, await members.active(tx, group.id), now,
                        await contributions.of_cycle(tx, cycle.id))


async def decide_and_store(db: Database, group: Group, event: Event, now: datetime, *,
                           cycle_id: int | None = None, once: Once = Once()) -> Decision | None:
    """The storage half of an event: load, decide, and commit the outcome in one transaction.
    None when there is no such cycle or the event was handled before."""
    async with db.transaction() as tx:
        if not await claim(tx, once, now):
            return None
        cycle = await (cycles.get(tx, cycle_id) if cycle_id else cycles.open_cycle(tx, group.id))
        if cycle is None or cycle.group_id != group.id:
            return None
        decision = decide(await load_context(tx, group, cycle, now), event)
        if not decision.refused:
            await cycles.save(tx, cycle, decision.cycle, event=event.name,
                              actor_id=getattr(event, "actor", None) or None, now=now)
            await effect_runner.store(tx, group, decision.cycle, decision.effects, now)
    return decision


async def run_event(app: Application, group: Group, event: Event, *, cycle_id: int | None = None,
                    once: Once = Once(), late: bool = False) -> Decision | None:
    """Decides `event` for the group's open cycle (or the cycle `cycle_id`), stores the outcome,
    then sends what it says. None when there is no such cycle or it was handled before."""
    svc = services_of(app)
    decision = await decide_and_store(svc.db, group, event, svc.now(), cycle_id=cycle_id,
                                      once=once)
    if decision is not None and not decision.refused:
        await effect_runner.carry_out(app, group, decision.cycle, decision.effects, late=late)
    return decision


async def start_cycle(app: Application, group: Group, *, actor_id: int | None,
                      inbrenger_id: int | None = None, meeting_at: datetime | None = None,
                      once: Once = Once(), late: bool = False) -> Cycle | Text | None:
    """Opens a new cycle and announces it; the reason as a Text when none can start."""
    svc = services_of(app)
    now = svc.now()
    async with svc.db.transaction() as tx:
        if not await claim(tx, once, now):
            return None
        if await cycles.open_cycle(tx, group.id):
            return Text("cycle.refused.already_running")
        group_members = await members.active(tx, group.id)
        cycle = new_cycle(group.id, group_members, now, inbrenger_id=inbrenger_id,
                          meeting_at=meeting_at)
        if isinstance(cycle, Text):
            return cycle
        cycle = await cycles.create(tx, cycle, actor_id=actor_id, event="start", now=now)
        effects: tuple[Effect, ...] = opening_effects(
            CycleContext(cycle, group.settings, group_members, now))
        await effect_runner.store(tx, group, cycle, effects, now)
    await effect_runner.carry_out(app, group, cycle, effects, late=late)
    return cycle


__all__ = ["Once", "load_context", "run_event", "start_cycle"]
