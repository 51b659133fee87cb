"""A schedule small enough for a button's callback data ('0_15_*_*_2~2~20261208'), so that
/schedule can ask "save this?" without keeping anything until the admin answers; and the marks
that tell whether such a question may still decide."""
from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from flows.callbacks import mark_of
from flows.schedule.plan import Schedule


def compact(schedule: Schedule) -> str:
    anchor = schedule.anchor.strftime("%Y%m%d") if schedule.anchor else ""
    return f"{schedule.cron.replace(' ', '_')}~{schedule.every_weeks}~{anchor}"


def from_compact(packed: str) -> Schedule | None:
    """The schedule back, or None for anything that is not one (a forged button)."""
    parts = packed.split("~")
    if len(parts) != 3 or not parts[1].isascii() or not parts[1].isdigit():
        return None
    try:
        anchor = date(int(parts[2][:4]), int(parts[2][4:6]), int(parts[2][6:])) \
            if parts[2] else None
        return Schedule(parts[0].replace("_", " "), int(parts[1]), anchor)
    except ValueError:
        return None


# A question "save this?" decides only while the rhythm it would replace is still the group's
# and for a day at most: its button carries when it was asked and a mark of the rhythm then.
VALID_FOR = timedelta(days=1)


def asked_mark(now: datetime) -> str:
    """When the question was asked, in minutes since 1970, in base 36 (five characters)."""
    return _base36(int(now.timestamp()) // 60)


def asked_at(mark: str) -> datetime | None:
    try:
        return datetime.fromtimestamp(int(mark, 36) * 60, UTC) if mark else None
    except (ValueError, OverflowError, OSError):
        return None


def rhythm_mark(schedule: Schedule | None) -> str:
    """Six characters that change with the group's saved rhythm ("0": none)."""
    return "0" if schedule is None else mark_of(schedule.to_text())


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
        if number == 0:
            return out
