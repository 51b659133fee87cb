"""People added to the chat while a cycle runs: the welcome names the cycle and whose clip it
is, and counts as the newcomer's "a cycle runs" (`Cycle.told_outsiders`), so their first words
in the talk are not answered with the same news again."""
from __future__ import annotations

from dataclasses import replace

from flows.cycle.events import Arrived, Event
from flows.cycle.model import CycleContext, Decision
from flows.cycle.phases import inbrenger_name
from flows.effects import Say, text
from flows.newcomers import greeting


def arrival(ctx: CycleContext, event: Event) -> Decision | None:
    """The welcome for `event`'s people who are not members yet (None for any other event)."""
    if not isinstance(event, Arrived):
        return None
    cycle = ctx.cycle
    newcomers = [(user_id, name) for user_id, name in event.people if ctx.member(user_id) is None]
    if not newcomers:
        return Decision(cycle)
    lines = [greeting([name for _, name in newcomers])]
    if cycle.is_open:
        lines.append(text("cycle.newcomer_cycle", name=inbrenger_name(ctx)))
    told = replace(cycle, told_outsiders=cycle.told_outsiders | {i for i, _ in newcomers})
    return Decision(told, (Say(tuple(lines)),))
