"""A timebox changed while its phase runs (/settings doel 3 in goal, /settings kijken 1 while
the group watches): the running phase follows it at once, counted from the phase's start,
and the group hears so. An admin who shortens the phase now wants it shorter now; one who
lengthens it wants the reminder later. The look back keeps its own short timebox."""
from __future__ import annotations

from datetime import timedelta

from flows.cycle.model import CycleContext, Decision, Event, TimeboxChanged
from flows.cycle.phases import timer_at
from flows.effects import Say, text
from flows.model import Phase


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
    return Decision(cycle, (timer_at(cycle, timer, due), Say((said,))))
