"""A timebox changed while its phase runs: the running phase follows it at once, counted from
the phase's start, and the group hears so (flows/cycle/timebox.py)."""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from flows.catalog import render_all
from flows.cycle.events import Next, TimeboxChanged, TimerFired
from flows.cycle.table import decide
from flows.effects import CancelTimer, Say, SetTimer
from flows.model import Phase, Settings
from tests.unit.test_cycle import ANNA, NOW, ctx_for, cycle_in, said

BEFORE = Settings()  # goal 10, watch 10 minutes; the phase started 3 minutes ago


def test_a_shorter_goal_counts_for_the_goal_that_runs() -> None:
    ctx = replace(ctx_for(cycle_in(Phase.GOAL)), settings=replace(BEFORE, goal_minutes=5))
    decision = decide(ctx, TimeboxChanged(BEFORE))
    assert SetTimer("cycle:7:phase_reminder", NOW + timedelta(minutes=2), "phase_reminder",
                    {"cycle_id": 7}) in decision.effects
    assert "de fase <b>doel</b> duurt 5 min, dus nog 2 min" in said(decision)
    # English word order: "the goal phase", not "the phase goal".
    assert "the <b>goal</b> phase takes 5 min, so 2 min left" in render_all("en", next(
        e.texts for e in decision.effects if isinstance(e, Say)))


def test_watching_shortened_past_its_start_opens_the_talk_now() -> None:
    ctx = replace(ctx_for(cycle_in(Phase.WATCHING)), settings=replace(BEFORE, watch_minutes=1))
    decision = decide(ctx, TimeboxChanged(BEFORE))
    assert SetTimer("cycle:7:watch_end", NOW, "watch_end", {"cycle_id": 7}) in decision.effects
    assert "die tijd is al om" in said(decision)


def test_another_setting_or_the_look_back_leaves_the_running_timer_alone() -> None:
    goal = ctx_for(cycle_in(Phase.GOAL))
    other = decide(replace(goal, settings=replace(BEFORE, reality_minutes=30)),
                   TimeboxChanged(BEFORE))
    assert other.effects == () and not other.refused
    lookback = ctx_for(cycle_in(Phase.WILL, step="lookback", commitment="Wachten"))
    assert decide(replace(lookback, settings=replace(BEFORE, will_minutes=3)),
                  TimeboxChanged(BEFORE)).refused


def test_a_phase_whose_reminder_came_already_is_not_reminded_again_when_shortened() -> None:
    """Found by a review: goal ran 12 of its 10 minutes (its reminder came at 10); shortened
    to 8, its reminder was set for now and came a second time, right under "that time is
    already up". Lengthened to 20, it comes again at 20: the admin wants it later."""
    started = NOW - timedelta(minutes=12)
    goal = ctx_for(cycle_in(Phase.GOAL, phase_started_at=started))
    shorter = decide(replace(goal, settings=replace(BEFORE, goal_minutes=8)),
                     TimeboxChanged(BEFORE))
    assert "die tijd is al om" in said(shorter)
    assert not [e for e in shorter.effects if isinstance(e, SetTimer)]
    longer = decide(replace(goal, settings=replace(BEFORE, goal_minutes=20)),
                    TimeboxChanged(BEFORE))
    assert [e.due for e in longer.effects if isinstance(e, SetTimer)] == [
        NOW + timedelta(minutes=8)]


def test_half_a_minute_to_go_is_a_minute_not_time_up() -> None:
    started = NOW - timedelta(minutes=4, seconds=30)  # 5 minutes: 30 seconds left
    ctx = replace(ctx_for(cycle_in(Phase.GOAL, phase_started_at=started)),
                  settings=replace(BEFORE, goal_minutes=5))
    assert "nog 1 min" in said(decide(ctx, TimeboxChanged(BEFORE)))


# Reality's step reminder: its share of the phase (20 minutes, three steps: 6 2/3 each),
# counted from the step's own start.
def _in_reality(step: str, started: timedelta | None, reality_minutes: int,
                phase_ago: int = 9) -> list[SetTimer]:
    cycle = cycle_in(Phase.REALITY, step=step, phase_started_at=NOW - timedelta(minutes=phase_ago),
                     step_started_at=None if started is None else NOW - started)
    ctx = replace(ctx_for(cycle), settings=replace(BEFORE, reality_minutes=reality_minutes))
    decision = decide(ctx, TimeboxChanged(BEFORE))
    return [e for e in decision.effects
            if isinstance(e, SetTimer) and e.event == "step_reminder"]


def test_a_longer_reality_moves_the_step_reminder_counted_from_the_steps_start() -> None:
    assert [t.due for t in _in_reality("strong", timedelta(minutes=2), 30)] == [
        NOW + timedelta(minutes=8)]  # 10 minutes a step, 2 gone (it was due in 4 2/3)
    assert [t.due for t in _in_reality("strong", timedelta(minutes=2), 12)] == [
        NOW + timedelta(minutes=2)]  # 4 minutes a step


def test_a_step_reminder_that_already_came_is_not_given_again() -> None:
    assert _in_reality("strong", timedelta(minutes=7), 30) == []


def test_the_analysis_has_no_step_reminder_and_a_phase_that_is_up_drops_it() -> None:
    assert _in_reality("analysis", timedelta(minutes=2), 30) == []
    cycle = cycle_in(Phase.REALITY, step="see", phase_started_at=NOW - timedelta(minutes=3),
                     step_started_at=NOW - timedelta(minutes=3))
    up = decide(replace(ctx_for(cycle), settings=replace(BEFORE, reality_minutes=3)),
                TimeboxChanged(BEFORE))
    assert CancelTimer("cycle:7:step_reminder") in up.effects
    assert not [e for e in up.effects if isinstance(e, SetTimer) and e.event == "step_reminder"]


def test_a_cycle_stored_before_steps_kept_their_start_counts_the_first_step_from_the_phase(
        ) -> None:
    assert [t.due for t in _in_reality("see", None, 30, phase_ago=4)] == [
        NOW + timedelta(minutes=6)]
    assert _in_reality("strong", None, 30) == []  # its start is not known: left as it was


def test_entering_reality_and_its_next_step_notes_when_the_step_began() -> None:
    goal = decide(ctx_for(cycle_in(Phase.GOAL)), Next(ANNA))
    assert goal.cycle.phase is Phase.REALITY and goal.cycle.step_started_at == NOW
    later = replace(ctx_for(replace(goal.cycle, step_started_at=NOW - timedelta(minutes=5))),
                    now=NOW + timedelta(minutes=1))
    assert decide(later, Next(ANNA)).cycle.step_started_at == NOW + timedelta(minutes=1)


def test_the_analysis_is_entered_without_a_step_reminder() -> None:
    """The last step runs to the phase's own timebox: no "this step is over" in the middle."""
    strong = cycle_in(Phase.REALITY, step="strong", step_started_at=NOW)
    decision = decide(ctx_for(strong), Next(ANNA))
    assert decision.cycle.step == "analysis"
    assert CancelTimer("cycle:7:step_reminder") in decision.effects
    assert not [e for e in decision.effects
                if isinstance(e, SetTimer) and e.event == "step_reminder"]


def test_a_step_reminder_due_with_the_phases_own_says_nothing() -> None:
    """The second UX review: a shortened Reality (or a bot that was down) brought "Tijd voor de
    volgende stap?" and "De tijd voor deze fase is om" at the same moment."""
    cycle = cycle_in(Phase.REALITY, step="see", phase_started_at=NOW - timedelta(seconds=90),
                     step_started_at=NOW - timedelta(seconds=90))
    short = replace(ctx_for(cycle), settings=replace(BEFORE, reality_minutes=1))
    quiet = decide(short, TimerFired("step_reminder"))
    assert not quiet.refused and quiet.effects == () and quiet.cycle == cycle
    assert "De tijd voor deze fase (1 min) is om" in said(decide(short,
                                                                 TimerFired("phase_reminder")))
    in_time = replace(ctx_for(cycle), settings=replace(BEFORE, reality_minutes=3))
    assert "volgende stap" in said(decide(in_time, TimerFired("step_reminder")))


def test_a_phase_shortened_to_a_time_already_past_is_reminded_once() -> None:
    """Found by a review: reality ran 12 of its 25 minutes and was set to 5. The group read
    "the new time applies now too ... and that time is already up" and, right under it, the
    reminder "the time for this phase (5 min) is up" from a timer set for now."""
    started = NOW - timedelta(minutes=12)
    reality = ctx_for(cycle_in(Phase.REALITY, phase_started_at=started))
    decision = decide(replace(reality, settings=replace(BEFORE, reality_minutes=5)),
                      TimeboxChanged(BEFORE))
    assert said(decision).count("is om") == 1
    assert "De tijd voor deze fase (5 min) is om" in said(decision)
    assert not [e for e in decision.effects
                if isinstance(e, SetTimer) and e.event == "phase_reminder"]
    assert CancelTimer("cycle:7:phase_reminder") in decision.effects
