"""A database that cannot be written for a while, for tests, on a real file without filling a
disk: SQLite's own page cap gives exactly the error of a full disk (SQLITE_FULL) for a write
that needs a new page, and `query_only` that of a file made read-only (SQLITE_READONLY) for
every write."""
from __future__ import annotations

from storage.db import Database


async def disk_full(db: Database) -> None:
    """From now on nothing more fits: a write that needs a new page fails as on a full disk."""
    async with db.reading() as tx:
        row = await tx.one("PRAGMA page_count")
        assert row is not None
        await tx.one(f"PRAGMA max_page_count = {int(row[0])}")


async def space_back(db: Database) -> None:
    async with db.reading() as tx:
        await tx.one("PRAGMA max_page_count = 1073741823")


async def read_only(db: Database, on: bool = True) -> None:
    """Every write fails as on a file made read-only (`on=False`: writable again)."""
    async with db.reading() as tx:
        await tx.one(f"PRAGMA query_only = {int(on)}")
