"""A member who leaves the group while a cycle is open (/leave, /forget, or leaving the
Telegram chat): the cycle goes on without them where it can, and never waits for a peer who
is gone. The one wait: the inbrenger who left the chat during the talk about their clip (a
mis-tap, the UX review saw) is waited for GRACE_MINUTES, and added back goes on with it."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from flows.cycle.actions import pass_turn, successor
from flows.cycle.events import THE_BOT, Cancel, Event, MemberBack, MemberLeft
from flows.cycle.model import Cycle, CycleContext, Decision
from flows.cycle.phases import (
    TICK_MINUTES,
    cancel_timers,
    current_step,
    phase_due,
    set_timer,
    start_lookback,
    step_minutes,
    timer_at,
)
from flows.cycle.start import MIN_MEMBERS
from flows.cycle.watching import everyone_watched
from flows.effects import Effect, ReturnTurn, Say, Text, text
from flows.model import BEFORE_TALK_PHASES, STEPS, Phase

# The inbrenger who leaves the chat during the talk (a mis-tap on a phone, the UX review saw)
# is waited for this long before the cycle stops; added back sooner, the talk goes on.
GRACE_MINUTES = 10
# A member who left the chat (not by /leave) and is added back within this time is a member
# again as they were, their agreement kept (storage.members.came_back); later they are
# welcomed as anyone new. A mis-tap or a wrong removal is put right within the day.
RECOGNISED_WITHIN = timedelta(days=1)


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
    """The inbrenger left during the talk (by /forget; one who left the chat is waited for
    first, `waits_for_inbrenger`), or nobody can take their turn: the cycle
    stops (the table cancels it; what was said stays stored). A turn stopped before its
    commitment was no turn had: it no longer counts in the rotation (`ReturnTurn`), so who
    comes back is not put behind the others for a talk about their clip that never ended."""
    assert isinstance(event, MemberLeft)
    if ctx.cycle.phase in BEFORE_TALK_PHASES:  # no turn counted yet
        return Decision(ctx.cycle, (Say((text("cycle.left_nobody_takes_over", name=event.who),)),))
    effects: tuple[Effect, ...] = (Say((text("cycle.inbrenger_left", name=event.who),)),
                                   ReturnTurn(ctx.cycle.inbrenger_id))
    return Decision(ctx.cycle, effects)


def left_the_chat(ctx: CycleContext, event: Event) -> Text | None:
    """Guard: they left by leaving the chat, perhaps by a mis-tap (not /leave nor /forget)."""
    if isinstance(event, MemberLeft) and event.left_chat:
        return None
    return text("cycle.refused.wrong_phase")


def inbrenger_away(ctx: CycleContext, event: Event) -> Text | None:
    """Guard: the talk waits for its inbrenger, who left the chat."""
    return None if ctx.cycle.away_since is not None else text("cycle.refused.wrong_phase")


def waits_for_inbrenger(ctx: CycleContext, event: Event) -> Decision:
    """The inbrenger left the chat once their clip was shown: the talk is about their
    teaching, so it waits for them a while (GRACE_MINUTES) rather than stop at once. Its
    timeboxes stand still meanwhile (`ignored_while_away`, `inbrenger_back`)."""
    assert isinstance(event, MemberLeft)
    cycle = replace(ctx.cycle, away_since=ctx.now)
    said = Say((text("cycle.inbrenger_away", name=event.who, minutes=GRACE_MINUTES),))
    return Decision(cycle, (said, set_timer(ctx, cycle, "grace_end", GRACE_MINUTES)))


def ignored_while_away(ctx: CycleContext, event: Event) -> Decision:
    """A timebox's reminder while the talk waits for its inbrenger: not given; the timebox
    is counted on when they are back."""
    return Decision(ctx.cycle)


def inbrenger_back(ctx: CycleContext, event: Event) -> Decision:
    """The inbrenger was added back within the grace: the talk goes on where it was, with the
    time they were away added to its timeboxes (their reminders set anew)."""
    assert isinstance(event, MemberBack)
    cycle = _time_away_added(ctx.cycle, ctx.now)
    said = Say((text("cycle.inbrenger_back", name=event.who),))
    return Decision(cycle, (said, *cancel_timers(cycle, "grace_end"),
                            *_reminders(ctx, cycle)))


def _time_away_added(cycle: Cycle, now: datetime) -> Cycle:
    """The phase (and step) counted as begun later by the time the talk waited: a phase or
    step begun while the inbrenger was away (an admin's /next) by the part of it they missed."""
    away = cycle.away_since or now
    phase_started = cycle.phase_started_at + (now - max(away, cycle.phase_started_at))
    step_started = cycle.step_started_at and cycle.step_started_at + (
        now - max(away, cycle.step_started_at))
    return replace(cycle, away_since=None, phase_started_at=phase_started,
                   step_started_at=step_started)


def _reminders(ctx: CycleContext, cycle: Cycle) -> tuple[Effect, ...]:
    """The running phase's timers, at their times after the wait."""
    if cycle.phase is Phase.WATCHING:
        if cycle.watch_time_over:
            return ()
        due = cycle.phase_started_at + timedelta(minutes=ctx.settings.watch_minutes)
        return (timer_at(cycle, "watch_end", max(due, ctx.now)),)
    if current_step(cycle) == "lookback":
        return ()
    effects: tuple[Effect, ...] = (set_timer(ctx, cycle, "tick", TICK_MINUTES),)
    if phase_due(cycle, ctx.settings) > ctx.now:
        effects += (timer_at(cycle, "phase_reminder", phase_due(cycle, ctx.settings)),)
    steps = STEPS.get(cycle.phase, ())
    if cycle.phase is Phase.REALITY and cycle.step_started_at and current_step(cycle) != steps[-1]:
        share = timedelta(minutes=step_minutes(ctx.settings, cycle.phase))
        effects += (timer_at(cycle, "step_reminder", max(cycle.step_started_at + share,
                                                         ctx.now)),)
    return effects


def grace_over(ctx: CycleContext, event: Event) -> Decision:
    """The inbrenger was not added back in time: the cycle stops as it did at once before,
    with their turn given back."""
    name = ctx.name_of(ctx.cycle.inbrenger_id)
    effects: tuple[Effect, ...] = (
        Say((text("cycle.inbrenger_not_back", name=name, minutes=GRACE_MINUTES),)),
        ReturnTurn(ctx.cycle.inbrenger_id))
    return Decision(replace(ctx.cycle, away_since=None), effects)


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
