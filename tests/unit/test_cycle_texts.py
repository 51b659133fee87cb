"""What the cycle says, read as the group reads it: addressed clearly, and saying what comes
next."""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from flows.catalog import render
from flows.cycle.events import Cancel, Contribution, Next, TimerFired, Watched
from flows.cycle.table import decide
from flows.model import Phase
from flows.nudging.history import NudgeHistory
from tests.unit.test_cycle import (
    ANNA,
    BOB,
    CARLA,
    CLIP,
    MEMBERS,
    NOW,
    ctx_for,
    cycle_in,
    said,
)


def test_the_goal_prompt_asks_the_others_about_the_inbrenger_s_goal_by_name() -> None:
    decision = decide(ctx_for(cycle_in(Phase.WATCHING)), Next(ANNA))
    assert "De anderen: stel vragen die Anna helpen het doel scherp te krijgen." in said(decision)


def test_a_cycle_stopped_before_anything_was_said_says_who_is_next_and_keeps_no_words() -> None:
    """Anna's turn never came to the clip, so she keeps it."""
    decision = decide(ctx_for(cycle_in(Phase.ANNOUNCED), contributions=()),
                      Cancel(ANNA))
    assert said(decision) == ("Anna heeft de cyclus gestopt.\n\nAls volgende is Anna aan de beurt als "
                              "inbrenger; een beheerder start die cyclus met /cycle.")


def test_a_cycle_stopped_in_the_talk_keeps_its_words_and_names_the_next_meeting() -> None:
    """The meeting this cycle was for stays cancelled: the next turn is at the one after."""
    taken = tuple(replace(m, turns=m.turns + 2) if m.user_id == ANNA else m for m in MEMBERS)
    cycle = cycle_in(Phase.REALITY, meeting_at=NOW - timedelta(minutes=30))
    ctx = ctx_for(cycle, members=taken,
                  upcoming_meetings=(NOW - timedelta(minutes=30), NOW + timedelta(days=7)))
    shown = said(decide(ctx, Cancel(ANNA)))
    assert shown.startswith("Anna heeft de cyclus gestopt.\n\nWat er al gezegd is, blijft bewaard.")
    assert "Bij de volgende bijeenkomst (wo 9 dec 15:00) is Carla" in shown
    assert "aan de beurt als inbrenger" in shown  # Carla: the longest since her last turn


def test_a_learning_question_that_is_no_question_gets_an_example_and_a_way_on() -> None:
    """As helpful as the correction of a question about others: an example, and what to do."""
    cycle = cycle_in(Phase.AWAITING_CLIP, clip=CLIP)
    decision = decide(ctx_for(cycle), Contribution(ANNA, 900, "Mijn klassenmanagement na de "
                                                              "pauze"))
    # Nothing taken; the corrected message is the one whose edit is read as the next try.
    assert not decision.refused and decision.cycle == replace(
        cycle, question_message_id=900, question_example_shown=True)  # a next one: one line
    assert said(decision) == (
        "Schrijf je leervraag als vraag, met een vraagteken.\n\nBijvoorbeeld: <i>Hoe kan ik de "
        "overgang na de pauze rustiger laten verlopen?</i>\n\nStuur hem nog eens, als vraag, "
        "dan neem ik hem over.")


def test_once_the_commitment_is_confirmed_nobody_is_invited_back_into_the_talk() -> None:
    """Daan was quiet: in will he is invited to ask the inbrenger something, until the
    commitment is confirmed; then the talk has done its work."""
    talk = NudgeHistory(last_contribution_at={BOB: NOW - timedelta(minutes=1),
                                              CARLA: NOW - timedelta(minutes=1)},
                        inbrenger_last_at=NOW - timedelta(minutes=1))
    cycle = cycle_in(Phase.WILL, step="commit", phase_started_at=NOW - timedelta(minutes=12),
                     nudge_history=talk)
    assert "Daan" in said(decide(ctx_for(cycle), TimerFired("tick")))
    committed = replace(cycle, commitment="Ik wacht vijf tellen, zodat meer leerlingen denken.")
    ticked = decide(ctx_for(committed), TimerFired("tick"))
    assert said(ticked) == "" and ticked.cycle.nudge_history == talk


def test_an_old_i_watched_button_pressed_in_the_talk_says_the_talk_is_open() -> None:
    decision = decide(ctx_for(cycle_in(Phase.REALITY)), Watched(BOB))
    assert decision.ack is not None
    assert render("nl", decision.ack) == "Dank je! Het gesprek is al begonnen: doe gerust mee."


def test_no_invitation_beside_time_is_up_only_a_tick_later() -> None:
    """The nudging review: "Daan, ... Wat zou jij de inbrenger willen vragen?" came together
    with "De tijd voor deze fase (10 min) is om". Within a minute of the timebox's end the tick
    invites nobody; the tick after it does."""
    talk = NudgeHistory(last_contribution_at={BOB: NOW - timedelta(minutes=1),
                                              CARLA: NOW - timedelta(minutes=1)},
                        inbrenger_last_at=NOW - timedelta(minutes=1))
    at_the_end = cycle_in(Phase.GOAL, phase_started_at=NOW - timedelta(minutes=10, seconds=20),
                          nudge_history=talk)
    assert said(decide(ctx_for(at_the_end), TimerFired("tick"))) == ""
    later = replace(at_the_end, phase_started_at=NOW - timedelta(minutes=12, seconds=20))
    assert "Daan" in said(decide(ctx_for(later), TimerFired("tick")))
    sooner = replace(at_the_end, phase_started_at=NOW - timedelta(minutes=8, seconds=20))
    assert "Daan" in said(decide(ctx_for(sooner), TimerFired("tick")))



def test_no_invitation_beside_a_steps_time_is_up_nor_a_minute_before_the_phases() -> None:
    """Reality's steps have their own "time is up" (a third of its 20 minutes, 6:40, each): a
    tick 20 seconds after the analysis step's end invites nobody, though the phase has long to
    go; the tick after it does. A tick a whole minute before a phase's end waits too."""
    talk = NudgeHistory(last_contribution_at={BOB: NOW - timedelta(minutes=1),
                                              CARLA: NOW - timedelta(minutes=1)},
                        inbrenger_last_at=NOW - timedelta(minutes=1))
    began = NOW - timedelta(minutes=7)  # the analysis step; the phase has 6:20 to go
    step_end = cycle_in(Phase.REALITY, step="analysis", step_started_at=began,
                        phase_started_at=NOW - timedelta(minutes=13, seconds=40),
                        nudge_history=talk)
    assert said(decide(ctx_for(step_end), TimerFired("tick"))) == ""
    later = replace(step_end, step_started_at=began - timedelta(minutes=2))
    assert "Daan" in said(decide(ctx_for(later), TimerFired("tick")))
    minute_before = cycle_in(Phase.GOAL, phase_started_at=NOW - timedelta(minutes=9),
                             nudge_history=talk)
    assert said(decide(ctx_for(minute_before), TimerFired("tick"))) == ""
