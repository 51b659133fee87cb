"""Fair inbrenger rotation: fewest turns so far, then longest since the last turn."""
from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import UTC, datetime, timedelta

from flows.model import Member

_NEVER = datetime.min.replace(tzinfo=UTC)


def rotation_order(members: Iterable[Member]) -> list[Member]:
    """Members in the order they are due. Someone who asked to skip goes last, once;
    ties fall back to the user id so the order is the same after every restart."""
    return sorted(
        members,
        key=lambda m: (m.skip_next, m.turns, m.last_turn_at or _NEVER, m.user_id),
    )


def pick_inbrenger(members: Iterable[Member], exclude: Collection[int] = ()) -> Member | None:
    """The next inbrenger; a member who has not agreed to the group's agreements is skipped
    (showing a clip asks for the safety those agreements give)."""
    candidates = [m for m in members if m.user_id not in exclude and m.agreed]
    order = rotation_order(candidates)
    return order[0] if order else None


def turns_before(members: Iterable[Member], user_id: int) -> int | None:
    """How many other members are due before this one (after their turn was counted)."""
    order = [m.user_id for m in rotation_order(m for m in members if m.agreed)]
    return order.index(user_id) if user_id in order else None


def next_turn(members: Iterable[Member], user_id: int,
              meetings: Sequence[datetime]) -> datetime | None:
    """The meeting of the member's next turn in the group's schedule: one meeting per turn,
    in the rotation's order. None without a schedule (or beyond the meetings given)."""
    before = turns_before(members, user_id)
    if before is None or before >= len(meetings):
        return None
    return meetings[before]


# Ask how trying the commitment went six days after closing: a week to the hour was the
# next weekly meeting's time, so the question came in the middle of that meeting.
FOLLOW_UP = timedelta(days=6)
FOLLOW_UP_LEAD = timedelta(days=3)  # ... in time to film before the next turn
FOLLOW_UP_SOONEST = timedelta(days=1)


def follow_up_at(now: datetime, turn: datetime | None) -> datetime:
    """Six days after closing, or earlier when the next turn comes sooner, so there is time to
    try the commitment and film it; never within a day of the meeting that closed."""
    if turn is None:
        return now + FOLLOW_UP
    return max(now + FOLLOW_UP_SOONEST, min(now + FOLLOW_UP, turn - FOLLOW_UP_LEAD))
