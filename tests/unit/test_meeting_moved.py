"""A cycle announced for a meeting follows that meeting when the schedule or the time zone
changes before it begins (found by a review: it opened at the old time, its reminders named
the old day, and the new meeting's own announcement was refused as "already running")."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from flows.cycle.events import ScheduleChanged, TimerFired
from flows.cycle.model import Decision
from flows.cycle.rotation import follow_up_at
from flows.cycle.table import decide
from flows.effects import SetTimer
from flows.model import Member
from flows.model import Phase as P
from tests.unit.test_cycle import ANNA, CLIP, MEMBERS, NOW, QUESTION, ctx_for, cycle_in, said
from tests.unit.test_practice import LOOKING

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


def _closed_with_turn_told() -> tuple[Decision, tuple[Member, ...], tuple[datetime, ...]]:
    """Anna's cycle closes; she reads that her next turn is the third weekly meeting."""
    meetings = tuple(NOW + timedelta(weeks=n) for n in range(1, 6))
    after = tuple(replace(m, turns=m.turns + (1 if m.user_id == ANNA else 0),
                          last_turn_at=NOW if m.user_id == ANNA else m.last_turn_at)
                  for m in MEMBERS)
    closed = decide(ctx_for(cycle_in(P.WILL, **LOOKING), members=after,
                            upcoming_meetings=meetings), TimerFired("lookback_end"))
    assert "je volgende beurt als inbrenger staat gepland op" in said(closed)
    return closed, after, meetings


def test_a_next_turn_told_at_closing_is_corrected_when_the_schedule_moves_it() -> None:
    """Found by a review: Anna was told her next turn's date when her cycle closed; the admin
    moved the meetings to another weekday and nothing corrected what she had read."""
    closed, after, meetings = _closed_with_turn_told()
    later = NOW + timedelta(days=1)
    moved_meetings = tuple(m + timedelta(days=2) for m in meetings)
    moved = decide(ctx_for(closed.cycle, members=after, now=later,
                           upcoming_meetings=moved_meetings), ScheduleChanged())
    assert not moved.refused
    assert said(moved).startswith("Het rooster is gewijzigd: Anna, je volgende beurt")
    assert "vr 25 dec" in said(moved), said(moved)
    again = decide(ctx_for(moved.cycle, members=after, now=later,
                           upcoming_meetings=moved_meetings), ScheduleChanged())
    assert again.refused  # said once: the same schedule saved again says nothing


def test_a_next_turn_the_schedule_keeps_or_that_came_is_not_corrected() -> None:
    closed, after, meetings = _closed_with_turn_told()
    same = decide(ctx_for(closed.cycle, members=after, now=NOW + timedelta(days=1),
                          upcoming_meetings=meetings), ScheduleChanged())
    assert same.refused and said(same) == ""
    past = decide(ctx_for(closed.cycle, members=after, now=meetings[2] + timedelta(hours=1),
                          upcoming_meetings=meetings[3:]), ScheduleChanged())
    assert past.refused
    off = decide(ctx_for(closed.cycle, members=after, now=NOW + timedelta(days=1)),
                 ScheduleChanged())  # /schedule off: the group read that it stopped
    assert off.refused


def test_the_follow_up_question_moves_with_a_corrected_turn_until_it_was_asked() -> None:
    """Asked in time to film before the next turn: a turn that now comes sooner brings the
    question how trying the commitment went forward (it stayed at the old date before)."""
    closed, after, _ = _closed_with_turn_told()
    [old] = [e for e in closed.effects if isinstance(e, SetTimer) and e.event == "followup"]
    sooner = tuple(NOW + timedelta(days=2 + n) for n in range(8))
    moved = decide(ctx_for(closed.cycle, members=after, now=NOW + timedelta(days=1),
                           upcoming_meetings=sooner), ScheduleChanged())
    turn = moved.cycle.next_turn_at
    assert turn is not None and turn < NOW + timedelta(weeks=1)
    [followup] = [e for e in moved.effects if isinstance(e, SetTimer)]
    assert followup.name == old.name and followup.due == follow_up_at(NOW, turn) < old.due
    asked = decide(ctx_for(closed.cycle, members=after, now=old.due + timedelta(hours=1),
                           upcoming_meetings=tuple(m + timedelta(days=7) for m in sooner)),
                   ScheduleChanged())
    assert not asked.refused  # the turn is still corrected, but the question came already
    assert not [e for e in asked.effects if isinstance(e, SetTimer)]


def test_a_next_turn_whose_day_came_is_not_corrected_when_the_meetings_move_later() -> None:
    """The day Anna was told came; the admin then moves the meetings to another weekday:
    she hears no new date for a turn that is behind her."""
    closed, after, _ = _closed_with_turn_told()
    told = closed.cycle.next_turn_at
    assert told is not None
    moved_meetings = tuple(told + timedelta(days=2, weeks=n) for n in range(5))
    came = decide(ctx_for(closed.cycle, members=after, now=told + timedelta(hours=1),
                          upcoming_meetings=moved_meetings), ScheduleChanged())
    assert came.refused and said(came) == ""
