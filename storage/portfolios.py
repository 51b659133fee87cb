"""What a group's portfolio is told from, read in one go: the group, everyone who ever took
part in it (by name, those who left too; an erased member as erased, storage.privacy) and its
cycles with their contributions. A coach's or admin's /export and the operator's
`intervision export` read these same rows, so the JSON (flows/reports/portfolio.py) and the
Markdown and HTML (flows/reports/written.py) tell the same story wherever they are made."""
from __future__ import annotations

from flows.model import Group, Member
from flows.reports.written import CycleRows
from storage import contributions, cycles, groups, members
from storage.db import Tx

GroupRows = tuple[Group, tuple[Member, ...], CycleRows]


async def group_rows(tx: Tx, group_id: int) -> GroupRows | None:
    """The group, its people by name and its cycles, oldest first; None for no such group."""
    group = await groups.get(tx, group_id)
    if group is None:
        return None
    group_cycles = [(c, await contributions.of_cycle(tx, c.id))
                    for c in await cycles.of_group(tx, group.id)]
    return group, await members.named(tx, group.id), group_cycles
