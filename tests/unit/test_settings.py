"""/settings: what an admin may change, in Dutch or English words; bad values change nothing."""
from __future__ import annotations

import pytest

from flows.catalog import render, render_all
from flows.effects import Text
from flows.model import NudgeDelivery, NudgeMode, Settings
from flows.settings_change import change, change_said, describe


@pytest.mark.parametrize("name,value,field,expected", [
    ("language", "EN", "language", "en"),
    ("taal", "nl", "language", "nl"),
    ("timezone", "Europe/Brussels", "timezone", "Europe/Brussels"),
    ("nudging", "strict", "nudging", NudgeMode.STRICT),
    ("nudges", "uit", "nudging", NudgeMode.OFF),
    ("delivery", "groep", "nudge_delivery", NudgeDelivery.GROUP),
    ("reality", "25", "reality_minutes", 25),
    ("realiteit", "30", "reality_minutes", 30),
    ("announce", "24", "announce_hours_before", 24),
    ("bewaren", "90", "retention_days", 90),
    ("reminder", "12", "clip_reminder_hours", 12),
    ("reminder", "0", "clip_reminder_hours", 0),  # off: the planner sets no reminder then
    ("herinnering", "uit", "clip_reminder_hours", 0),
    ("reminder", "Off", "clip_reminder_hours", 0),
    # As people type them: language names, zones in any case or by city, numbers with units
    # (in the setting's own unit), names with a hyphen.
    ("taal", "Engels", "language", "en"),
    ("language", "Dutch", "language", "nl"),
    ("timezone", "europe/london", "timezone", "Europe/London"),
    ("tijdzone", "Amsterdam", "timezone", "Europe/Amsterdam"),
    ("timezone", "new york", "timezone", "America/New_York"),
    ("tijdzone", "londen", "timezone", "Europe/London"),  # as Dutch speakers name them
    ("tijdzone", "Curaçao", "timezone", "America/Curacao"),
    ("tijdzone", "Bonaire", "timezone", "America/Kralendijk"),
    ("tijdzone", "sint maarten", "timezone", "America/Lower_Princes"),
    ("realiteit", "25 minuten", "reality_minutes", 25),
    ("reality", "2 uur", "reality_minutes", 120),
    ("reminder", "1 dag", "clip_reminder_hours", 24),
    ("bewaren", "30 dagen", "retention_days", 30),
    ("look-back", "5 min", "lookback_minutes", 5),
    # The names as the English overview shows them, two words and all ("look back 5",
    # "time zone: ...", "announcement 48 hours before", "keep 180 days").
    ("look", "back 3", "lookback_minutes", 3),
    ("time", "zone London", "timezone", "Europe/London"),
    ("announcement", "2 days", "announce_hours_before", 48),
    ("keep", "90 days", "retention_days", 90),
])
def test_a_setting_changes(name: str, value: str, field: str, expected: object) -> None:
    changed = change(Settings(), name, value)
    assert isinstance(changed, Settings) and getattr(changed, field) == expected


@pytest.mark.parametrize("name,value,key", [
    ("language", "fr", "settings.bad_language"),
    ("timezone", "Mars/Olympus", "settings.bad_timezone"),
    ("timezone", "x" * 300, "settings.bad_timezone"),  # ZoneInfo: 'File name too long'
    ("timezone", "Europe/" + "a" * 300, "settings.bad_timezone"),
    ("timezone", "../../etc/passwd", "settings.bad_timezone"),
    ("timezone", "a\x00b", "settings.bad_timezone"),
    # Not taken for the database's Etc/GMT+1, which is UTC-1: the meetings would be 2 h off.
    ("tijdzone", "gmt+1", "settings.bad_timezone"),
    ("nudging", "loud", "settings.bad_nudging"),
    ("delivery", "email", "settings.bad_delivery"),
    ("reality", "0", "settings.bad_number"),
    ("reality", "veel", "settings.bad_number"),
    ("announce", "0", "settings.bad_number"),  # only the reminder can be off
    ("reminder", "-1", "settings.bad_reminder"),
    ("reminder", "1441", "settings.bad_reminder"),
    ("herinnering", "soms", "settings.bad_reminder"),
    ("colour", "blue", "settings.unknown"),
    ("reminder", "90 min", "settings.bad_reminder"),  # no whole number of hours
    ("bewaren", "12 uur", "settings.bad_number"),
    ("reality", "25 appels", "settings.bad_number"),
])
def test_a_bad_value_is_refused_with_its_reason(name: str, value: str, key: str) -> None:
    refused = change(Settings(), name, value)
    assert isinstance(refused, Text) and refused.key == key


@pytest.mark.parametrize(("name", "value", "said"), [
    ("bewaren", "0", "Geef het aantal dagen als getal van 1 tot en met 1440."),
    ("realiteit", "veel", "Geef het aantal minuten als getal van 1 tot en met 1440."),
    ("announce", "0", "Geef het aantal uren als getal van 1 tot en met 1440."),
])
def test_a_bad_number_names_the_unit_it_is_counted_in(name: str, value: str, said: str) -> None:
    """The second UX review: "Geef een heel getal van 1 tot en met 1440." named no unit, and
    days of retention read like minutes."""
    refused = change(Settings(), name, value)
    assert isinstance(refused, Text) and render("nl", refused) == said


def test_the_overview_shows_every_value() -> None:
    shown = render("en", describe(Settings(reality_minutes=25)))
    assert "reality 25" in shown and "Europe/Amsterdam" in shown and "gentle" in shown


def test_the_overview_says_the_reminder_is_off_in_either_language() -> None:
    assert "reminder 24 hours before" in render("en", describe(Settings()))
    assert "herinnering 24 uur vooraf" in render("nl", describe(Settings()))
    off = change(Settings(), "reminder", "0")
    assert isinstance(off, Settings)
    assert "reminder off ·" in render("en", describe(off))
    assert "herinnering uit ·" in render("nl", describe(off))


@pytest.mark.parametrize(("language", "shown", "code"), [("nl", "taal: Nederlands", "taal: nl"),
                                                        ("en", "language: English", "language: en")])
def test_the_overview_names_the_language_as_its_buttons_do(language: str, shown: str,
                                                           code: str) -> None:
    overview = render(language, describe(Settings(language=language)))
    assert shown in overview and code not in overview


def test_an_unknown_time_zone_is_quoted_and_answered_with_examples() -> None:
    refusal = change(Settings(), "tijdzone", "mars")
    assert isinstance(refusal, Text)
    said = render("nl", refusal)
    assert said.startswith("De tijdzone „mars” ken ik niet") and "Londen" in said


def test_the_overview_says_one_day_and_one_hour_in_the_singular() -> None:
    """`/settings bewaren 1` was shown as "bewaren 1 dagen", "keep 1 days"."""
    one = Settings(retention_days=1, announce_hours_before=1, clip_reminder_hours=1)
    assert "aankondiging 1 uur vooraf · herinnering 1 uur vooraf · bewaren 1 dag\n" \
        in render("nl", describe(one))
    assert "announcement 1 hour before · reminder 1 hour before · keep 1 day\n" \
        in render("en", describe(one))
    assert "keep 180 days\n" in render("en", describe(Settings()))
    assert "bewaren 180 dagen\n" in render("nl", describe(Settings()))


def test_a_change_is_said_in_one_line_in_the_groups_language() -> None:
    before = Settings()
    reality = change(before, "realiteit", "25 minuten")
    assert isinstance(reality, Settings)
    assert render_all("nl", change_said(before, reality)) == (
        "✅ Opgeslagen: realiteit → 25 min. /settings toont alle instellingen.")
    group = change(before, "delivery", "group")
    assert isinstance(group, Settings)
    assert render_all("en", change_said(before, group, by="Anna")) == (
        "⚙️ Anna changed a setting: delivery of nudges → in the group.\n\n"
        "From now on a nudge comes as a reply in the group, for everyone to read.")
    back = render_all("nl", change_said(group, before))
    assert "bezorging van duwtjes → privé" in back and "Vanaf nu komt een duwtje privé" in back
    assert change_said(before, before) == ()
