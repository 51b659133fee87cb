"""/status as the group reads it: while the clip is watched, who the group still waits for
(the watch gate's rule: not the inbrenger, nobody away or without agreeing); in the talk, who
of those here today has not been heard from yet; the time left in the phase and the tips floor, in nl and en."""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from flows.catalog import render
from flows.cycle.status import between_cycles, status, timebox_timer
from flows.model import Phase
from tests.unit.test_cycle import (
    ANNA,
    BOB,
    CARLA,
    CLIP,
    MEMBERS,
    NOT_AGREED,
    NOW,
    QUESTION,
    cycle_in,
)

P = Phase


def test_while_watching_it_names_who_has_not_watched_yet() -> None:
    cycle = cycle_in(P.WATCHING, watched_by=frozenset({BOB}))
    said = render("nl", status(cycle, NOT_AGREED, set(), NOW + timedelta(minutes=7), NOW))
    assert "We wachten nog op: Carla, Daan" in said  # not Anna (inbrenger), Bob, Eva
    assert "Fase: <b>clip bekijken</b>" in said and "nog 7 min in deze fase" in said


def test_once_everyone_present_watched_it_says_so() -> None:
    cycle = cycle_in(P.WATCHING, watched_by=frozenset({BOB, CARLA}), absent=frozenset({4}))
    said = render("en", status(cycle, NOT_AGREED, set(), None, NOW))
    assert "Everyone who is here has watched the clip." in said
    assert "⏳" not in said and "—" not in said  # no timer in this test: no time line at all


def test_in_the_talk_it_names_who_has_not_been_heard_from() -> None:
    cycle = cycle_in(P.REALITY, tips_open=True)
    said = render("en", status(cycle, NOT_AGREED, {BOB, ANNA}, NOW + timedelta(seconds=30), NOW))
    assert "Not heard from yet: Carla, Daan\n" in said  # Eva has not agreed: not heard yet
    away = render("en", status(cycle_in(P.REALITY, absent=frozenset({CARLA})), NOT_AGREED,
                               {BOB, ANNA}, None, NOW))
    assert "Not heard from yet: Daan\n" in away  # Carla said she is not here today
    assert "1 min left in this phase" in said and "open to tips" in said
    everyone = render("nl", status(cycle, NOT_AGREED[:2], {BOB}, None, NOW))
    assert "Iedereen heeft al iets gezegd." in everyone


def test_before_the_meeting_it_says_what_the_cycle_waits_for_not_who_was_quiet() -> None:
    """Nobody can have spoken before the talk: /status names the inbrenger's next step."""
    said = render("en", status(cycle_in(P.ANNOUNCED), NOT_AGREED, set(), None, NOW))
    assert "Waiting for Anna's clip and learning question." in said
    assert "Not heard from" not in said
    with_clip = cycle_in(P.AWAITING_CLIP, clip=CLIP)
    question = render("nl", status(with_clip, NOT_AGREED, set(), None, NOW))
    assert "wachten op de leervraag van Anna" in question
    assert "Fase: <b>clip voorbereiden</b>" in question
    ready = cycle_in(P.AWAITING_CLIP, clip=CLIP, learning_question=QUESTION)
    assert "toestemming voor het filmen" in render(
        "nl", status(ready, NOT_AGREED, set(), None, NOW))
    consented = cycle_in(P.AWAITING_CLIP, clip=CLIP, learning_question=QUESTION, consent=True)
    all_in = render("en", status(consented, NOT_AGREED, set(), None, NOW))
    assert "the talk opens at the meeting" in all_in
    # Not "Phase: waiting for the clip" above the line that says the clip is in.
    assert "Phase: <b>ready for the meeting</b>" in all_in


def test_a_timebox_that_ended_long_ago_is_said_to_be_up() -> None:
    """A talk left standing for days: not "0 min left"."""
    said = render("en", status(cycle_in(P.OPTIONS), NOT_AGREED, {BOB}, NOW - timedelta(days=3),
                               NOW))
    assert "⏳ the time for this phase is up" in said and "min left" not in said


def test_the_time_left_is_read_from_the_timebox_that_runs() -> None:
    assert timebox_timer(cycle_in(P.WATCHING)) == "watch_end"
    assert timebox_timer(cycle_in(P.GOAL)) == "phase_reminder"
    assert timebox_timer(cycle_in(P.WILL, step="commit")) == "phase_reminder"
    assert timebox_timer(cycle_in(P.WILL, step="lookback")) == "lookback_end"
    assert timebox_timer(cycle_in(P.AWAITING_CLIP)) is None


def test_before_the_talk_it_names_the_meeting_instead_of_a_bare_dash() -> None:
    """A cycle that waits for its meeting has no timebox running: /status said "⏳ —"."""
    waiting = cycle_in(P.AWAITING_CLIP)
    said = render("nl", status(waiting, NOT_AGREED, set(), None, NOW, "do 10 dec 15:30"))
    assert "🗓 bijeenkomst: do 10 dec 15:30\n" in said and "—" not in said
    by_hand = render("nl", status(waiting, NOT_AGREED, set(), None, NOW))
    assert "⏳" not in by_hand and "—" not in by_hand and "🗓" not in by_hand


def test_in_the_look_back_it_says_look_back_not_will() -> None:
    """The look back runs inside the will phase; the group, asked which move they will use
    again, read "Phase: will" before."""
    cycle = cycle_in(P.WILL, step="lookback", commitment="Wachten")
    said = render("en", status(cycle, NOT_AGREED, {BOB}, NOW + timedelta(minutes=4), NOW))
    assert "Phase: <b>look back</b>" in said
    # Whose line the look back waits for (review ux15: "Everyone has said something" while
    # it waited): `spoken` holds the look back's lines there.
    assert "No look-back line yet from: Carla, Daan" in said
    everyone = render("en", status(cycle, NOT_AGREED, {BOB, 3, 4}, None, NOW))
    assert "Everyone has given a look-back line." in everyone
    assert "Fase: <b>voornemen</b>" in render(
        "nl", status(cycle_in(P.WILL, step="commit"), NOT_AGREED, {BOB}, None, NOW))


def test_in_reality_it_names_the_step() -> None:
    """Three steps inside one phase: "Phase: reality" did not say which one the group is at."""
    said = render("en", status(cycle_in(P.REALITY, step="strong"), NOT_AGREED, set(), None, NOW))
    assert "Phase: <b>reality, step 2 of 3: strong moments</b>" in said
    said = render("nl", status(cycle_in(P.REALITY), NOT_AGREED, set(), None, NOW))
    assert "Fase: <b>realiteit, stap 1 van 3: wat we zien en horen</b>" in said


def test_between_cycles_it_names_the_next_meeting_and_who_brings_in_then() -> None:
    """A term played through: in a group that meets on a schedule, /status between cycles
    said only "an admin starts one with /cycle", as if nothing would happen by itself."""
    # Anna had her turn now: of Bob and Carla (one turn each) Carla's was longest ago.
    turns = (replace(MEMBERS[0], turns=2), *MEMBERS[1:])
    said = render("nl", between_cycles(turns, "di 30 mrt 15:00"))
    assert said.startswith("Er loopt nu geen cyclus. De volgende bijeenkomst is di 30 mrt 15:00")
    assert "dan is Carla aan de beurt als inbrenger" in said
    english = render("en", between_cycles(turns, "Tue 30 Mar 15:00"))
    assert "The next meeting is Tue 30 Mar 15:00; Carla brings in then." in english
    # No schedule: who is next all the same (the newcomer review: the README promised it),
    # and how an admin starts it; nobody who can bring in: how an admin starts one.
    assert render("en", between_cycles(turns, None)) == (
        "No cycle is running now. Next inbrenger: Carla. An admin starts the cycle with /cycle.")
    assert "/cycle" in render("nl", between_cycles((), "di 30 mrt 15:00"))


def test_once_the_meeting_began_without_the_intake_it_says_how_the_group_goes_on() -> None:
    """A term played through: the day after a meeting the inbrenger brought no clip to,
    /status still showed "meeting: Tue 9 Mar 15:00" as if it were to come."""
    coming = cycle_in(P.ANNOUNCED, meeting_at=NOW + timedelta(hours=2))
    said = render("nl", status(coming, NOT_AGREED, set(), None, NOW, "di 9 mrt 15:00"))
    assert "🗓 bijeenkomst: di 9 mrt 15:00\n" in said
    begun = cycle_in(P.ANNOUNCED, meeting_at=NOW - timedelta(hours=20))
    said = render("nl", status(begun, NOT_AGREED, set(), None, NOW, "di 9 mrt 15:00"))
    assert "🗓 bijeenkomst: di 9 mrt 15:00, al begonnen. Wachten, een volgend lid" in said
    assert "We wachten op de clip en leervraag van Anna." in said
    english = render("en", status(begun, NOT_AGREED, set(), None, NOW, "Tue 9 Mar 15:00"))
    assert "meeting: Tue 9 Mar 15:00, already begun." in english


def test_a_clip_complete_after_the_meeting_waits_without_the_choice_line() -> None:
    """Complete since the meeting passed, the clip waits for the next meeting: no "wait, next
    member or stop" any more; the cycle says it is ready for the meeting."""
    waiting = cycle_in(P.AWAITING_CLIP, clip=CLIP, learning_question=QUESTION, consent=True,
                       meeting_at=NOW - timedelta(days=1))
    said = render("en", status(waiting, NOT_AGREED, set(), None, NOW, "Tue 9 Mar 15:00"))
    assert "already begun" not in said and "the talk opens at the meeting" in said


def test_at_the_very_minute_a_timebox_or_meeting_begins_it_is_said_so() -> None:
    """Not "0 min left" when the timebox ends now, nor "meeting: ..." as if still to come
    when it begins now."""
    said = render("en", status(cycle_in(P.OPTIONS), NOT_AGREED, {BOB}, NOW, NOW))
    assert "the time for this phase is up" in said and "min left" not in said
    now = cycle_in(P.ANNOUNCED, meeting_at=NOW)
    began = render("en", status(now, NOT_AGREED, set(), None, NOW, "Tue 9 Mar 15:00"))
    assert "meeting: Tue 9 Mar 15:00, already begun." in began


def test_a_cycle_ready_after_its_meeting_passed_names_the_meeting_it_now_waits_for() -> None:
    """The clip came after the meeting it was announced for: the talk opens at the next one,
    and /status says when (the Dutch group review read "ready for the meeting", no date)."""
    ready = cycle_in(P.AWAITING_CLIP, clip=CLIP, learning_question=QUESTION, consent=True,
                     meeting_at=NOW - timedelta(days=2))
    said = render("nl", status(ready, NOT_AGREED, set(), None, NOW, "di 8 dec 15:00",
                               "di 22 dec 15:00"))
    assert "🗓 bijeenkomst: di 22 dec 15:00\n" in said and "8 dec" not in said, said
    unscheduled = render("nl", status(ready, NOT_AGREED, set(), None, NOW, "di 8 dec 15:00"))
    assert "🗓" not in unscheduled


def test_a_meeting_that_ran_its_course_is_not_said_to_run_with_buttons_gone() -> None:
    """Days after a meeting without a clip, /status said "al begonnen ... de groep kiest met
    de knoppen van de bijeenkomst": those buttons were gone, and the meeting's end had named
    the next meeting (a review of the day's new behaviours)."""
    waiting = cycle_in(P.AWAITING_CLIP, meeting_at=NOW - timedelta(days=5))
    said = render("nl", status(waiting, NOT_AGREED, set(), None, NOW, "di 8 dec 15:00",
                               "di 15 dec 15:00", meeting_over=True))
    assert "di 8 dec 15:00 is voorbij" in said and "di 15 dec 15:00" in said, said
    assert "knoppen" not in said and "al begonnen" not in said
    running = render("nl", status(waiting, NOT_AGREED, set(), None, NOW, "di 8 dec 15:00",
                                  "di 15 dec 15:00"))
    assert "al begonnen" in running  # while it runs, its buttons are there
