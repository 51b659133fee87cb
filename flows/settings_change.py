"""`/settings name value`: which settings a group admin may change, and how values are read."""
from __future__ import annotations

import re
from enum import StrEnum
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from flows.catalog import LANGUAGES
from flows.effects import Text, text
from flows.model import NudgeDelivery, NudgeMode, Settings
from flows.settings_choice import value_text

MINUTE_SETTINGS = {
    "watch": "watch_minutes", "goal": "goal_minutes", "reality": "reality_minutes",
    "options": "options_minutes", "will": "will_minutes", "lookback": "lookback_minutes",
}
ALIASES = {"taal": "language", "tijdzone": "timezone", "nudges": "nudging", "duwtjes": "nudging",
           "bezorging": "delivery", "doel": "goal", "realiteit": "reality", "opties": "options",
           "voornemen": "will", "kijken": "watch", "terugblik": "lookback", "bewaren":
           "retention", "aankondiging": "announce", "herinnering": "reminder",
           # the English words /settings shows ("announcement 48 hours before", "keep 180 days")
           "announcement": "announce", "keep": "retention"}
# Settings with a fixed set of values: the field, its enum, Dutch words for the values, and
# the refusal that lists them.
CHOICES: dict[str, tuple[str, type[StrEnum], dict[str, str], str]] = {
    "nudging": ("nudging", NudgeMode, {"uit": "off", "zacht": "gentle", "streng": "strict"},
                "settings.bad_nudging"),
    "delivery": ("nudge_delivery", NudgeDelivery,
                 {"privé": "private", "prive": "private", "groep": "group"},
                 "settings.bad_delivery"),
}
HOUR_SETTINGS = {"announce": "announce_hours_before", "reminder": "clip_reminder_hours"}
# The clip reminder may be switched off: 0 hours (or the word) means no reminder at all
# (flows/schedule/plan.py plans none then).
REMINDER_OFF = {"off", "uit"}


def _unit_of(name: str) -> str:
    """The unit a number setting counts in: days for retention, hours for the announcement
    and reminder, minutes for the phases."""
    return "days" if name == "retention" else "hours" if name in HOUR_SETTINGS else "minutes"


def _in_unit_of(name: str, typed: re.Match[str]) -> str:
    """"25 minuten", "2 uur", "30 dagen" as the number of the setting's own unit (minutes for
    the phases, hours for the announcement and reminder, days for retention); "" where it
    does not come out whole, which is then refused as any other bad number."""
    unit = next(u for u in MINUTES_IN if typed.group(u))
    own = _unit_of(name)
    minutes = int(typed.group("n")) * MINUTES_IN[unit]
    whole, rest = divmod(minutes, MINUTES_IN[own])
    return str(whole) if rest == 0 else ""


def time_zone_named(name: str) -> str | None:
    """The time zone's proper name for what was typed: exact ("Europe/London"), in any case
    ("europe/london"), or by its city ("Amsterdam", "new york")."""
    if is_time_zone(name):
        return name
    wanted = name.strip().lower().replace(" ", "_")
    if not wanted or len(wanted) > 64:
        return None
    if wanted in _DUTCH_NAMES:
        return _DUTCH_NAMES[wanted]
    for zone in _zones():
        if zone.startswith(_AREAS) and wanted in (zone.lower(), zone.lower().rsplit("/", 1)[-1]):
            return zone
    return next((zone for zone in _zones() if zone.lower() == wanted), None)


# Cities and islands as Dutch speakers name them, where the database's English name differs
# (and the Caribbean part of the Kingdom, whose islands share a zone named after one city).
_DUTCH_NAMES = {
    "londen": "Europe/London", "parijs": "Europe/Paris", "brussel": "Europe/Brussels",
    "berlijn": "Europe/Berlin", "keulen": "Europe/Berlin", "kopenhagen": "Europe/Copenhagen",
    "wenen": "Europe/Vienna", "praag": "Europe/Prague", "warschau": "Europe/Warsaw",
    "lissabon": "Europe/Lisbon", "athene": "Europe/Athens", "boedapest": "Europe/Budapest",
    "boekarest": "Europe/Bucharest", "moskou": "Europe/Moscow", "rome": "Europe/Rome",
    "curaçao": "America/Curacao", "bonaire": "America/Kralendijk",
    "sint_eustatius": "America/Kralendijk", "saba": "America/Kralendijk",
    "sint_maarten": "America/Lower_Princes", "suriname": "America/Paramaribo",
}

# Where a city is looked up: the continents and oceans, not "Etc/GMT+1" (whose sign is
# reversed: UTC-1) nor old aliases such as "US/Central".
_AREAS = ("Africa/", "America/", "Antarctica/", "Asia/", "Atlantic/", "Australia/", "Europe/",
          "Indian/", "Pacific/")


@cache
def _zones() -> tuple[str, ...]:
    """The time zone database's names, read once, in order."""
    return tuple(sorted(available_timezones()))


def is_time_zone(name: str) -> bool:
    """A name from the time zone database. Odd input (300 characters, a path, a NUL byte)
    is just not one: ZoneInfo raises OSError or ValueError for those, not only NotFound."""
    if not name or len(name) > 64:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


# What people type for a language, and the units they add to a number ("25 minuten").
LANGUAGE_NAMES = {"nederlands": "nl", "dutch": "nl", "engels": "en", "english": "en"}
UNITS = re.compile(r"^(?P<n>\d+)\s*(?:(?P<minutes>min|mins|minuten|minutes|minute|m)|"
                   r"(?P<hours>uur|u|h|hours|hour)|(?P<days>dagen|dag|days|day|d))\.?$",
                   re.IGNORECASE)
MINUTES_IN = {"minutes": 1, "hours": 60, "days": 24 * 60}


def _setting(name: str) -> str:
    name = name.lower().replace("-", "").replace("_", "")
    return ALIASES.get(name, name)


def _known(name: str) -> bool:
    return name in ("language", "timezone", "retention") or name in CHOICES \
        or name in MINUTE_SETTINGS or name in HOUR_SETTINGS


def change(settings: Settings, name: str, value: str) -> Settings | Text:
    """The changed settings, or why the change is refused (nothing changes then)."""
    name, value = _setting(name), value.strip()
    first, _, rest = value.partition(" ")
    if not _known(name) and _known(_setting(name + first)):
        name, value = _setting(name + first), rest.strip()  # "look back 3", "time zone london"
    if name == "language":
        language = LANGUAGE_NAMES.get(value.lower(), value.lower())
        if language not in LANGUAGES:
            return text("settings.bad_language")
        return settings.with_value("language", language)
    if name == "timezone":
        zone = time_zone_named(value)
        if zone is None:
            return text("settings.bad_timezone", value=value[:60])
        return settings.with_value("timezone", zone)
    if (with_unit := UNITS.match(value)) is not None:
        value = _in_unit_of(name, with_unit)
    if name in CHOICES:
        attribute, kind, words, refusal = CHOICES[name]
        chosen = words.get(value.lower(), value.lower())
        if chosen not in {member.value for member in kind}:
            return text(refusal)
        return settings.with_value(attribute, kind(chosen))
    field = MINUTE_SETTINGS.get(name) or HOUR_SETTINGS.get(name) or (
        "retention_days" if name == "retention" else None)
    if field is None:
        return text("settings.unknown", name=name)
    if name == "reminder":
        if value.lower() in REMINDER_OFF or (value.isdigit() and int(value) == 0):
            return settings.with_value(field, 0)
        if not value.isdigit() or int(value) > 24 * 60:
            return text("settings.bad_reminder")
    if not value.isdigit() or not 1 <= int(value) <= 24 * 60:
        return text("settings.bad_number", unit=text(f"settings.unit.{_unit_of(name)}"))
    return settings.with_value(field, int(value))


def describe(settings: Settings) -> Text:
    return text("settings.overview", language=value_text("language", settings.language),
                timezone=settings.timezone,
                nudging=value_text("nudging", settings.nudging.value),
                delivery=value_text("delivery", settings.nudge_delivery.value),
                watch=settings.watch_minutes, goal=settings.goal_minutes,
                reality=settings.reality_minutes, options=settings.options_minutes,
                will=settings.will_minutes, lookback=settings.lookback_minutes,
                announce=text("settings.hours_before", count=settings.announce_hours_before),
                reminder=reminder_text(settings.clip_reminder_hours),
                retention=text("settings.days", count=settings.retention_days))


def reminder_text(hours: int) -> Text:
    """"24 hours before", or "off" for 0."""
    return text("settings.hours_before", count=hours) if hours else text("settings.reminder_off")


# Each setting's field and the name its one line says (the overview's words).
_FIELDS = {"language": "language", "timezone": "timezone", "nudging": "nudging",
           "nudge_delivery": "delivery",
           **{field: name for name, field in MINUTE_SETTINGS.items()},
           **{field: name for name, field in HOUR_SETTINGS.items()},
           "retention_days": "retention"}


def change_said(before: Settings, after: Settings, by: str | None = None) -> tuple[Text, ...]:
    """What the group reads of a change, one line instead of the whole overview again (it came
    in the middle of the talk): "✅ Opgeslagen: realiteit → 25 min" answering the admin's
    /settings, "⚙️ Anna veranderde een instelling: …" after a press on the overview's buttons
    (`by`: only the presser saw their answer, and an edit far up the chat goes unseen). A new
    delivery of the nudges also says what it means for the members: they agreed to private
    nudges, and a nudge in the group is read by everyone."""
    changed = tuple(text("settings.line", setting=text(f"settings.name.{name}"),
                         value=_value(name, after)) for field, name in _FIELDS.items()
                    if getattr(before, field) != getattr(after, field))
    if not changed:
        return ()
    joined = changed  # one change a command; a tuple reads "a → 1, b → 2"
    said = [text("settings.saved", what=joined) if by is None
            else text("settings.changed_by", name=by, what=joined)]
    if before.nudge_delivery != after.nudge_delivery:
        said.append(text(f"settings.delivery_now.{after.nudge_delivery.value}"))
    return tuple(said)


def _value(name: str, settings: Settings) -> Text:
    if name in CHOICES or name == "language":
        value = getattr(settings, CHOICES[name][0] if name in CHOICES else name)
        return value_text(name, str(getattr(value, "value", value)))
    if name == "timezone":
        return value_text(name, settings.timezone)
    if name in MINUTE_SETTINGS:
        return text("settings.minutes", count=getattr(settings, MINUTE_SETTINGS[name]))
    if name == "announce":
        return text("settings.hours_before", count=settings.announce_hours_before)
    if name == "reminder":
        return reminder_text(settings.clip_reminder_hours)
    return text("settings.days", count=settings.retention_days)
