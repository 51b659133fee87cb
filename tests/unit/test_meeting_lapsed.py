"""A meeting that begins without the intake complete asks the group what to do; where nobody
chooses, its end says what becomes of the cycle (the Dutch group review: a week without a
word, then a clip for a meeting two weeks on)."""
from __future__ import annotations

from datetime import timedelta

from flows.cycle.events import TimerFired
from flows.cycle.table import decide
from flows.effects import SetTimer
from flows.model import Phase as P
from tests.unit.test_cycle import CLIP, NOW, ctx_for, cycle_in, said

MEETING = NOW - timedelta(hours=3)  # began three hours ago, well past its 70 minutes
NEXT_WEEK = NOW + timedelta(days=7)


def test_the_meeting_without_a_clip_plans_a_word_at_its_end() -> None:
    began = decide(ctx_for(cycle_in(P.AWAITING_CLIP, meeting_at=NOW), now=NOW),
                   TimerFired("meeting_open"))
    assert "Wat doen we?" in said(began)
    [over] = [e for e in began.effects if isinstance(e, SetTimer) and e.event == "meeting_over"]
    assert over.due == NOW + timedelta(minutes=70)  # the default timeboxes added up


def test_its_end_says_when_the_talk_can_still_be() -> None:
    waiting = cycle_in(P.AWAITING_CLIP, meeting_at=MEETING)
    lapsed = decide(ctx_for(waiting, upcoming_meetings=(NEXT_WEEK,)), TimerFired("meeting_over"))
    words = said(lapsed)
    assert words.startswith("🗓 De bijeenkomst is voorbij, en de inbreng van Anna is nog niet "
                            "compleet"), words
    assert "bij de volgende bijeenkomst" in words and "/swap" in words, words
    no_schedule = said(decide(ctx_for(waiting), TimerFired("meeting_over")))
    assert "begint het gesprek erover meteen" in no_schedule, no_schedule


def test_a_meeting_that_took_the_cycle_over_or_a_talk_that_opened_says_nothing() -> None:
    taken_over = cycle_in(P.AWAITING_CLIP, clip=CLIP, meeting_at=NOW - timedelta(minutes=5))
    assert said(decide(ctx_for(taken_over), TimerFired("meeting_over"))) == ""
    talking = cycle_in(P.GOAL, meeting_at=MEETING)
    assert said(decide(ctx_for(talking), TimerFired("meeting_over"))) == ""
