"""Reading what an admin types after `/schedule`: Dutch or English words, or a crontab line.

Only the words are read here; `flows/schedule/plan.py` turns the result into a `Schedule`, checks it
against the calendar and picks the anchor week. Problems come back as `ScheduleError` values
(a catalog key and its parameters), never as exceptions, so the bot can answer kindly.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from flows.effects import Text

MAX_EVERY_WEEKS = 12

_OFF_WORDS = frozenset({"off", "uit", "stop", "stoppen", "none", "geen"})

# Full day names, Monday first (index = `datetime.weekday()`).
_DAYS_NL = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_DAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Dutch abbreviations are two letters (ma di wo ...); English ones three (mon tue ...), because
# two-letter English prefixes are ordinary words ("we", "sa") that would turn into days.
_MIN_PREFIX = {_DAYS_NL: 2, _DAYS_EN: 3}

# Words for several days at once; "elke dag 9:00" is a daily meeting.
_DAY_GROUPS = {
    "dag": range(7), "dagen": range(7), "dagelijks": range(7), "day": range(7),
    "days": range(7), "daily": range(7), "werkdag": range(5), "werkdagen": range(5),
    "doordeweeks": range(5), "weekday": range(5), "weekdays": range(5),
}

_FILLERS = frozenset({
    "om", "op", "at", "on", "every", "elke", "iedere", "ieder", "en", "and", "&", "uur", "u",
    "h", "o'clock", "vanaf", "from", "de", "the", "s", "'s", "meeting", "bijeenkomst",
    "morning", "afternoon", "evening", "ochtend", "middag", "avond",
    "morgen",  # with a day it is the morning ("dinsdag morgen"); alone, tomorrow: _ONE_OFF
})
# "dinsdagmiddag", "maandagochtend": the day with the part of it, which the time says already.
_DAY_PART = re.compile(r"(?<=[a-z])(?:ochtend|middag|avond|morgen)$")
# Without am/pm an hour before this one is in the afternoon ("dinsdag om 3" is 15:00), unless
# the morning is named.
EARLIEST_MORNING_HOUR = 7
_MORNING = re.compile(r"(?:ochtend|morgen|morning|\d\s*(?:a\.m\.|am))\b")
# An hour written with its leading zero ("01:18", "06.45") is a 24-hour clock time as meant.
_ZERO_PADDED_HOUR = re.compile(r"(?<![\d:.])0\d[:.hu]\d{2}")
# The afternoon or evening: an hour from 1 to 11 is after noon then ("tuesday afternoon at 3").
_LATER_PART = re.compile(r"(?:middag|avond|afternoon|evening)s?\b")

_NUMBER_WORDS = {
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
    "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
_N = r"(\d+|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
# Dutch only: "half vier" is 3:30, while the English "half four" is 4:30.
_HOURS_NL = ("een", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen",
             "tien", "elf", "twaalf")

# A date rather than a rhythm ("morgen om 10 uur", "8 december 15:00", "8-12"): /schedule
# plans only a regular rhythm, and says so (a one-off meeting is /cycle).
_MONTHS = ("januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november"
           "|december|january|february|march|may|june|july|august|october")
_MONTHS_SHORT = "jan|feb|mrt|maa|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec"
_ONE_OFF = re.compile(
    rf"\b(?:vandaag|overmorgen|today|tomorrow|{_MONTHS})\b"
    rf"|\b\d{{1,2}}(?:e|ste|de|st|nd|rd|th)?\s*(?:{_MONTHS_SHORT})\b"
    rf"|\b(?:{_MONTHS_SHORT})\.?\s*\d{{1,2}}\b(?![:.]\d)"
    r"|(?<![\d:.])\d{1,4}[-/]\d{1,2}(?:[-/]\d{2,4})?\b"
)
# "morgen" without a day is tomorrow (with one, "dinsdag morgen", it is the morning).
_TOMORROW = re.compile(r"(?<![a-z])morgen\b")

_OTHER_WEEK = (
    # "om de week", like "om de dag", skips one: every other week.
    r"\b(?:om de andere week|om de week|elke andere week|elke tweede week|every other week"
    r"|every second week|every fortnight)\b"
)
# Order matters: each pattern's matches are cut out before the next one looks, so the specific
# forms ("bi-weekly", "2-wekelijks") go before the general ones that hide inside them.
_INTERVALS: tuple[tuple[re.Pattern[str], int | None], ...] = tuple(
    (re.compile(pattern), weeks) for pattern, weeks in (
        (rf"\b(?:om de|elke|iedere|ieder|every)\s+{_N}\s+(?:weken|weeks|week)\b", None),
        (r"(?<![\d:.])\b(\d+)-?wekelijks\b", None),
        (_OTHER_WEEK, 2),
        # "every other Tuesday", "om de andere dinsdag": the rhythm said with the day itself.
        ((r"\b(?:every other|every second|om de andere|elke tweede|iedere tweede)"
          r"(?=\s+(?:mon|tue|wed|thu|fri|sat|sun|ma|di|wo|do|vr|za|zo))"), 2),
        (r"\b(?:tweewekelijks|bi-?weekly|fortnightly)\b", 2),
        (r"\bdriewekelijks\b", 3),
        (r"\bvierwekelijks\b", 4),
        (r"\b(?:elke|iedere|ieder|every)\s+week\b", 1),
        (r"\b(?:wekelijks|weekly)\b", 1),
    )
)

_TIME = re.compile(
    r"(?<![\d:.])(?:"
    r"(?:\b(?:om|at)\s+)?(?P<h12>\d{1,2})(?:[:.](?P<m12>\d{2}))?\s*"
    r"(?P<ampm>a\.m\.|p\.m\.|am|pm)(?![a-z])"
    r"|(?P<h>\d{1,2})[:.hu](?P<m>\d{2})"
    r"|(?P<hu>\d{1,2})\s*(?:uur|u|h)\b"
    r"|\b(?:om|at)\s+(?P<hb>\d{1,2})\b(?![.:]\d)"  # not the hour of "om 15.00"
    # "half vier", "om half 4": half an hour before four, 3:30
    r"|\b(?:om\s+)?half\s+(?P<half>\d{1,2}|" + "|".join(_HOURS_NL) + r")\b"
    # "kwart over drie" is 3:15, "kwart voor 4" 3:45
    r"|\b(?:om\s+)?kwart\s+(?P<kwart>over|voor)\s+(?P<kh>\d{1,2}|" + "|".join(_HOURS_NL)
    + r")\b"
    r")(?![\d:])"
)

_CRON_FIELD = re.compile(r"[\d*/,\-?]+")
_CRON_DAY_NAMES = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")  # standard: 0 = Sunday
_APS_DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # index = weekday()


@dataclass(frozen=True)
class ScheduleError:
    """Input we cannot use: a catalog key (`schedule.error_*`) and its parameters."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def texts(self) -> tuple[Text, ...]:
        """What the bot says: the specific problem, then examples of what works (a date
        has its own example: only a rhythm can be planned)."""
        if self.key == "schedule.error_one_off":
            return (Text(self.key, self.params),)
        return (Text(self.key, self.params), Text("schedule.usage"))


@dataclass(frozen=True)
class WeeklyForm:
    """Words read as weekdays (0 = Monday), a time of day and a rhythm in weeks."""

    weekdays: frozenset[int]
    hour: int
    minute: int
    every_weeks: int = 1


@dataclass(frozen=True)
class CronForm:
    """A standard five-field crontab line, whitespace normalised, not yet checked."""

    expr: str


def is_off(text: str) -> bool:
    """Does the admin ask to stop the schedule (off, uit, stop)?"""
    return text.strip().lower() in _OFF_WORDS


def read_schedule(text: str) -> WeeklyForm | CronForm | ScheduleError:
    """Read `/schedule` arguments as words or as a crontab line; the calendar checks come later."""
    cleaned = " ".join(text.lower().split())
    if not cleaned:
        return ScheduleError("schedule.error_empty")
    cron = _as_cron(cleaned)
    if cron is not None:
        return cron
    return _read_words(cleaned)


def _as_cron(cleaned: str) -> CronForm | ScheduleError | None:
    """A crontab line when it says "cron ..." or starts with three cron-like fields."""
    explicit = cleaned.startswith("cron ")
    fields = cleaned.removeprefix("cron ").split()
    looks_like_cron = len(fields) >= 3 and all(_CRON_FIELD.fullmatch(f) for f in fields[:3])
    if not (explicit or looks_like_cron):
        return None
    expr = " ".join(fields)
    if len(fields) != 5:
        return ScheduleError("schedule.error_cron", {"expr": expr})
    return CronForm(expr)


def _read_words(cleaned: str) -> WeeklyForm | ScheduleError:
    if _ONE_OFF.search(cleaned):
        return ScheduleError("schedule.error_one_off")
    rest, every_weeks = _take_interval(cleaned)
    if isinstance(every_weeks, ScheduleError):
        return every_weeks
    rest, clock = _take_time(rest)
    if isinstance(clock, ScheduleError):
        return clock
    weekdays = _take_days(rest)
    if isinstance(weekdays, ScheduleError):
        return weekdays
    if not weekdays:
        return ScheduleError("schedule.error_one_off" if _TOMORROW.search(rest)
                             else "schedule.error_no_day")
    if clock is None:
        return ScheduleError("schedule.error_no_time")
    hour, minute = clock
    if 1 <= hour <= 11 and _LATER_PART.search(rest):  # "dinsdagmiddag om 3": 15:00
        hour += 12
    elif 1 <= hour < EARLIEST_MORNING_HOUR and not _MORNING.search(cleaned) \
            and not _ZERO_PADDED_HOUR.search(cleaned):
        hour += 12  # "dinsdag om 3", "3:30": nobody meets at night; "3am", "03:30" say it is meant
    return WeeklyForm(frozenset(weekdays), hour, minute, every_weeks)


def _take_interval(text: str) -> tuple[str, int | ScheduleError]:
    """Cut out the rhythm words; no rhythm means every week."""
    found: set[int] = set()
    for pattern, fixed in _INTERVALS:
        for match in pattern.finditer(text):
            found.add(fixed if fixed is not None else _number(match.group(1)))
        text = pattern.sub(" ", text)
    if len(found) > 1:
        return text, ScheduleError("schedule.error_two_intervals")
    weeks = found.pop() if found else 1
    if not 1 <= weeks <= MAX_EVERY_WEEKS:
        return text, ScheduleError(
            "schedule.error_interval", {"weeks": weeks, "max": MAX_EVERY_WEEKS}
        )
    return text, weeks


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def _take_time(text: str) -> tuple[str, tuple[int, int] | ScheduleError | None]:
    """Cut out the time of day (15:00, 15.00, 15u, 15h, 3pm, om 15); exactly one is allowed."""
    matches = list(_TIME.finditer(text))
    if len(matches) > 1:
        return text, ScheduleError("schedule.error_two_times")
    if not matches:
        return text, None
    match = matches[0]
    rest = text[: match.start()] + " " + text[match.end():]
    clock = _clock(match)
    if clock is None:
        return rest, ScheduleError("schedule.error_time", {"time": match.group(0).strip()})
    return rest, clock


def _clock(match: re.Match[str]) -> tuple[int, int] | None:
    if match.group("ampm"):
        hour, minute = int(match.group("h12")), int(match.group("m12") or 0)
        if not 1 <= hour <= 12:
            return None
        # 12 am is midnight and 12 pm is noon: the English clock starts each half at 12.
        hour = hour % 12 + (12 if match.group("ampm").startswith("p") else 0)
    elif match.group("half"):
        # "half 4" is 3:30; "half 1" is 12:30, since nobody meets at half past midnight.
        hour, minute = _number(match.group("half")) - 1, 30
        if hour == 0:
            hour = 12
    elif match.group("kwart"):
        hour = _number(match.group("kh"))
        hour, minute = (hour, 15) if match.group("kwart") == "over" else (hour - 1, 45)
        if hour == 0:
            hour = 12
    else:
        hour = int(match.group("h") or match.group("hu") or match.group("hb"))
        minute = int(match.group("m") or 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return hour, minute


def _take_days(text: str) -> set[int] | ScheduleError:
    """The remaining words must be days or small words around them ("on", "om", "en")."""
    days: set[int] = set()
    for word in re.split(r"[\s,;/+]+", text):
        word = word.strip(".:!")
        if not word or word in _FILLERS:
            continue
        if word in _DAY_GROUPS:
            days.update(_DAY_GROUPS[word])
            continue
        day = weekday_of(_DAY_PART.sub("", word))
        if day is None:
            return ScheduleError("schedule.error_unknown_word", {"word": word})
        days.add(day)
    return days


def weekday_of(word: str) -> int | None:
    """0 (Monday) to 6 (Sunday) for a Dutch or English day name, abbreviation or plural."""
    for names, min_prefix in _MIN_PREFIX.items():
        for index, name in enumerate(names):
            # Plurals and adverbs: "tuesdays", "dinsdags", "dinsdagen".
            if word in (name + "s", name + "en"):
                return index
            if len(word) >= min_prefix and name.startswith(word):
                return index
    return None


def cron_weekdays(field_text: str) -> frozenset[int] | None:
    """The weekdays (0 = Monday) that a standard crontab day-of-week field names, where 0 and
    7 are Sunday; None when the field is malformed."""
    days: set[int] = set()
    for part in field_text.split(","):
        body, slash, step_text = part.partition("/")
        step = int(step_text) if step_text.isdigit() else 0
        if slash and step < 1:
            return None
        span = _cron_day_span(body, stepped=bool(slash))
        if span is None:
            return None
        # Standard numbering (0 = Sunday, 1 = Monday) to Python's (0 = Monday).
        days.update((number - 1) % 7 for number in range(span[0], span[1] + 1, step or 1))
    return frozenset(days)


def _cron_day_span(body: str, stepped: bool) -> tuple[int, int] | None:
    """First and last crontab day number of "*", "1-5" or "3" ("3/2" runs on to the end)."""
    if body == "*":
        return 0, 6
    first, dash, last = body.partition("-")
    low = _cron_day_number(first)
    high = _cron_day_number(last) if dash else (7 if stepped else low)
    if low is None or high is None or low > high:
        return None
    return low, high


def _cron_day_number(word: str) -> int | None:
    if word.isdigit():
        number = int(word)
        return number if 0 <= number <= 7 else None
    return _CRON_DAY_NAMES.index(word) if word in _CRON_DAY_NAMES else None


def aps_day_of_week(field_text: str) -> str:
    """A standard crontab day-of-week field in APScheduler 3's terms.

    APScheduler 3 counts 0 as Monday, while crontab counts 0 as Sunday (its documented
    "historical mistake", fixed only in 4.x), so numbers are translated into day names."""
    if field_text == "*":
        return "*"
    days = cron_weekdays(field_text)
    if days is None:
        raise ValueError(f"malformed day-of-week field {field_text!r}")
    return ",".join(_APS_DAY_NAMES[day] for day in sorted(days))
