"""Numbered SQL migrations (`0001_initial.sql`, ...), applied in order by `PRAGMA user_version`.

Each file runs in its own transaction together with the bump of `user_version`, so a crash in
the middle leaves the database at the previous version, never half-migrated.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import aiosqlite

_HERE = Path(__file__).parent
_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def all_migrations() -> list[Migration]:
    found = []
    for path in sorted(_HERE.glob("*.sql")):
        match = _NAME.match(path.name)
        if match:
            found.append(Migration(int(match.group(1)), path.stem, path.read_text("utf-8")))
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations must be numbered 1..n without gaps, found {versions}")
    return found


LATEST_VERSION = len(all_migrations())


async def current_version(conn: aiosqlite.Connection) -> int:
    async with conn.execute("PRAGMA user_version") as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0


class SchemaTooNew(RuntimeError):
    """The database was written by a newer version of the program."""


async def pending(conn: aiosqlite.Connection) -> list[Migration]:
    """What `apply_pending` would run; reads only."""
    version = await current_version(conn)
    if version > LATEST_VERSION:
        raise SchemaTooNew(
            f"the database is at schema version {version}, newer than this program "
            f"({LATEST_VERSION}): upgrade the program instead of downgrading the data"
        )
    return [m for m in all_migrations() if m.version > version]


async def apply_pending(conn: aiosqlite.Connection, *, up_to: int | None = None) -> list[int]:
    applied = []
    for migration in await pending(conn):
        if up_to is not None and migration.version > up_to:
            break
        script = (
            f"BEGIN IMMEDIATE;\n{migration.sql}\n"
            f"PRAGMA user_version = {migration.version};\nCOMMIT;"
        )
        try:
            await conn.executescript(script)
        except Exception:
            if conn.in_transaction:
                await conn.execute("ROLLBACK")
            raise
        applied.append(migration.version)
    return applied
