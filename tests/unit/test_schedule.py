"""Meeting schedules: reading /schedule, the calendar across DST, and the jobs per meeting.

Every clock here is a fixed datetime; nothing reads the real time or sleeps.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from flows.catalog import catalog, placeholders, render, render_all
from flows.effects import CancelTimer, SetTimer
from flows.model import Settings
from flows.schedule.plan import (
    EVENT_ANNOUNCE,
    EVENT_CLIP_REMINDER,
    EVENT_OPEN,
    PlannedJob,
    Schedule,
    ScheduleError,
    is_off,
    meeting_of,
    meeting_timer_name,
    next_meetings,
    one_week_later,
    parse_schedule,
    plan_meeting,
    replan,
)
from flows.schedule.words import describe_schedule, format_meeting, schedule_overview

AMS = "Europe/Amsterdam"
NYC = "America/New_York"
# Tuesday 1 December 2026, 10:00 in Amsterdam.
NOW = datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo(AMS))


def local(moment: datetime, tz: str = AMS) -> datetime:
    return moment.astimezone(ZoneInfo(tz))


def parsed(text: str, now: datetime = NOW, tz: str = AMS) -> Schedule:
    result = parse_schedule(text, now, tz)
    assert isinstance(result, Schedule), result
    return result


# --- Reading what the admin typed ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "cron", "every_weeks"),
    [
        ("di 15:00 om de 2 weken", "0 15 * * 2", 2),
        ("dinsdag 15.00 wekelijks", "0 15 * * 2", 1),
        ("tuesday 15:00 every 2 weeks", "0 15 * * 2", 2),
        ("tue 3pm weekly", "0 15 * * 2", 1),
        ("0 15 * * 2", "0 15 * * 2", 1),
        ("cron 0  15 * * 2", "0 15 * * 2", 1),
        ("Dinsdag 15u", "0 15 * * 2", 1),
        ("di 15h", "0 15 * * 2", 1),
        ("di 15 uur elke week", "0 15 * * 2", 1),
        ("dinsdags om 15 uur", "0 15 * * 2", 1),
        ("Tuesdays at 3 pm", "0 15 * * 2", 1),
        ("every Tuesday at 3:30 p.m.", "30 15 * * 2", 1),
        ("di 15u30 tweewekelijks", "30 15 * * 2", 2),
        ("di 15:00 2-wekelijks", "0 15 * * 2", 2),
        ("di 15:00 elke 2 weken", "0 15 * * 2", 2),
        ("di 15:00 om de twee weken", "0 15 * * 2", 2),
        ("di 15:00 om de andere week", "0 15 * * 2", 2),
        ("di 15:00 driewekelijks", "0 15 * * 2", 3),
        ("tue 15:00 biweekly", "0 15 * * 2", 2),
        ("tue 15:00 bi-weekly", "0 15 * * 2", 2),
        ("tue 15:00 fortnightly", "0 15 * * 2", 2),
        ("tue 15:00 every other week", "0 15 * * 2", 2),
        ("every other tuesday at 15:00", "0 15 * * 2", 2),  # before: "I don't recognise other"
        ("every second Thursday 9:30", "30 9 * * 4", 2),
        ("om de andere dinsdag 15:00", "0 15 * * 2", 2),
        ("tue 15:00 every three weeks", "0 15 * * 2", 3),
        ("ma en do 9.30", "30 9 * * 1,4", 1),
        ("mon, thu 9:30", "30 9 * * 1,4", 1),
        ("maandag/donderdag 9:30", "30 9 * * 1,4", 1),
        ("wo 12pm", "0 12 * * 3", 1),
        ("woensdag 12am", "0 0 * * 3", 1),
        ("vr 8:05", "5 8 * * 5", 1),
        ("zaterdag 10:00", "0 10 * * 6", 1),
        ("zo 20:00", "0 20 * * 0", 1),
        ("Sunday 8pm", "0 20 * * 0", 1),
        ("thurs 16:45", "45 16 * * 4", 1),
        ("elke dag 9:00", "0 9 * * *", 1),
        ("werkdagen 8:30", "30 8 * * 1,2,3,4,5", 1),
        ("30 8 * * 1-5", "30 8 * * 1-5", 1),
        ("0 15 1 * *", "0 15 1 * *", 1),
        ("0 15 * * tue", "0 15 * * tue", 1),
        # The hour after "om"/"at" is no whole hour when minutes follow ("om 15.00").
        ("elke dinsdag om 15.00", "0 15 * * 2", 1),
        ("every tuesday at 15.00", "0 15 * * 2", 1),
        # "om de week", like "om de dag", skips one; "elke week" does not.
        ("om de week op dinsdag 15:00", "0 15 * * 2", 2),
        ("elke week dinsdag 15:00", "0 15 * * 2", 1),
        # The day with the part of it: the time says it already.
        ("dinsdagmiddag 15:00", "0 15 * * 2", 1),
        ("tuesday afternoon 3pm", "0 15 * * 2", 1),
        ("dinsdagmiddag om 3", "0 15 * * 2", 1),  # an afternoon hour is after noon
        ("tuesday evening at 7", "0 19 * * 2", 1),
        ("maandagochtend om 9", "0 9 * * 1", 1),
        # Nobody meets at night: an hour before 7 without am is in the afternoon.
        ("dinsdag om 3", "0 15 * * 2", 1),
        ("tue 3:30", "30 15 * * 2", 1),
        ("tuesday 3am", "0 3 * * 2", 1),
        ("maandagochtend om 6", "0 6 * * 1", 1),
        # Unless the hour is written with its leading zero, as a 24-hour clock time.
        ("ma 01:18 wekelijks", "18 1 * * 1", 1),
        ("tue 06.45", "45 6 * * 2", 1),
        ("ma 1:18 wekelijks", "18 13 * * 1", 1),
        # An hour from 7 is in the morning as written; noon in the afternoon stays noon.
        ("dinsdag om 7", "0 7 * * 2", 1),
        ("dinsdagmiddag om 12", "0 12 * * 2", 1),
        ("di 15:00 elke 12 weken", "0 15 * * 2", 12),  # the longest rhythm there is
        ("dinsdagen 15:00", "0 15 * * 2", 1),
    ],
)
def test_parses_dutch_english_and_cron(typed: str, cron: str, every_weeks: int) -> None:
    schedule = parsed(typed)
    assert (schedule.cron, schedule.every_weeks) == (cron, every_weeks)


@pytest.mark.parametrize(
    ("typed", "cron", "every_weeks"),
    [
        # "half vier" is half an hour before four; an hour before 7 is in the afternoon.
        ("elke 2 weken op dinsdag om half 4", "30 15 * * 2", 2),
        ("dinsdag om half vier", "30 15 * * 2", 1),
        ("di half 4", "30 15 * * 2", 1),
        ("do half 10", "30 9 * * 4", 1),
        ("dinsdagochtend half zeven", "30 6 * * 2", 1),
        ("vr half één", "30 12 * * 5", 1),
        ("dinsdagavond om half acht", "30 19 * * 2", 1),
        ("di half 4 uur", "30 15 * * 2", 1),
        # and the quarter (review ux15: "kwart over 3" was not read)
        ("elke woensdag om kwart over 3", "15 15 * * 3", 1),
        ("do kwart voor 9", "45 8 * * 4", 1),
        ("di om kwart over drie", "15 15 * * 2", 1),
        # With a day, "morgen" is its morning, as in "dinsdagmorgen".
        ("dinsdag morgen om 9", "0 9 * * 2", 1),
    ],
)
def test_reads_the_dutch_half_hour_and_the_morning(typed: str, cron: str,
                                                   every_weeks: int) -> None:
    schedule = parsed(typed)
    assert (schedule.cron, schedule.every_weeks) == (cron, every_weeks)


@pytest.mark.parametrize(
    "typed",
    ["morgen om 10 uur", "morgen", "8 december 15:00", "vandaag 15:00", "overmorgen om half 4",
     "8 dec 15:00", "di 8-12 15:00", "8/12 om 15 uur", "tomorrow 3pm", "December 8 at 3pm",
     "2026-12-08 15:00"],
)
def test_a_date_is_answered_that_only_a_rhythm_can_be_planned(typed: str) -> None:
    error = parse_schedule(typed, NOW, AMS)
    assert error == ScheduleError("schedule.error_one_off")
    assert isinstance(error, ScheduleError)
    nl = render_all("nl", error.texts())
    assert nl == ("Ik plan alleen een vast ritme, bijvoorbeeld <code>/schedule di 15:30</code>. "
                  "Een losse bijeenkomst start je met /cycle.")
    assert "/cycle" in render_all("en", error.texts())


def test_weekly_needs_no_anchor_so_reparsing_gives_the_same_schedule() -> None:
    assert parsed("di 15:00") == parsed("tue 3pm weekly", NOW + timedelta(days=9))
    assert parsed("di 15:00").anchor is None


def test_rhythm_of_weeks_starts_with_the_first_meeting_shown() -> None:
    # Tuesday 10:00: today's 15:00 is still ahead, so this week starts the rhythm.
    assert parsed("di 15:00 om de 2 weken").anchor == date(2026, 12, 1)
    assert parsed("di 15:00 om de 2 weken", NOW.replace(hour=16)).anchor == date(2026, 12, 8)
    # Thursday comes first: this week, Monday's turn comes in the week after next.
    both = parsed("ma en do 9:30 om de 2 weken")
    assert both.anchor == date(2026, 12, 3)
    assert [f"{local(at):%a %d}" for at in next_meetings(both, NOW, AMS, 3)] == [
        "Thu 03", "Mon 14", "Thu 17",
    ]


def test_cron_weekday_numbers_follow_crontab_not_apscheduler() -> None:
    # Crontab: 2 is Tuesday and 0 and 7 are Sunday (APScheduler 3 alone would take Wednesday).
    tuesday = next_meetings(parsed("0 15 * * 2"), NOW, AMS, 1)[0]
    assert f"{local(tuesday):%A %H:%M}" == "Tuesday 15:00"
    for sunday in ("0 15 * * 0", "0 15 * * 7", "0 15 * * sun"):
        assert f"{local(next_meetings(parsed(sunday), NOW, AMS, 1)[0]):%A}" == "Sunday"


@pytest.mark.parametrize(
    ("typed", "key", "params"),
    [
        ("", "schedule.error_empty", {}),
        ("   ", "schedule.error_empty", {}),
        ("di 25:00", "schedule.error_time", {"time": "25:00"}),
        ("di 15:60", "schedule.error_time", {"time": "15:60"}),
        ("tue 13pm", "schedule.error_time", {"time": "13pm"}),
        ("dinsdga 15:00", "schedule.error_unknown_word", {"word": "dinsdga"}),
        ("funday 15:00", "schedule.error_unknown_word", {"word": "funday"}),
        ("we 15:00", "schedule.error_unknown_word", {"word": "we"}),
        ("15:00 wekelijks", "schedule.error_no_day", {}),
        ("dinsdag", "schedule.error_no_time", {}),
        ("di 15:00 16:00", "schedule.error_two_times", {}),
        ("di 15:00 om de 0 weken", "schedule.error_interval", {"weeks": 0, "max": 12}),
        ("tue 15:00 every 13 weeks", "schedule.error_interval", {"weeks": 13, "max": 12}),
        ("di 15:00 wekelijks om de 2 weken", "schedule.error_two_intervals", {}),
        ("0 15 * *", "schedule.error_cron", {"expr": "0 15 * *"}),
        ("0 25 * * 2", "schedule.error_cron", {"expr": "0 25 * * 2"}),
        ("0 15 * * 9", "schedule.error_cron", {"expr": "0 15 * * 9"}),
        ("0 15 1 * 2", "schedule.error_cron_day_and_weekday", {"expr": "0 15 1 * 2"}),
        ("0 15 31 2 *", "schedule.error_never", {}),
        ("*/5 * * * *", "schedule.error_too_often", {"hours": 12}),
    ],
)
def test_refuses_nonsense_with_a_specific_error(
    typed: str, key: str, params: dict[str, object]
) -> None:
    result = parse_schedule(typed, NOW, AMS)
    assert result == ScheduleError(key, params)


def test_meetings_twelve_hours_apart_are_not_too_often() -> None:
    schedule = parse_schedule("0 8,20 * * *", NOW, AMS)
    assert isinstance(schedule, Schedule) and schedule.cron == "0 8,20 * * *"
    assert parse_schedule("0 8,19 * * *", NOW, AMS) == \
        ScheduleError("schedule.error_too_often", {"hours": 12})


def test_an_error_explains_itself_with_examples_in_both_languages() -> None:
    error = parse_schedule("di 25:00", NOW, AMS)
    assert isinstance(error, ScheduleError)
    nl, en = render_all("nl", error.texts()), render_all("en", error.texts())
    assert "25:00" in nl and "/schedule di 15:00 om de 2 weken" in nl
    assert "25:00" in en and "/schedule tue 15:00 every 2 weeks" in en


@pytest.mark.parametrize("typed", ["off", "uit", "stop", " UIT ", "Stop"])
def test_recognises_off(typed: str) -> None:
    assert is_off(typed)


@pytest.mark.parametrize("typed", ["", "di 15:00", "offline", "uitgebreid"])
def test_does_not_mistake_other_text_for_off(typed: str) -> None:
    assert not is_off(typed)


# --- Storage form -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "schedule",
    [
        Schedule("0 15 * * 2"),
        Schedule("0 15 * * 2", 2, date(2026, 12, 1)),
        Schedule("30 8 * * 1-5"),
        Schedule("0 9 1 * *"),
    ],
)
def test_storage_form_round_trips(schedule: Schedule) -> None:
    stored = schedule.to_text()
    assert isinstance(stored, str)
    assert Schedule.from_text(stored) == schedule


def test_storage_form_is_readable_json() -> None:
    stored = Schedule("0 15 * * 2", 2, date(2026, 12, 1)).to_text()
    assert stored == '{"cron":"0 15 * * 2","every_weeks":2,"anchor":"2026-12-01"}'
    assert Schedule.from_text(" 0 15 * * 2 ") == Schedule("0 15 * * 2")


@pytest.mark.parametrize(
    "broken",
    [
        lambda: Schedule("0 15 * *"),
        lambda: Schedule("0 15 * * 2", 0),
        lambda: Schedule("0 15 * * 2", 2),  # a rhythm needs its anchor
        lambda: Schedule("0 99 * * 2"),
    ],
)
def test_a_broken_schedule_cannot_be_built(broken: Callable[[], Schedule]) -> None:
    with pytest.raises(ValueError):
        broken()


# --- The calendar across daylight saving time ---------------------------------------------------


@pytest.mark.parametrize(
    ("tz", "spring", "autumn"),
    [
        (AMS, date(2026, 3, 29), date(2026, 10, 25)),
        (AMS, date(2027, 3, 28), date(2027, 10, 31)),
        (NYC, date(2026, 3, 8), date(2026, 11, 1)),
        (NYC, date(2027, 3, 14), date(2027, 11, 7)),
    ],
)
def test_a_meeting_keeps_its_local_time_on_the_day_the_clocks_change(
    tz: str, spring: date, autumn: date
) -> None:
    sundays = Schedule("0 15 * * 0")  # all transition days here are Sundays
    for change in (spring, autumn):
        week_before = datetime.combine(change - timedelta(days=8), datetime.min.time(), UTC)
        meetings = next_meetings(sundays, week_before, tz, 3)
        assert [local(at, tz).date() for at in meetings] == [
            change - timedelta(days=7), change, change + timedelta(days=7),
        ]
        assert {f"{local(at, tz):%H:%M}" for at in meetings} == {"15:00"}
        # The UTC time moves by exactly the hour the clocks moved, not the local time.
        offsets = [local(at, tz).utcoffset() for at in meetings]
        assert offsets[0] != offsets[1] == offsets[2]


def test_weekday_meetings_stay_at_15_00_through_both_changes_of_2026() -> None:
    tuesdays = Schedule("0 15 * * 2")
    meetings = next_meetings(tuesdays, datetime(2026, 1, 1, tzinfo=UTC), AMS, 52)
    assert {f"{local(at):%A %H:%M}" for at in meetings} == {"Tuesday 15:00"}
    utc_hours = {at.hour for at in meetings}
    assert utc_hours == {13, 14}  # summer and winter time, both present
    assert all(at.tzinfo is UTC for at in meetings)


def test_a_meeting_in_the_spring_forward_gap_moves_forward_by_the_gap() -> None:
    # 02:30 does not exist in Amsterdam on 29 March 2026: the meeting is at 03:30 local (01:30
    # UTC, an hour after 01:30 local), as RFC 5545 prescribes; it is never skipped.
    night = Schedule("30 2 * * *")
    meetings = next_meetings(night, datetime(2026, 3, 27, 12, tzinfo=UTC), AMS, 3)
    assert meetings == [
        datetime(2026, 3, 28, 1, 30, tzinfo=UTC),
        datetime(2026, 3, 29, 1, 30, tzinfo=UTC),
        datetime(2026, 3, 30, 0, 30, tzinfo=UTC),
    ]
    assert f"{local(meetings[1]):%H:%M}" == "03:30"


def test_the_moved_meeting_is_found_when_asked_from_inside_the_gap_hour() -> None:
    night = Schedule("30 2 * * *")
    after = datetime(2026, 3, 29, 1, 15, tzinfo=UTC)  # 03:15 local, after the jump
    assert next_meetings(night, after, AMS, 1) == [datetime(2026, 3, 29, 1, 30, tzinfo=UTC)]


@pytest.mark.parametrize(
    ("tz", "change", "first_utc"),
    [
        (AMS, date(2026, 10, 25), datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),
        (NYC, date(2026, 11, 1), datetime(2026, 11, 1, 5, 30, tzinfo=UTC)),
    ],
)
def test_a_meeting_in_the_repeated_hour_is_held_once(
    tz: str, change: date, first_utc: datetime
) -> None:
    hour = 2 if tz == AMS else 1  # the hour that happens twice
    night = Schedule(f"30 {hour} * * *")
    start = datetime.combine(change - timedelta(days=1), datetime.min.time(), ZoneInfo(tz))
    meetings = next_meetings(night, start.replace(hour=12), tz, 2)
    assert meetings[0] == first_utc  # the first of the two 02:30s
    assert local(meetings[1], tz).date() == change + timedelta(days=1)


def test_next_meetings_are_strictly_after_the_given_time() -> None:
    tuesdays = Schedule("0 15 * * 2")
    first = next_meetings(tuesdays, NOW, AMS, 1)[0]
    assert next_meetings(tuesdays, first, AMS, 1)[0] == first + timedelta(weeks=1)
    assert next_meetings(tuesdays, first - timedelta(seconds=1), AMS, 1) == [first]


def test_next_meetings_needs_an_aware_time() -> None:
    with pytest.raises(ValueError):
        next_meetings(Schedule("0 15 * * 2"), datetime(2026, 12, 1), AMS, 1)


def test_every_two_weeks_keeps_its_weeks_across_restarts_and_rereads() -> None:
    schedule = parsed("di 15:00 om de 2 weken")
    reread = Schedule.from_text(schedule.to_text())
    # From any later moment (a restart, a re-read) the meetings fall in the same weeks,
    # including across the 53-week year 2026, where ISO week parity would break the rhythm.
    expected = next_meetings(schedule, NOW, AMS, 30)
    days_from_anchor = {(local(at).date() - date(2026, 12, 1)).days for at in expected}
    assert all(days % 14 == 0 for days in days_from_anchor)
    assert local(expected[-1]).year == 2028
    for later in (NOW + timedelta(days=3), NOW + timedelta(days=10), NOW + timedelta(days=200)):
        resumed = next_meetings(reread, later, AMS, 5)
        assert all(at in expected for at in resumed)
        assert resumed[0] - later <= timedelta(weeks=2)


def test_the_same_anchor_gives_the_same_meetings_whenever_it_is_parsed() -> None:
    one = Schedule("0 15 * * 2", 2, date(2026, 12, 1))
    other = Schedule("0 15 * * 2", 2, date(2026, 12, 15))  # two weeks on: the same rhythm
    shifted = Schedule("0 15 * * 2", 2, date(2026, 12, 8))
    assert next_meetings(one, NOW, AMS, 10) == next_meetings(other, NOW, AMS, 10)
    assert not set(next_meetings(one, NOW, AMS, 10)) & set(next_meetings(shifted, NOW, AMS, 10))


def test_a_rhythm_typed_again_keeps_the_groups_weeks() -> None:
    """A new day or time for the same rhythm of weeks stays in the weeks the group meets in;
    read on its own it would start with the first matching day and could move to the other
    week."""
    friday = NOW + timedelta(days=3)  # the group met on Tuesday 1 December, next on the 15th
    current = parsed("di 15:00 om de 2 weken")
    fresh = parsed("do 16:00 om de 2 weken", friday)
    kept = parse_schedule("do 16:00 om de 2 weken", friday, AMS, current)
    assert isinstance(kept, Schedule)
    assert [f"{local(at):%d %b}" for at in next_meetings(fresh, friday, AMS, 2)] == [
        "10 Dec", "24 Dec"]
    assert [f"{local(at):%d %b}" for at in next_meetings(kept, friday, AMS, 2)] == [
        "17 Dec", "31 Dec"]
    # Another number of weeks, or none before, starts from the first meeting shown.
    assert parse_schedule("do 16:00 om de 3 weken", friday, AMS, current) == \
        parsed("do 16:00 om de 3 weken", friday)
    assert parse_schedule("do 16:00 om de 2 weken", friday, AMS, parsed("di 15:00")) == fresh


def test_a_week_later_moves_every_meeting_of_the_rhythm_by_a_week() -> None:
    schedule = parsed("di 15:00 om de 2 weken")
    later = one_week_later(schedule, NOW, AMS)
    assert [at - timedelta(weeks=1) for at in next_meetings(later, NOW, AMS, 6)] == \
        next_meetings(schedule, NOW, AMS, 6)
    assert later.anchor == date(2026, 12, 8)  # the first meeting the admin is shown
    assert one_week_later(later, NOW, AMS) == schedule  # two weeks on: the same rhythm again
    three = parsed("di 15:00 om de 3 weken")
    assert one_week_later(one_week_later(one_week_later(three, NOW, AMS), NOW, AMS), NOW,
                          AMS) == three
    weekly = parsed("di 15:00")
    # Every week has no other week: a weekly rhythm begins a week after its first meeting,
    # and again a week later when asked again.
    begun = one_week_later(weekly, NOW, AMS)
    assert next_meetings(begun, NOW, AMS, 3) == next_meetings(weekly, NOW, AMS, 4)[1:]
    assert next_meetings(one_week_later(begun, NOW, AMS), NOW, AMS, 1) == \
        next_meetings(weekly, NOW, AMS, 3)[2:3]
    assert Schedule.from_text(begun.to_text()) == begun


# --- The jobs of one meeting --------------------------------------------------------------------

MEETING = datetime(2026, 12, 8, 14, 0, tzinfo=UTC)  # Tuesday 8 December, 15:00 in Amsterdam


def test_plan_meeting_announces_reminds_and_opens() -> None:
    jobs = plan_meeting(MEETING, Settings(), NOW)
    stamp = "2026-12-08T14:00:00+00:00"
    assert jobs == [
        PlannedJob("meeting:2026-12-08T14:00Z:announce", MEETING - timedelta(hours=48),
                   EVENT_ANNOUNCE, {"meeting_at": stamp, "late": False}),
        PlannedJob("meeting:2026-12-08T14:00Z:remind", MEETING - timedelta(hours=24),
                   EVENT_CLIP_REMINDER, {"meeting_at": stamp, "hours_before": 24}),
        PlannedJob("meeting:2026-12-08T14:00Z:remind-last", MEETING - timedelta(hours=2),
                   EVENT_CLIP_REMINDER, {"meeting_at": stamp, "hours_before": 2}),
        PlannedJob("meeting:2026-12-08T14:00Z:open", MEETING, EVENT_OPEN, {"meeting_at": stamp}),
    ]
    assert jobs[0].to_effect() == SetTimer(jobs[0].name, jobs[0].due, EVENT_ANNOUNCE,
                                           jobs[0].payload)


def test_plan_meeting_follows_the_group_settings() -> None:
    settings = Settings(announce_hours_before=72, clip_reminder_hours=12)
    jobs = plan_meeting(MEETING, settings, NOW, last_reminder_hours=0)
    assert [(job.name.rsplit(":", 1)[1], MEETING - job.due) for job in jobs] == [
        ("announce", timedelta(hours=72)),
        ("remind", timedelta(hours=12)),
        ("open", timedelta(0)),
    ]


def test_a_reminder_set_at_the_last_reminders_hours_is_sent_once() -> None:
    jobs = plan_meeting(MEETING, Settings(clip_reminder_hours=2), NOW, last_reminder_hours=2)
    assert [(job.name.rsplit(":", 1)[1], MEETING - job.due) for job in jobs] == [
        ("announce", timedelta(hours=48)),
        ("remind", timedelta(hours=2)),
        ("open", timedelta(0)),
    ]


def test_a_reminder_of_0_hours_means_no_reminder_at_all() -> None:
    jobs = plan_meeting(MEETING, Settings(clip_reminder_hours=0), NOW)
    assert [job.name.rsplit(":", 1)[1] for job in jobs] == ["announce", "open"]


def test_hours_before_are_real_hours_across_a_change_of_the_clocks() -> None:
    monday = datetime(2026, 3, 30, 15, 0, tzinfo=ZoneInfo(AMS))  # summer time since Sunday
    announce = plan_meeting(monday, Settings(), datetime(2026, 3, 1, tzinfo=UTC))[0]
    assert monday - announce.due == timedelta(hours=48)
    assert f"{local(announce.due):%a %H:%M}" == "Sat 14:00"  # winter time, one hour earlier


def test_planning_the_same_meeting_twice_gives_the_same_jobs() -> None:
    assert plan_meeting(MEETING, Settings(), NOW) == plan_meeting(MEETING, Settings(), NOW)


def test_an_announcement_whose_time_has_passed_comes_now_marked_late() -> None:
    one_hour_before = MEETING - timedelta(hours=1)
    jobs = plan_meeting(MEETING, Settings(), one_hour_before)
    assert [job.name.rsplit(":", 1)[1] for job in jobs] == ["announce", "open"]
    announce = jobs[0]
    assert announce.due == one_hour_before
    assert announce.payload["late"] is True


def test_a_late_announcement_keeps_reminders_that_are_still_ahead() -> None:
    thirty_hours_before = MEETING - timedelta(hours=30)
    jobs = plan_meeting(MEETING, Settings(), thirty_hours_before)
    assert [(job.name.rsplit(":", 1)[1], job.due) for job in jobs] == [
        ("announce", thirty_hours_before),
        ("remind", MEETING - timedelta(hours=24)),
        ("remind-last", MEETING - timedelta(hours=2)),
        ("open", MEETING),
    ]
    # A reminder right after the announcement would only repeat it.
    just_after = plan_meeting(MEETING, Settings(), MEETING - timedelta(hours=24, minutes=30))
    assert "remind" not in [job.name.rsplit(":", 1)[1] for job in just_after]


def test_job_names_carry_their_meeting() -> None:
    name = meeting_timer_name(datetime(2026, 12, 8, 15, 0, tzinfo=ZoneInfo(AMS)), "open")
    assert name == "meeting:2026-12-08T14:00Z:open"
    assert meeting_of(name) == MEETING
    assert meeting_of("cycle:7:reality") is None


# --- Re-planning after a change -----------------------------------------------------------------


def names_of(jobs: Iterable[PlannedJob]) -> set[str]:
    return {job.name for job in jobs}


def test_replanning_an_unchanged_schedule_cancels_nothing_and_sets_the_same_jobs() -> None:
    tuesdays = Schedule("0 15 * * 2")
    first = replan([], tuesdays, NOW, Settings())
    assert first.cancel == ()
    again = replan(names_of(first.set), tuesdays, NOW + timedelta(minutes=5), Settings())
    assert again.cancel == ()
    assert names_of(again.set) == names_of(first.set)


def test_a_schedule_change_cancels_the_jobs_of_meetings_no_longer_planned() -> None:
    start = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)  # Wednesday: next Tuesday is 8 December
    before = replan([], Schedule("0 15 * * 2"), start, Settings())
    assert {meeting_of(name) for name in names_of(before.set)} == {MEETING}
    after = replan(names_of(before.set), Schedule("0 10 * * 4"), start, Settings())
    assert set(after.cancel) == names_of(before.set)
    thursday = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
    assert {meeting_of(name) for name in names_of(after.set)} == {thursday}
    assert not names_of(after.set) & set(after.cancel)
    effects = after.effects()
    assert effects[: len(after.cancel)] == tuple(CancelTimer(name) for name in after.cancel)
    assert all(isinstance(effect, SetTimer) for effect in effects[len(after.cancel):])


def test_jobs_that_already_fired_are_not_set_again() -> None:
    tuesdays = Schedule("0 15 * * 2")
    after_announce = MEETING - timedelta(hours=40)
    plan = replan([], tuesdays, MEETING - timedelta(hours=50), Settings())
    announce = meeting_timer_name(MEETING, "announce")
    pending = names_of(plan.set) - {announce}
    again = replan(pending, tuesdays, after_announce, Settings(), fired=[announce])
    assert announce not in names_of(again.set)
    assert again.cancel == ()


def test_switching_the_schedule_off_cancels_future_meetings_only() -> None:
    tuesdays = Schedule("0 15 * * 2")
    plan = replan([], tuesdays, NOW, Settings())
    ongoing = meeting_timer_name(NOW - timedelta(minutes=30), "open")  # a meeting that has begun
    pending = [*names_of(plan.set), ongoing, "cycle:12:reality"]
    stopped = replan(pending, None, NOW, Settings())
    assert stopped.set == ()
    assert set(stopped.cancel) == names_of(plan.set)


def test_replan_plans_the_horizon_in_the_group_time_zone() -> None:
    settings = Settings(timezone=NYC)
    plan = replan([], Schedule("0 15 * * 2"), NOW, settings, horizon=2)
    meetings = sorted({at for name in names_of(plan.set) if (at := meeting_of(name))})
    assert [f"{local(at, NYC):%a %d %H:%M}" for at in meetings] == ["Tue 01 15:00", "Tue 08 15:00"]


# --- Words for the group ------------------------------------------------------------------------


def test_meeting_times_are_written_in_the_group_language_and_zone() -> None:
    assert format_meeting(MEETING, AMS, "nl") == "di 8 dec 15:00"
    assert format_meeting(MEETING, AMS, "en") == "Tue 8 Dec 15:00"
    assert format_meeting(MEETING, NYC, "en") == "Tue 8 Dec 09:00"
    # Half an hour past midnight in Amsterdam is still the day before in UTC.
    assert format_meeting(datetime(2026, 12, 7, 23, 30, tzinfo=UTC), AMS, "nl") == \
        "di 8 dec 00:30"


@pytest.mark.parametrize(
    ("schedule", "nl", "en"),
    [
        (Schedule("0 15 * * 2"), "Elke week op dinsdag om 15:00.",
         "Every week on Tuesday at 15:00."),
        (Schedule("0 15 * * 2", 2, date(2026, 12, 1)), "Om de 2 weken op dinsdag om 15:00.",
         "Every 2 weeks on Tuesday at 15:00."),
        (Schedule("30 9 * * 1,3,4"), "Elke week op maandag, woensdag en donderdag om 09:30.",
         "Every week on Monday, Wednesday and Thursday at 09:30."),
        (Schedule("0 9 * * *"), "Elke dag om 09:00.", "Every day at 09:00."),
        (Schedule("30 9 * * 1,4"), "Elke week op maandag en donderdag om 09:30.",
         "Every week on Monday and Thursday at 09:30."),
        # Every day of every other week is not every day.
        (Schedule("0 9 * * *", 2, date(2026, 12, 1)),
         ("Om de 2 weken op maandag, dinsdag, woensdag, donderdag, vrijdag, zaterdag en"
          " zondag om 09:00."),
         ("Every 2 weeks on Monday, Tuesday, Wednesday, Thursday, Friday, Saturday and"
          " Sunday at 09:00.")),
        (Schedule("0 15 1 * *"), "Volgens het cron-schema <code>0 15 1 * *</code>.",
         "Following the cron schedule <code>0 15 1 * *</code>."),
    ],
)
def test_describes_the_schedule(schedule: Schedule, nl: str, en: str) -> None:
    assert render("nl", describe_schedule(schedule, "nl")) == nl
    assert render("en", describe_schedule(schedule, "en")) == en


def test_overview_shows_the_next_three_meetings() -> None:
    overview = schedule_overview(parsed("di 15:00 om de 2 weken"), NOW, AMS, "nl")
    assert render_all("nl", overview) == (
        "Om de 2 weken op dinsdag om 15:00.\n\n"
        "De volgende bijeenkomsten (Europe/Amsterdam):\n"
        "di 1 dec 15:00\ndi 15 dec 15:00\ndi 29 dec 15:00"
    )
    assert [item.key for item in schedule_overview(None, NOW, AMS, "en")] == [
        "schedule.none", "schedule.usage",
    ]


def test_both_catalogs_have_the_same_schedule_keys_and_placeholders() -> None:
    nl = {k: v for k, v in catalog("nl").items() if k.startswith("schedule.")}
    en = {k: v for k, v in catalog("en").items() if k.startswith("schedule.")}
    assert nl.keys() == en.keys()
    for key, template in nl.items():
        assert placeholders(template) == placeholders(en[key]), key
    for name in ("days_short", "days_long"):
        assert len(nl[f"schedule.{name}"].split()) == len(en[f"schedule.{name}"].split()) == 7
    assert len(nl["schedule.months_short"].split()) == 12
