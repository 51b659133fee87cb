"""`intervision export`: every group's cycles (or one group's) as Markdown, HTML or JSON, read
from the database while the bot may be running (WAL lets a reader in). Markdown and HTML are
written in each group's language, with names only (flows/reports/written.py); JSON is the data
model a coach's /export sends too (flows/reports/portfolio.py), from the same rows
(storage/portfolios.py): everyone who took part named, those who left too."""
from __future__ import annotations

import asyncio
import json
import sys
from typing import Any, TextIO

from bot.startup.config import Config
from flows.reports.portfolio import portfolio
from flows.reports.written import as_html, as_markdown, group_portfolio
from storage import groups
from storage.db import Database
from storage.portfolios import group_rows


async def _collect(config: Config, group_id: int | None, form: str) -> list[Any]:
    db = await Database.open(config.db_path)
    try:
        async with db.reading() as tx:
            chosen = [g for g in await groups.all_groups(tx)
                      if group_id is None or g.id == group_id]
            exported: list[Any] = []
            for group in chosen:
                rows = await group_rows(tx, group.id)
                assert rows is not None  # read in the same transaction as `chosen`
                if form == "json":
                    exported.append(portfolio(*rows))
                    continue
                write = as_html if form == "html" else as_markdown
                exported.append(write(group_portfolio(*rows), group.settings.language))
        return exported
    finally:
        await db.close()


def run(config: Config, group_id: int | None, form: str, out: TextIO) -> int:
    exported = asyncio.run(_collect(config, group_id, form))
    if group_id is not None and not exported:
        print(f"no group with id {group_id}", file=sys.stderr)
        return 2
    if form == "json":
        json.dump(exported, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write("\n\n".join(exported) + "\n")
    return 0
