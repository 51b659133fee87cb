"""The watch timebox ends and nobody has watched the clip (UX review 10, #3: the goal phase
opened, and ran out, in an empty room). The talk waits: the group hears once that it starts
at the first "👀 I watched it" (or with /next), and the first peer who presses opens it.
When someone has watched, the timebox's end opens the talk as before."""
from __future__ import annotations

from dataclasses import replace

from flows.catalog import render
from flows.cycle.events import Contribution, Next, TimeboxChanged, TimerFired, Watched
from flows.cycle.model import Decision
from flows.cycle.status import status
from flows.cycle.table import decide
from flows.effects import SetTimer
from flows.model import Phase, Settings
from tests.unit.test_cycle import ANNA, BOB, CARLA, MEMBERS, NOW, ctx_for, cycle_in, said

P = Phase


def time_over() -> Decision:
    return decide(ctx_for(cycle_in(P.WATCHING)), TimerFired("watch_end"))


def test_the_timebox_ends_with_nobody_watched_and_the_talk_waits_with_one_line() -> None:
    decision = time_over()
    assert decision.cycle.phase is P.WATCHING and not decision.refused
    assert said(decision) == (
        "👀 Nog niemand heeft laten weten dat die de clip heeft bekeken. Het gesprek begint "
        "zodra iemand op „👀 Ik heb gekeken” drukt (of Anna of een beheerder gaat verder met "
        "/next).")
    assert "Doel" not in said(decision)
    assert not any(isinstance(e, SetTimer) for e in decision.effects)  # no goal timebox


def test_the_timer_again_after_a_restart_says_nothing_more() -> None:
    again = decide(ctx_for(time_over().cycle), TimerFired("watch_end"))
    assert again.cycle.phase is P.WATCHING and said(again) == ""


def test_the_first_peer_who_watched_opens_the_talk() -> None:
    decision = decide(ctx_for(time_over().cycle), Watched(CARLA))
    assert decision.cycle.phase is P.GOAL
    assert render("nl", decision.ack) == "Dank je! Het gesprek begint nu."  # type: ignore[arg-type]
    assert "🎯" in said(decision) or "Doel" in said(decision)
    assert not decision.cycle.watched_before_talk  # Bob and Daan had not watched


def test_the_inbrenger_pressing_does_not_open_the_talk_for_the_group() -> None:
    decision = decide(ctx_for(time_over().cycle), Watched(ANNA))
    assert decision.cycle.phase is P.WATCHING


def test_next_still_moves_on() -> None:
    decision = decide(ctx_for(time_over().cycle), Next(ANNA))
    assert decision.cycle.phase is P.GOAL


def test_when_someone_watched_the_timebox_opens_the_talk_as_before() -> None:
    cycle = cycle_in(P.WATCHING, watched_by=frozenset({BOB}))
    decision = decide(ctx_for(cycle), TimerFired("watch_end"))
    assert decision.cycle.phase is P.GOAL


def test_status_says_the_talk_waits_for_the_first_press() -> None:
    cycle = time_over().cycle
    shown = render("nl", status(cycle, MEMBERS, (), None, NOW))
    assert "Nog niemand heeft de clip bekeken" in shown and "/next" in shown
    shown = render("en", status(cycle, MEMBERS, (), None, NOW))
    assert "Nobody has watched the clip yet" in shown


def test_a_longer_watch_timebox_waits_for_its_new_end_again() -> None:
    cycle = time_over().cycle
    longer = replace(Settings(), watch_minutes=Settings().watch_minutes + 30)
    decision = decide(ctx_for(cycle, settings=longer), TimeboxChanged(Settings()))
    assert not decision.cycle.watch_time_over
    assert decide(ctx_for(decision.cycle), Watched(BOB)).cycle.phase is P.WATCHING


def test_a_peer_who_writes_while_the_talk_waits_hears_their_press_opens_it() -> None:
    """Not "until everyone who is there has seen it": the talk now waits for one press."""
    waiting = time_over().cycle
    held = decide(ctx_for(waiting), Contribution(BOB, 700, "Ik vond de instructie heel helder "
                                                            "en rustig uitgelegd"))
    words = said(held)
    assert "zodra iemand laat weten dat die hem heeft gezien" in words, words
    assert "iedereen die er is" not in words, words


def test_a_tip_while_the_group_watches_is_not_called_very_welcome() -> None:
    """A tip before the talk heard "je gedachte is van harte welkom" (a review of the day's
    work): it waits until the inbrenger asks, like any tip."""
    held = decide(ctx_for(time_over().cycle), Contribution(
        BOB, 701, "Je moet gewoon een stiltesignaal gebruiken, dat werkt altijd."))
    words = said(held)
    assert "Een tip komt pas als Anna erom vraagt" in words and "welkom" not in words, words
    watching = decide(ctx_for(cycle_in(P.WATCHING)), Contribution(
        BOB, 702, "Je moet gewoon een stiltesignaal gebruiken, dat werkt altijd."))
    assert "Een tip komt pas als Anna erom vraagt" in said(watching)
