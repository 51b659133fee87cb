"""`intervision export`: every group's cycles (or one group's) as Markdown, HTML or JSON, read
from the database while the bot may be running (WAL lets a reader in). Markdown and HTML are
written in each group's language, with names only (flows/reports/written.py); JSON is the data
model a coach's /export sends too (flows/reports/portfolio.py), from the same rows
(storage/portfolios.py): everyone who took part named, those who left too.

`--group` takes the group's Telegram chat id (negative, what every log line names) or the
bot's own number of the group (the `group_id` of the JSON export). A forum chat holds one
group per topic: its chat id then names several, and the operator picks one by number."""
from __future__ import annotations

import asyncio
import json
import sys
from typing import Any, TextIO

from bot.startup.config import Config
from flows.model import Group
from flows.reports.portfolio import portfolio
from flows.reports.written import as_html, as_markdown, group_portfolio
from storage import groups
from storage.db import Database, Tx, unusable
from storage.portfolios import group_rows


class NotChosen(Exception):
    """`--group` names no single group; the message says which there are."""


def _listed(found: list[Group]) -> str:
    if not found:
        return "  (the database holds no groups)"
    return "\n".join(f"  {g.id} = {g.title or '(no title)'} (chat {g.chat_id}"
                     + (f", topic {g.thread_id}" if g.thread_id else "") + ")" for g in found)


def _chosen(every: list[Group], wanted: int | None) -> list[Group]:
    if wanted is None:
        return every
    found = [g for g in every if (g.chat_id if wanted < 0 else g.id) == wanted]
    if not found:
        raise NotChosen(f"no group with id {wanted}; the groups (number = title (chat id)):\n"
                        + _listed(every))
    if len(found) > 1:
        raise NotChosen(f"the chat {wanted} holds {len(found)} groups (one per topic); "
                        "choose one by its number with --group:\n" + _listed(found))
    return found


async def _exported(tx: Tx, chosen: list[Group], form: str) -> list[Any]:
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


async def _collect(config: Config, wanted: int | None, form: str) -> list[Any]:
    db = await Database.open(config.db_path)
    try:
        async with db.reading() as tx:
            chosen = _chosen(await groups.all_groups(tx), wanted)
            return await _exported(tx, chosen, form)
    finally:
        await db.close()


def run(config: Config, wanted: int | None, form: str, out: TextIO) -> int:
    # Only reads: a mistyped path must not leave a new, empty database behind and export
    # "nothing" (review ux22).
    if not config.db_path.is_file():
        print(f"no database at {config.db_path.resolve()}; check INTERVISION_DB "
              "(or INTERVISION_DATA_DIR)", file=sys.stderr)
        return 2
    try:
        exported = asyncio.run(_collect(config, wanted, form))
    except NotChosen as problem:
        print(problem, file=sys.stderr)
        return 2
    except Exception as error:
        if (why := unusable(error)) is None:
            raise
        print(f"The database {config.db_path.resolve()} cannot be used: {why}",
              file=sys.stderr)
        return 2
    if form == "json":
        json.dump(exported, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write("\n\n".join(exported) + "\n")
    return 0
