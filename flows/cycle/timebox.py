"""A timebox changed while its phase runs (/settings doel 3 in goal, /settings kijken 1 while
the group watches): the running phase follows it at once, counted from the phase's start
(reality's step reminder from the step's start), and the group hears so. An admin who
shortens the phase now wants it shorter now; one who lengthens it wants the reminder later.
The look back keeps its own short timebox."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from flows.cycle.actions import remind_phase
from flows.cycle.events import Event, TimeboxChanged
from flows.cycle.model import CycleContext, Decision
from flows.cycle.phases import cancel_timers, current_step, step_minutes, timer_at
from flows.effects import Effect, Say, text
from flows.model import STEPS, Phase


def follow_timebox(ctx: CycleContext, event: Event) -> Decision:
    assert isinstance(event, TimeboxChanged)
    cycle = ctx.cycle
    minutes = ctx.settings.phase_minutes(cycle.phase)
    if minutes == event.before.phase_minutes(cycle.phase):
        return Decision(cycle)  # another setting, or another phase's timebox
    due = max(cycle.phase_started_at + timedelta(minutes=minutes), ctx.now)
    seconds = (due - ctx.now).total_seconds()
    left = max(1, int(seconds // 60)) if seconds > 0 else 0  # as /status, but 30 s is not up
    timer = "watch_end" if cycle.phase is Phase.WATCHING else "phase_reminder"
    phase = text(f"cycle.phase.{cycle.phase.value}")
    said = text("cycle.timebox_now", phase=phase, minutes=minutes, left=left) if left \
        else text("cycle.timebox_now_up", phase=phase, minutes=minutes)
    # A reminder that came already under the old timebox is not given again for a new one
    # that is up too: the words below say so.
    came = cycle.phase_started_at + timedelta(minutes=event.before.phase_minutes(cycle.phase))
    if not left and came > ctx.now and timer == "phase_reminder":
        # Up at once under the new time: the reminder itself is the one message (its timer
        # set for now came right under "that time is already up", saying the same).
        return Decision(cycle, (*cancel_timers(cycle, timer), *_step_reminder(ctx, event, due),
                                *remind_phase(ctx, event).effects))
    again = () if came <= ctx.now and not left else (timer_at(cycle, timer, due),)
    if left and cycle.phase is Phase.WATCHING:  # a longer watch: its new end opens the talk
        cycle = replace(cycle, watch_time_over=False)
    return Decision(cycle, (*again, *_step_reminder(ctx, event, due), Say((said,))))


def _step_reminder(ctx: CycleContext, event: TimeboxChanged, phase_due: datetime) -> tuple[
        Effect, ...]:
    """Reality's step reminder is its share of the phase's timebox, counted from the step's
    start: it moves with the timebox unless it already came (never twice for one step), and
    goes when the whole phase is up (the phase's reminder says enough)."""
    cycle = ctx.cycle
    step = current_step(cycle)
    steps = STEPS.get(cycle.phase, ())
    if cycle.phase is not Phase.REALITY or step == steps[-1]:
        return ()
    started = cycle.step_started_at or (cycle.phase_started_at if step == steps[0] else None)
    if started is None:  # a later step of a cycle stored before steps kept their start
        return ()
    if started + timedelta(minutes=step_minutes(event.before, cycle.phase)) <= ctx.now:
        return ()
    if phase_due <= ctx.now:
        return cancel_timers(cycle, "step_reminder")
    share = timedelta(minutes=step_minutes(ctx.settings, cycle.phase))
    return (timer_at(cycle, "step_reminder", max(started + share, ctx.now)),)
