"""The schedule in the group's words: the rhythm in one sentence, a meeting's day and time,
and `/schedule`'s overview of the next meetings. Our own day and month names come from the
catalogs, so the system's locale never matters."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from flows.catalog import catalog
from flows.effects import Text, text
from flows.schedule.plan import Schedule, next_meetings


def _names(lang: str, key: str) -> list[str]:
    """Our own day and month names from the catalog, so the system locale never matters."""
    return catalog(lang if lang in ("nl", "en") else "nl")[f"schedule.{key}"].split()


def _listing(lang: str, items: list[str]) -> str:
    if len(items) < 2:
        return "".join(items)
    conjunction = _names(lang, "and")[0]
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def describe_schedule(schedule: Schedule, lang: str) -> Text:
    """One sentence for the group: "Om de 2 weken op dinsdag om 15:00."."""
    weekly = schedule.weekly()
    weeks = schedule.every_weeks
    if weekly is None:
        if weeks > 1:
            return text("schedule.describe_cron_every_weeks", expr=schedule.cron, weeks=weeks)
        return text("schedule.describe_cron", expr=schedule.cron)
    days, hour, minute = weekly
    clock = f"{hour:02d}:{minute:02d}"
    if len(days) == 7 and weeks == 1:
        return text("schedule.describe_daily", time=clock)
    long_names = _names(lang, "days_long")
    listed = _listing(lang, [long_names[day] for day in sorted(days)])
    if weeks > 1:
        return text("schedule.describe_every_weeks", days=listed, time=clock, weeks=weeks)
    return text("schedule.describe_weekly", days=listed, time=clock)


def format_meeting(at: datetime, tz: str, lang: str) -> str:
    """"di 8 dec 15:00" / "Tue 8 Dec 15:00" in the group's time zone."""
    local = at.astimezone(ZoneInfo(tz))
    template = catalog(lang if lang in ("nl", "en") else "nl")["schedule.when"]
    return template.format(
        weekday=_names(lang, "days_short")[local.weekday()],
        day=local.day,
        month=_names(lang, "months_short")[local.month - 1],
        time=f"{local:%H:%M}",
    )


def schedule_overview(
    schedule: Schedule | None, now: datetime, tz: str, lang: str, count: int = 3,
    cancelled: frozenset[datetime] = frozenset(),
) -> tuple[Text, ...]:
    """`/schedule` without arguments: the rhythm and the next `count` meetings that are held,
    with any cancelled meeting among them said to be cancelled, or how to set one."""
    if schedule is None:
        return (text("schedule.none"), text("schedule.usage"))
    upcoming = next_meetings(schedule, now, tz, count + len(cancelled))
    if not upcoming:
        return (describe_schedule(schedule, lang), text("schedule.upcoming_none"))
    shown: list[str] = []
    held = 0
    for at in upcoming:
        if held == count:
            break
        when = format_meeting(at, tz, lang)
        if at in cancelled:
            shown.append(catalog(_lang(lang))["schedule.cancelled_meeting"].format(when=when))
        else:
            shown.append(when)
            held += 1
    return (describe_schedule(schedule, lang),
            text("schedule.upcoming", meetings="\n".join(shown), timezone=tz))


def _lang(lang: str) -> str:
    return lang if lang in ("nl", "en") else "nl"


def rhythm_in_short(schedule: Schedule, lang: str) -> Text:
    """The rhythm in a few words, for a line in the middle of the chat: "elke do 9:00"."""
    weekly = schedule.weekly()
    weeks = schedule.every_weeks
    if weekly is None:
        return text("schedule.short_cron_every_weeks", expr=schedule.cron, weeks=weeks) \
            if weeks > 1 else text("schedule.short_cron", expr=schedule.cron)
    days, hour, minute = weekly
    clock = f"{hour}:{minute:02d}"
    if len(days) == 7 and weeks == 1:
        return text("schedule.short_daily", time=clock)
    listed = _listing(lang, [_names(lang, "days_short")[day] for day in sorted(days)])
    if weeks > 1:
        return text("schedule.short_every_weeks", days=listed, time=clock, weeks=weeks)
    return text("schedule.short_weekly", days=listed, time=clock)
