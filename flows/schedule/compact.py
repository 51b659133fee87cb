"""A schedule small enough for a button's callback data ('0_15_*_*_2~2~20261208'), so that
/schedule can ask "save this?" without keeping anything until the admin answers."""
from __future__ import annotations

from datetime import date

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
