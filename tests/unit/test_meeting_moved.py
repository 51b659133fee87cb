"""A cycle announced for a meeting follows that meeting when the schedule or the time zone
changes before it begins (found by a review: it opened at the old time, its reminders named
the old day, and the new meeting's own announcement was refused as "already running")."""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from flows.cycle.model import ScheduleChanged
from flows.cycle.table import decide
from flows.effects import SetTimer
from flows.model import Phase as P
from tests.unit.test_cycle import CLIP, NOW, QUESTION, ctx_for, cycle_in, said

TUESDAY = NOW + timedelta(days=2)
THURSDAY = NOW + timedelta(days=4)


def test_an_announced_cycle_moves_with_its_meeting_and_says_so() -> None:
    cycle = cycle_in(P.AWAITING_CLIP, clip=CLIP, meeting_at=TUESDAY)
    moved = decide(ctx_for(cycle, upcoming_meetings=(THURSDAY, THURSDAY + timedelta(days=7))),
                   ScheduleChanged())
    assert moved.cycle.meeting_at == THURSDAY
    [opening] = [e for e in moved.effects if isinstance(e, SetTimer)]
    assert opening.name == "cycle:7:meeting_open" and opening.due == THURSDAY
    assert "De bijeenkomst is verplaatst: <b>" in said(moved) and "Anna brengt dan in" in said(moved)


def test_an_earlier_meeting_put_before_it_takes_the_cycle_too() -> None:
    """A second weekday added before the announced one: the first meeting to come is the
    one the inbrenger's clip is for."""
    cycle = cycle_in(P.ANNOUNCED, meeting_at=THURSDAY)
    moved = decide(ctx_for(cycle, upcoming_meetings=(TUESDAY, THURSDAY)), ScheduleChanged())
    assert moved.cycle.meeting_at == TUESDAY


def test_a_cycle_whose_meeting_stays_or_began_or_has_none_is_left_alone() -> None:
    same = cycle_in(P.AWAITING_CLIP, meeting_at=TUESDAY)
    assert decide(ctx_for(same, upcoming_meetings=(TUESDAY,)), ScheduleChanged()).refused
    began = replace(same, meeting_at=NOW - timedelta(minutes=10))  # the group is meeting now
    assert decide(ctx_for(began, upcoming_meetings=(THURSDAY,)), ScheduleChanged()).refused
    by_hand = cycle_in(P.AWAITING_CLIP)
    assert decide(ctx_for(by_hand, upcoming_meetings=(THURSDAY,)), ScheduleChanged()).refused
    no_more = decide(ctx_for(same), ScheduleChanged())  # /schedule off: it keeps its time
    assert no_more.refused
    talking = cycle_in(P.REALITY, learning_question=QUESTION, meeting_at=TUESDAY)
    assert decide(ctx_for(talking, upcoming_meetings=(THURSDAY,)), ScheduleChanged()).refused
