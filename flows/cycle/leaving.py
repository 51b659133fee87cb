"""A member who leaves the group while a cycle is open (/leave, /forget, or leaving the
Telegram chat): the cycle goes on without them where it can, and never waits for someone
who is gone."""
from __future__ import annotations

from dataclasses import replace

from flows.cycle.actions import pass_turn, successor
from flows.cycle.events import THE_BOT, Cancel, Event, MemberLeft
from flows.cycle.model import Cycle, CycleContext, Decision
from flows.cycle.phases import start_lookback
from flows.cycle.start import MIN_MEMBERS
from flows.cycle.watching import everyone_watched
from flows.effects import Effect, ReturnTurn, Say, Text, text
from flows.model import BEFORE_TALK_PHASES


def leave_refusal(cycle: Cycle | None, user_id: int, name: str) -> Text | None:
    """/leave is refused to the inbrenger once their clip is being watched or talked about:
    the conversation is about their teaching. They (or an admin) can stop it with /cancel.
    Before that, leaving passes the turn on."""
    if cycle is None or not cycle.is_open or cycle.inbrenger_id != user_id \
            or cycle.phase in BEFORE_TALK_PHASES:
        return None
    return text("cycle.refused.leave_own_talk", name=name)


def someone_takes_over(ctx: CycleContext, event: Event) -> Text | None:
    """Guard: another member can take the inbrenger's turn, with a peer left to talk with."""
    if len(ctx.members) >= MIN_MEMBERS and successor(ctx):
        return None
    return text("cycle.refused.no_one_to_swap")


def nobody_left_to_watch(ctx: CycleContext, event: Event) -> Text | None:
    """Guard: with the one who left gone, everyone the group waits for has watched."""
    return None if everyone_watched(ctx, ctx.cycle) else text("cycle.refused.not_everyone_watched")


def turn_passes(ctx: CycleContext, event: Event) -> Decision:
    """The inbrenger left before the meeting: the next member is asked to bring in."""
    assert isinstance(event, MemberLeft)
    return pass_turn(ctx, "cycle.left_turn_passes", event.who)


def cycle_stops(ctx: CycleContext, event: Event) -> Decision:
    """The inbrenger left the chat during the talk, or nobody can take their turn: the cycle
    stops (the table cancels it; what was said stays stored). A turn stopped before its
    commitment was no turn had: it no longer counts in the rotation (`ReturnTurn`), so who
    comes back is not put behind the others for a talk about their clip that never ended."""
    assert isinstance(event, MemberLeft)
    if ctx.cycle.phase in BEFORE_TALK_PHASES:  # no turn counted yet
        return Decision(ctx.cycle, (Say((text("cycle.left_nobody_takes_over", name=event.who),)),))
    effects: tuple[Effect, ...] = (Say((text("cycle.inbrenger_left", name=event.who),)),
                                   ReturnTurn(ctx.cycle.inbrenger_id))
    return Decision(ctx.cycle, effects)


def closes_without_them(ctx: CycleContext, event: Event) -> Decision:
    """The inbrenger left the chat after confirming their commitment: the talk is done, so
    the cycle closes as usual through the group's look back, which does not wait for the
    inbrenger's pick (`lookback.complete_after`); summaries and follow-up as always."""
    assert isinstance(event, MemberLeft)
    cycle, effects = start_lookback(ctx, ctx.cycle)
    said = Say((text("cycle.inbrenger_left_committed", name=event.who),))
    return Decision(cycle, (said, *effects))


def called_off(ctx: CycleContext, event: Event) -> Decision:
    """Called off, by whoever may (the stop message names them), or by the bot itself
    (taken out of the chat). A turn counted once the clip was shown is given back: the talk
    about their clip never ended, so the inbrenger keeps their place in the rotation (a
    review saw Bram at the back of /roster, "1× aan de beurt", after an admin's /cancel)."""
    assert isinstance(event, Cancel)
    who = event.who or ctx.name_of(event.actor)
    cycle = replace(ctx.cycle, stopped_by=None if event.actor == THE_BOT else who)
    if ctx.cycle.phase not in BEFORE_TALK_PHASES:
        return Decision(cycle, (ReturnTurn(ctx.cycle.inbrenger_id),))
    return Decision(cycle)
