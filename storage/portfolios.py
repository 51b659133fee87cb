"""What a group's portfolio is told from, read in one go: the group, everyone who ever took
part in it (by name, those who left too; an erased member as erased, storage.privacy) and its
cycles with their contributions. A coach's or admin's /export and the operator's
`intervision export` read these same rows, so the JSON (flows/reports/portfolio.py) and the
Markdown and HTML (flows/reports/written.py) tell the same story wherever they are made."""
from __future__ import annotations

from flows.reports.portfolio import GroupRows, Held
from storage import contributions, cycles, groups, members
from storage.clock import from_db
from storage.db import Tx

__all__ = ["GroupRows", "group_rows"]


async def group_rows(tx: Tx, group_id: int) -> GroupRows | None:
    """The group, its people by name, its cycles (oldest first) and when each ran; None for
    no such group."""
    group = await groups.get(tx, group_id)
    if group is None:
        return None
    group_cycles = [(c, await contributions.of_cycle(tx, c.id))
                    for c in await cycles.of_group(tx, group.id)]
    return group, await members.named(tx, group.id), group_cycles, await _held(tx, group.id)


async def _held(tx: Tx, group_id: int) -> dict[int, Held]:
    rows = await tx.all("SELECT id, created_at, closed_at FROM cycles WHERE group_id = ?",
                        (group_id,))
    held = {}
    for r in rows:
        started = from_db(r["created_at"])
        if started is not None:  # never empty: every cycle is stored with it
            held[r["id"]] = Held(started, from_db(r["closed_at"]))
    return held
