"""A timebox changed while its phase runs: the running phase follows it at once, counted from
the phase's start, and the group hears so (flows/cycle/timebox.py)."""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from flows.catalog import render_all
from flows.cycle.model import TimeboxChanged
from flows.cycle.table import decide
from flows.effects import Say, SetTimer
from flows.model import Phase, Settings
from tests.unit.test_cycle import NOW, ctx_for, cycle_in, said

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


def test_half_a_minute_to_go_is_a_minute_not_time_up() -> None:
    started = NOW - timedelta(minutes=4, seconds=30)  # 5 minutes: 30 seconds left
    ctx = replace(ctx_for(cycle_in(Phase.GOAL, phase_started_at=started)),
                  settings=replace(BEFORE, goal_minutes=5))
    assert "nog 1 min" in said(decide(ctx, TimeboxChanged(BEFORE)))
