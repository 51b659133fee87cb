"""/schedule's question in words (flows/schedule/question.py): the first meeting that comes
too soon to ask for its clip in time, a question overtaken by a rhythm saved since, and the
line that tells the group who saved a rhythm. Fixed clocks only."""
from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from flows.catalog import render
from flows.model import Settings
from flows.schedule.compact import asked_at, asked_mark, rhythm_mark
from flows.schedule.plan import Schedule
from flows.schedule.question import change_told, overtaken, soon_warning

# Tuesday 8 December 2026, 00:30 in Amsterdam.
NIGHT = datetime(2026, 12, 7, 23, 30, tzinfo=UTC)
TUESDAY = Schedule("30 15 * * 2")
THURSDAY = Schedule("0 9 * * 4")


def test_the_first_meeting_within_the_announcement_window_is_named_with_its_day() -> None:
    nl = Settings()
    today = soon_warning(TUESDAY, NIGHT, nl, "Anna")
    assert today is not None and render("nl", today) == (
        "⏳ De eerste bijeenkomst is al vandaag, over 15 uur. Ik vraag Anna dan meteen om een "
        "clip en leervraag. Liever later beginnen? Kies ⏭ Een week later.")
    wednesday = soon_warning(Schedule("0 16 * * 3"), NIGHT, nl, None)
    assert wednesday is not None
    assert render("nl", wednesday).startswith("⏳ De eerste bijeenkomst is al morgen, over "
                                              "40 uur. Liever later")
    en = soon_warning(TUESDAY, NIGHT, Settings(language="en"), "Anna")
    assert en is not None and render("en", en).startswith(
        "⏳ The first meeting is already today, in 15 hours. I'll ask Anna")
    # Announced 48 hours before: Thursday's meeting (81 hours away) is asked for in time.
    assert soon_warning(THURSDAY, NIGHT, nl, "Anna") is None
    assert soon_warning(TUESDAY, NIGHT, Settings(announce_hours_before=12), "Anna") is None


def test_a_question_decides_only_while_the_rhythm_it_replaces_is_the_groups() -> None:
    asked, base = asked_mark(NIGHT), rhythm_mark(None)
    assert asked_at(asked) == NIGHT and overtaken(None, asked, base, NIGHT, "nl") is None
    other = overtaken(THURSDAY, asked, base, NIGHT, "nl")
    assert other is not None and render("nl", other) == (
        "Er is intussen een ander ritme opgeslagen: elke do 9:00; stuur /schedule opnieuw om "
        "het te veranderen.")
    stopped = overtaken(None, asked, rhythm_mark(THURSDAY), NIGHT, "nl")
    assert stopped is not None and render("nl", stopped).startswith("Het ritme is intussen")
    for later, old in ((timedelta(hours=23), False), (timedelta(hours=25), True)):
        assert (overtaken(None, asked, base, NIGHT + later, "nl") is not None) == old
    assert overtaken(None, "", "", NIGHT, "nl") is not None  # a button from before the marks


def test_the_group_is_told_who_saved_which_rhythm_in_a_few_words() -> None:
    assert render("nl", change_told(THURSDAY, "Daan", "nl")) == \
        "📅 Daan stelde het ritme in: elke do 9:00."
    two_weekly = Schedule("30 15 * * 2,4", 2, date(2026, 12, 8))
    assert render("nl", change_told(two_weekly, "Daan", "nl")) == \
        "📅 Daan stelde het ritme in: om de 2 weken di en do 15:30."
    assert render("en", change_told(Schedule("0 9 * * *"), "Daan", "en")) == \
        "📅 Daan set the rhythm: every day 9:00."
