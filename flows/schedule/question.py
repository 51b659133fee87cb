"""/schedule's question "save this?" as the group reads it: a first meeting too close to ask
for its clip in time is named (with who would hear at once that it is their turn), a question
another saved rhythm has overtaken (or older than a day) no longer decides, and a saved
change is told in one line with who made it. Pure: the handler (bot/handlers/schedule.py)
brings the group's data and the clock."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from flows.effects import Text, text
from flows.model import Settings
from flows.schedule.compact import VALID_FOR, asked_at, rhythm_mark
from flows.schedule.plan import Schedule, first_meeting_soon
from flows.schedule.words import format_meeting, rhythm_in_short

# The days close enough to say by name; further on the meeting's date is said.
_NEAR_DAYS = ("schedule.soon_today", "schedule.soon_tomorrow", "schedule.soon_day_after")


def soon_warning(schedule: Schedule, now: datetime, settings: Settings,
                 inbrenger: str | None) -> Text | None:
    """"The first meeting is already today, in 15 hours: I ask Anna for a clip at once", when
    its announcement time has passed (saving would announce it now); None otherwise.
    `inbrenger` is who the rotation would announce, None when nobody would be (a cycle
    still open, too few members)."""
    first = first_meeting_soon(schedule, now, settings)
    if first is None:
        return None
    tz = ZoneInfo(settings.timezone)
    days = (first.astimezone(tz).date() - now.astimezone(tz).date()).days
    day = text(_NEAR_DAYS[days]) if days < len(_NEAR_DAYS) else text(
        "schedule.soon_on", when=format_meeting(first, settings.timezone, settings.language))
    hours = max(1, round((first - now).total_seconds() / 3600))
    left = text("cycle.in_days", count=round(hours / 24)) if hours >= 48 \
        else text("cycle.in_hours", count=hours)  # "morgen, over 2 dagen" would read wrong
    asked: Text | str = "" if inbrenger is None else text("schedule.soon_asked", name=inbrenger)
    return text("schedule.soon", day=day, left=left, asked=asked)


def overtaken(current: Schedule | None, asked: str, base: str, now: datetime,
              language: str) -> Text | None:
    """Why a question may no longer decide: another rhythm saved (or the rhythm stopped)
    since it was asked, or asked more than a day ago (or on a button from before the marks);
    None while it may."""
    if not asked or not base:
        return text("schedule.stale_old")
    if base != rhythm_mark(current):
        if current is None:
            return text("schedule.stale_stopped")
        return text("schedule.stale_other", rhythm=rhythm_in_short(current, language))
    when = asked_at(asked)
    if when is None or now - when > VALID_FOR or when > now + VALID_FOR:
        return text("schedule.stale_old")
    return None


def change_told(new: Schedule, by: str, language: str) -> Text:
    """The group's one line of a saved rhythm: "📅 Daan stelde het ritme in: elke do 9:00."."""
    return text("schedule.changed_by", name=by, rhythm=rhythm_in_short(new, language))
