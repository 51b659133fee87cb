"""When a group meets, and which jobs each meeting needs. Pure: no I/O, no Telegram, no clock.

A `Schedule` is a standard crontab line plus a rhythm in weeks with an anchor date, so that
"every 2 weeks" keeps the same weeks across restarts and re-reads. The calendar work is
APScheduler's `CronTrigger` in the group's `zoneinfo` time zone; we only filter its fire times
by week. (Its `CalendarIntervalTrigger` would count the weeks itself, but it drops a date whose
time falls in the spring-forward gap, and a group would silently lose a meeting.)

Daylight saving time (the rules of RFC 5545, as calendars do it):
- A meeting keeps its local wall-clock time: 15:00 stays 15:00 before and after a change.
- A local time that does not exist (02:30 on the spring-forward night) is moved forward by the
  length of the gap (03:30 local, one hour after 01:30): the meeting is late, never skipped.
- A local time that occurs twice (02:30 on the fall-back night) is the first of the two; the
  meeting is not held twice.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger  # type: ignore[import-untyped]

from flows.effects import CancelTimer, Effect, SetTimer
from flows.model import Settings
from flows.schedule.parse import (
    CronForm,
    ScheduleError,
    WeeklyForm,
    aps_day_of_week,
    cron_weekdays,
    is_off,
    read_schedule,
)

__all__ = [
    "EVENT_ANNOUNCE",
    "EVENT_CLIP_REMINDER",
    "EVENT_OPEN",
    "PlannedJob",
    "Replan",
    "Schedule",
    "ScheduleError",
    "announce_time",
    "first_meeting_soon",
    "is_off",
    "meeting_of",
    "meeting_timer_name",
    "next_meetings",
    "one_week_later",
    "parse_schedule",
    "plan_meeting",
    "replan",
]

EVENT_ANNOUNCE = "meeting.announce"
EVENT_CLIP_REMINDER = "meeting.clip_reminder"
EVENT_OPEN = "meeting.open"

# Intervision needs time between meetings; a cron line that fires hourly is a typo, not a plan.
MIN_GAP = timedelta(hours=12)
# A reminder right after the (late) announcement is noise: the announcement already asks.
MIN_REMINDER_GAP = timedelta(hours=1)
# Start looking a day early: CronTrigger misses a gap-shifted time when asked from inside it.
_LOOKBACK = timedelta(days=1)
_MAX_FIRE_TIMES = 5000  # about a century of weekly meetings: enough to give up on a rare rhythm


@dataclass(frozen=True)
class Schedule:
    """When a group meets: a standard crontab line (0 and 7 are Sunday), every `every_weeks`
    weeks counted from the Monday-starting week of `anchor` (a local date). A weekly rhythm
    with an anchor begins on that date (its first meeting moved "a week later")."""

    cron: str
    every_weeks: int = 1
    anchor: date | None = None

    def __post_init__(self) -> None:
        if self.every_weeks < 1:
            raise ValueError("every_weeks must be at least 1")
        if self.every_weeks > 1 and self.anchor is None:
            raise ValueError("a rhythm of more than one week needs an anchor date")
        _trigger(self, "UTC")  # refuses a malformed crontab line now, not when a job is due

    def to_text(self) -> str:
        """The storage form (`groups.schedule`): compact JSON, read back by `from_text`."""
        stored: dict[str, Any] = {"cron": self.cron, "every_weeks": self.every_weeks}
        if self.anchor is not None:
            stored["anchor"] = self.anchor.isoformat()
        return json.dumps(stored, separators=(",", ":"))

    @classmethod
    def from_text(cls, stored: str) -> Schedule:
        """The schedule from its storage form; a bare crontab line is accepted too. Anything
        else (another version's form) raises ValueError."""
        if not stored.lstrip().startswith("{"):
            return cls(" ".join(stored.split()))
        data = json.loads(stored)
        try:
            anchor = data.get("anchor")
            return cls(cron=data["cron"], every_weeks=int(data.get("every_weeks", 1)),
                       anchor=date.fromisoformat(anchor) if anchor else None)
        except (KeyError, TypeError, AttributeError) as error:
            raise ValueError(f"not a stored schedule: {error!r}") from error

    def weekly(self) -> tuple[frozenset[int], int, int] | None:
        """(weekdays, hour, minute) when the line says "these weekdays at this time"."""
        minute, hour, day, month, weekday = self.cron.split()
        if not (minute.isdigit() and hour.isdigit() and day == "*" and month == "*"):
            return None
        days = cron_weekdays(weekday)
        return (days, int(hour), int(minute)) if days else None


def parse_schedule(text: str, now: datetime, tz: str,
                   current: Schedule | None = None) -> Schedule | ScheduleError:
    """The schedule an admin typed (nl/en words or crontab), or what is wrong with it.

    A rhythm of several weeks keeps the weeks of the group's `current` rhythm of as many
    weeks (a new day or time typed should not move the group to the other week); otherwise
    its anchor is the first matching day after `now`, so the rhythm starts with the first
    meeting the admin is shown (`one_week_later` moves it). "off" is the caller's: `is_off`.
    """
    form = read_schedule(text)
    if isinstance(form, ScheduleError):
        return form
    if isinstance(form, CronForm):
        checked = _check_cron(form.expr)
        if isinstance(checked, ScheduleError):
            return checked
        schedule = checked
    else:
        schedule = Schedule(_weekly_cron(form))
        if form.every_weeks > 1:
            kept = current.anchor if current and current.every_weeks == form.every_weeks \
                else None
            schedule = Schedule(schedule.cron, form.every_weeks,
                                kept or _anchor(schedule, now, tz))
    return _check_calendar(schedule, now, tz)


def one_week_later(schedule: Schedule, now: datetime, tz: str) -> Schedule:
    """The same rhythm, each meeting a week later: for a rhythm of several weeks the admin's
    "other week" (the anchor becomes the first meeting after `now`, so it stays a date the
    admin was shown); a weekly one begins a week after its first meeting (a first meeting
    too close to ask for a clip in time)."""
    if schedule.every_weeks == 1:
        first = next_meetings(schedule, now, tz, 1)
        if not first:
            return schedule
        start = first[0].astimezone(ZoneInfo(tz)).date() + timedelta(weeks=1)
        return Schedule(schedule.cron, 1, start)
    if schedule.anchor is None:
        return schedule
    later = Schedule(schedule.cron, schedule.every_weeks, schedule.anchor + timedelta(weeks=1))
    return Schedule(later.cron, later.every_weeks, _anchor(later, now, tz))


def _weekly_cron(form: WeeklyForm) -> str:
    # Standard crontab numbers: Monday is 1 and Sunday 0.
    numbers = sorted((day + 1) % 7 for day in form.weekdays)
    days = "*" if len(numbers) == 7 else ",".join(map(str, numbers))
    return f"{form.minute} {form.hour} * * {days}"


def _anchor(weekly: Schedule, now: datetime, tz: str) -> date:
    """The local date of the first meeting after `now`: its week starts the rhythm."""
    first = next_meetings(weekly, now, tz, 1)
    return first[0].astimezone(ZoneInfo(tz)).date() if first else now.date()


def _check_cron(expr: str) -> Schedule | ScheduleError:
    _, _, day, _, weekday = expr.split()
    # Crontab fires when EITHER the day of month OR the weekday matches, APScheduler when both
    # do; rather than silently choosing one meaning we ask for one of the two.
    if day != "*" and weekday != "*":
        return ScheduleError("schedule.error_cron_day_and_weekday", {"expr": expr})
    try:
        return Schedule(expr)
    except ValueError:
        return ScheduleError("schedule.error_cron", {"expr": expr})


def _check_calendar(schedule: Schedule, now: datetime, tz: str) -> Schedule | ScheduleError:
    upcoming = next_meetings(schedule, now, tz, 8)
    if not upcoming:
        return ScheduleError("schedule.error_never")
    gaps = (later - earlier for earlier, later in pairwise(upcoming))
    if any(gap < MIN_GAP for gap in gaps):
        return ScheduleError("schedule.error_too_often", {"hours": MIN_GAP // timedelta(hours=1)})
    return schedule


def _trigger(schedule: Schedule, tz: str) -> CronTrigger:
    fields = schedule.cron.split()
    if len(fields) != 5:
        raise ValueError(f"a crontab line has five fields, not {len(fields)}")
    minute, hour, day, month, weekday = fields
    line = f"{minute} {hour} {day} {month} {aps_day_of_week(weekday)}"
    return CronTrigger.from_crontab(line, timezone=ZoneInfo(tz))


def next_meetings(schedule: Schedule, after: datetime, tz: str, count: int) -> list[datetime]:
    """The next `count` meetings strictly after `after` (aware), as aware UTC datetimes."""
    if after.tzinfo is None:
        raise ValueError("after must be an aware datetime")
    found: list[datetime] = []
    for fire in _fire_times(_trigger(schedule, tz), after - _LOOKBACK):
        if len(found) >= count:
            break
        if fire > after and not _repeated_hour(fire) and _in_rhythm(schedule, fire.date()):
            found.append(fire.astimezone(UTC))
    return found


def _fire_times(trigger: CronTrigger, start: datetime) -> Iterator[datetime]:
    previous: datetime | None = None
    for _ in range(_MAX_FIRE_TIMES):
        fire = trigger.get_next_fire_time(previous, previous or start)
        if fire is None:
            return
        yield fire
        previous = fire


def _repeated_hour(local: datetime) -> bool:
    """The second pass through a wall-clock time on the fall-back night (fold=1)."""
    return local.fold == 1 and local.utcoffset() != local.replace(fold=0).utcoffset()


def _in_rhythm(schedule: Schedule, local_day: date) -> bool:
    if schedule.anchor is None:
        return True
    if schedule.every_weeks == 1:
        return local_day >= schedule.anchor
    weeks = (_monday(local_day) - _monday(schedule.anchor)).days // 7
    return weeks % schedule.every_weeks == 0


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


# --- The jobs around one meeting -------------------------------------------------------------


@dataclass(frozen=True)
class PlannedJob:
    """A timer for one meeting; the name is derived from the meeting and the kind of job, so
    planning the same meeting twice gives the same names (and replaces, never duplicates)."""

    name: str
    due: datetime
    event: str
    payload: Mapping[str, Any] = field(default_factory=dict)

    def to_effect(self) -> SetTimer:
        return SetTimer(self.name, self.due, self.event, self.payload)


def meeting_timer_name(meeting_at: datetime, kind: str) -> str:
    """`meeting:2026-12-08T14:00Z:announce`: the meeting in UTC, so names survive a DST change."""
    return f"meeting:{meeting_at.astimezone(UTC):%Y-%m-%dT%H:%MZ}:{kind}"


def meeting_of(name: str) -> datetime | None:
    """The meeting a job name belongs to, or None for a timer that is not a meeting job."""
    parts = name.split(":")
    if len(parts) < 4 or parts[0] != "meeting":
        return None
    try:
        return datetime.strptime(f"{parts[1]}:{parts[2]}", "%Y-%m-%dT%H:%MZ").replace(tzinfo=UTC)
    except ValueError:
        return None


def reminder_in_time(payload: Mapping[str, Any], now: datetime) -> bool:
    """A clip reminder helps only before its meeting (one due while the bot was down may
    fire after it began: then the meeting asks the group instead)."""
    stamp = payload.get("meeting_at")
    return not stamp or datetime.fromisoformat(str(stamp)) > now


def announce_time(meeting_at: datetime, settings: Settings) -> datetime:
    """When a meeting's inbrenger is announced and asked for the clip."""
    return meeting_at - timedelta(hours=settings.announce_hours_before)


def first_meeting_soon(schedule: Schedule, now: datetime, settings: Settings
                       ) -> datetime | None:
    """The first meeting when it comes too soon to ask for its clip in time (its announcement
    would have been due already, so it comes at once when the rhythm is saved), else None."""
    first = next_meetings(schedule, now, settings.timezone, 1)
    return first[0] if first and announce_time(first[0], settings) <= now else None


def plan_meeting(
    meeting_at: datetime, settings: Settings, now: datetime, *, last_reminder_hours: int = 2
) -> list[PlannedJob]:
    """Announce (ask the inbrenger for clip and learning question), remind while no clip has
    come (`clip_reminder_hours` and `last_reminder_hours` before; 0 switches one off, and a
    group's `clip_reminder_hours` of 0, "/settings reminder 0", switches both off), and open
    the meeting. An announcement whose time has passed comes now, marked `late`; a reminder
    whose time has passed, or that would follow the announcement within an hour, is left out.
    """
    # In UTC, so that "48 hours before" is 48 real hours even across a change of the clocks.
    meeting_at = meeting_at.astimezone(UTC)
    stamp = meeting_at.isoformat()
    on_time = announce_time(meeting_at, settings)
    late = on_time < now
    announce_at = now if late else on_time
    jobs = [PlannedJob(meeting_timer_name(meeting_at, "announce"), announce_at, EVENT_ANNOUNCE,
                       {"meeting_at": stamp, "late": late})]
    reminders = (("remind", settings.clip_reminder_hours), ("remind-last", last_reminder_hours)) \
        if settings.clip_reminder_hours else ()
    used_hours: set[int] = set()
    for kind, hours in reminders:
        due = meeting_at - timedelta(hours=hours)
        if hours <= 0 or hours in used_hours or due < announce_at + MIN_REMINDER_GAP:
            continue
        used_hours.add(hours)
        jobs.append(PlannedJob(meeting_timer_name(meeting_at, kind), due, EVENT_CLIP_REMINDER,
                               {"meeting_at": stamp, "hours_before": hours}))
    jobs.append(PlannedJob(meeting_timer_name(meeting_at, "open"), meeting_at, EVENT_OPEN,
                           {"meeting_at": stamp}))
    return jobs


@dataclass(frozen=True)
class Replan:
    """What a (changed) schedule means for the timers: names to cancel, jobs to set."""

    cancel: tuple[str, ...]
    set: tuple[PlannedJob, ...]

    def effects(self) -> tuple[Effect, ...]:
        return (*(CancelTimer(name) for name in self.cancel),
                *(job.to_effect() for job in self.set))


def replan(
    pending: Iterable[str],
    schedule: Schedule | None,
    now: datetime,
    settings: Settings,
    *,
    fired: Iterable[str] = (),
    horizon: int = 1,
    last_reminder_hours: int = 2,
) -> Replan:
    """Plan the next `horizon` meetings of `schedule` (None: stopped) in the group's time zone.

    `pending` are the names of the group's timers that have not fired; pending meeting jobs of
    future meetings no longer planned are cancelled. `fired` are names that already fired:
    they are never set again, so a meeting is not announced twice. Jobs of a meeting that has
    already begun are left alone. Call it when the schedule or settings change, on start, and
    when a meeting opens (to plan the one after it).
    """
    meetings = next_meetings(schedule, now, settings.timezone, horizon) if schedule else []
    wanted = [job for at in meetings
              for job in plan_meeting(at, settings, now, last_reminder_hours=last_reminder_hours)]
    wanted_names = {job.name for job in wanted}
    done = set(fired)
    cancel = tuple(sorted(
        name for name in set(pending) if name not in wanted_names and _ahead(name, now)
    ))
    return Replan(cancel, tuple(job for job in wanted if job.name not in done))


def _ahead(name: str, now: datetime) -> bool:
    """A meeting job of a meeting still to come (not another timer, not a meeting under way)."""
    meeting_at = meeting_of(name)
    return meeting_at is not None and meeting_at > now
