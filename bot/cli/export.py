"""`intervision export`: every group's cycles (or one group's) as Markdown or JSON, read from
the database while the bot may be running (WAL lets a reader in)."""
from __future__ import annotations

import asyncio
import json
import sys
from typing import TextIO

from bot.startup.config import Config
from flows.reports.portfolio import as_markdown, portfolio
from storage import contributions, cycles, groups, members
from storage.db import Database


async def _collect(config: Config, group_id: int | None) -> list[dict]:  # type: ignore[type-arg]
    db = await Database.open(config.db_path)
    try:
        async with db.reading() as tx:
            chosen = [g for g in await groups.all_groups(tx)
                      if group_id is None or g.id == group_id]
            exported = []
            for group in chosen:
                group_cycles = [(c, await contributions.of_cycle(tx, c.id))
                                for c in await cycles.of_group(tx, group.id)]
                exported.append(portfolio(group, await members.active(tx, group.id),
                                          group_cycles))
        return exported
    finally:
        await db.close()


def run(config: Config, group_id: int | None, form: str, out: TextIO) -> int:
    exported = asyncio.run(_collect(config, group_id))
    if group_id is not None and not exported:
        print(f"no group with id {group_id}", file=sys.stderr)
        return 2
    if form == "json":
        json.dump(exported, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write("\n\n".join(as_markdown(group) for group in exported) + "\n")
    return 0
