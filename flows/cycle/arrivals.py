"""People added to the chat while a cycle runs: the welcome names the cycle, whose clip it is
and where the group is with it (`running_now`). The welcomed are kept (`Cycle.welcomed`): their
first words before /join get a short pointer to /join, not the same news again, and not
nothing (review ux21: a newcomer's first question was dropped without a word)."""
from __future__ import annotations

from dataclasses import replace

from flows.cycle.events import Arrived, Event
from flows.cycle.model import CycleContext, Decision
from flows.cycle.phases import current_step, inbrenger_name
from flows.effects import Say, Text, text
from flows.model import BEFORE_TALK_PHASES, Phase
from flows.newcomers import greeting


def running_now(ctx: CycleContext) -> Text:
    """That a cycle runs, whose, and where the group is with it: a newcomer added in the
    middle of the talk read that the inbrenger "brings in a clip" (review ux21)."""
    cycle = ctx.cycle
    if cycle.phase in BEFORE_TALK_PHASES:
        now = "before_talk"
    elif cycle.phase is Phase.WATCHING:
        now = "watching"
    else:
        now = "lookback" if current_step(cycle) == "lookback" else "talk"
    return text(f"cycle.running.{now}", name=inbrenger_name(ctx))


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
        lines.append(text("cycle.newcomer_cycle", now=running_now(ctx)))
    told = replace(cycle, welcomed=cycle.welcomed | {i for i, _ in newcomers})
    return Decision(told, (Say(tuple(lines)),))
