"""Fair inbrenger rotation: fewest turns so far, then longest since the last turn."""
from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import UTC, datetime

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
