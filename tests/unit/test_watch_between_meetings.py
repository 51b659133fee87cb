"""A clip nobody watched when its meeting ends: the talk waits for the next meeting instead of
opening at the first press, days later and at night (a review saw "🎯 Doel" at 02:24, eight
days on, after the next meeting had passed in silence)."""
from __future__ import annotations

from datetime import timedelta

from flows.catalog import render
from flows.cycle.events import MeetingBegan, TimerFired, Watched
from flows.cycle.model import Decision
from flows.cycle.table import decide
from flows.effects import SetTimer
from flows.model import Phase as P
from tests.unit.test_cycle import CARLA, NOW, ctx_for, cycle_in, said

MEETING = NOW - timedelta(minutes=10)  # the clip opened at the meeting; its watch time is up
NEXT_WEEK = NOW + timedelta(days=7)


def _unwatched_at_meeting() -> Decision:
    watching = cycle_in(P.WATCHING, meeting_at=MEETING)
    return decide(ctx_for(watching, upcoming_meetings=(NEXT_WEEK,)), TimerFired("watch_end"))


def test_the_talk_that_waits_for_a_watcher_marks_the_meetings_end() -> None:
    waiting = _unwatched_at_meeting()
    assert waiting.cycle.watch_time_over
    [end] = [e for e in waiting.effects if isinstance(e, SetTimer) and e.event == "meeting_over"]
    assert end.due == MEETING + timedelta(minutes=70)
    by_hand = decide(ctx_for(cycle_in(P.WATCHING)), TimerFired("watch_end"))  # no meeting
    assert not [e for e in by_hand.effects if isinstance(e, SetTimer)]


def test_the_meetings_end_says_when_the_talk_is_and_a_press_then_waits_for_it() -> None:
    waiting = _unwatched_at_meeting().cycle
    later = NOW + timedelta(hours=2)
    over = decide(ctx_for(waiting, now=later, upcoming_meetings=(NEXT_WEEK,)),
                  TimerFired("meeting_over"))
    words = said(over)
    assert words.startswith("🗓 De bijeenkomst is voorbij, en niemand heeft laten weten de clip "
                            "van Anna te hebben bekeken."), words
    assert "bij de volgende bijeenkomst" in words and "/cancel" in words
    night = NOW + timedelta(days=3)
    pressed = decide(ctx_for(over.cycle, now=night, upcoming_meetings=(NEXT_WEEK,)),
                     Watched(CARLA))
    assert pressed.cycle.phase is P.WATCHING and CARLA in pressed.cycle.watched_by
    assert pressed.ack is not None and render("nl", pressed.ack).startswith(
        "Dank je, genoteerd! Het gesprek begint bij de volgende bijeenkomst")


def test_the_next_meeting_asks_the_group_to_watch_and_the_watch_time_runs_again() -> None:
    waiting = _unwatched_at_meeting().cycle
    began = decide(ctx_for(waiting, now=NEXT_WEEK), MeetingBegan(NEXT_WEEK))
    assert began.cycle.meeting_at == NEXT_WEEK and not began.cycle.watch_time_over
    assert said(began).startswith("🗓 De bijeenkomst begint: vandaag bespreken we de clip van "
                                  "Anna."), said(began)
    assert [e.event for e in began.effects if isinstance(e, SetTimer)] == ["watch_end"]


def test_a_cycle_started_by_hand_opens_at_the_first_press_whenever_it_comes() -> None:
    waiting = decide(ctx_for(cycle_in(P.WATCHING)), TimerFired("watch_end")).cycle
    later = NOW + timedelta(days=3)
    assert decide(ctx_for(waiting, now=later), Watched(CARLA)).cycle.phase is P.GOAL
