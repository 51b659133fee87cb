"""One SQLite connection for the whole bot, with short explicit transactions.

Why one connection: a bot process serves every group from one event loop, SQLite allows one
writer at a time anyway, and aiosqlite runs every statement on the connection's own thread.
An asyncio lock around each transaction means two handlers (or a handler and a job) can never
interleave statements or deadlock on SQLite's write lock; WAL keeps readers in other processes
(`intervision export`) unblocked.
"""
from __future__ import annotations

import asyncio
import fcntl
import logging
import os
import sqlite3
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiosqlite

from storage.migrations import SchemaTooNew, apply_pending, current_version, pending

Row = aiosqlite.Row
log = logging.getLogger(__name__)

# SQLite's primary result codes for a database that cannot be written *for now*: the disk is
# full, the file was made read-only, someone else holds the lock (an operator's `.backup`), an
# I/O error of a disk going away. What was being written waits and is tried again; nothing is
# given up on (docs/operations.md).
_FOR_NOW = {5: "the database is locked by another program",
            6: "the database is locked by another program",
            8: "the database file is read-only",
            10: "the disk gave an input/output error",
            13: "the disk is full",
            14: "the database file cannot be opened"}


def unavailable(error: BaseException) -> str | None:
    """Why the database cannot be written for now (in words for the log), or None when
    `error` is not such a passing condition."""
    if isinstance(error, sqlite3.OperationalError):
        return _FOR_NOW.get(getattr(error, "sqlite_errorcode", -1) & 0xFF)
    return None


def unusable(error: BaseException) -> str | None:
    """Why the database cannot be opened at all (in words for the operator), or None: a
    schema newer than this program, a file that is no SQLite database, one that is damaged."""
    if isinstance(error, SchemaTooNew):
        return str(error)
    if isinstance(error, sqlite3.DatabaseError) and unavailable(error) is None:
        return f"{error} (is INTERVISION_DB the bot's SQLite file? restore it from a backup)"
    return unavailable(error)


class InUse(Exception):
    """Another process already runs the bot on this database."""


def hold_for_this_process(path: str | Path) -> int:
    """Takes the database for this process (a lock on `<path>.lock`, let go when the process
    ends, however it ends); raises InUse when another `intervision run` holds it. Two bots on
    one database would both deliver the outbox: every message twice. Readers (`intervision
    export`, `sqlite3 .backup`) do not take it. The lock is on the file's real path, so a
    second start through a symlink or another mount of its folder is refused too."""
    descriptor = os.open(f"{Path(path).resolve()}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(descriptor)
        raise InUse(str(path)) from None
    return descriptor


@dataclass(frozen=True)
class Upgrade:
    """What opening the database did to its schema: the version it was at, the migrations
    applied, and where the copy made before them lies (None when nothing was copied)."""
    before: int
    applied: list[int] = field(default_factory=list)
    backup: Path | None = None

    @property
    def after(self) -> int:
        return self.applied[-1] if self.applied else self.before

    def described(self) -> str:
        """In words for the operator's log: whether, and from which version, it was upgraded."""
        if not self.applied:
            return f"schema {self.before}, up to date"
        steps = (f"migration {self.applied[0]}" if len(self.applied) == 1
                 else f"migrations {self.applied[0]}-{self.applied[-1]}")
        said = f"upgraded from schema {self.before} to {self.after} ({steps})"
        return said + (f"; the database as it was is kept in {self.backup}" if self.backup
                       else "")


def _free_backup_path(path: Path, version: int) -> Path:
    """`<database>.before-schema-N`, or with .2, .3 ... after it: a copy is never overwritten."""
    first = path.with_name(f"{path.name}.before-schema-{version}")
    chosen, number = first, 1
    while chosen.exists():
        number += 1
        chosen = first.with_name(f"{first.name}.{number}")
    return chosen


class Tx:
    """The statements of one transaction. Repository functions take one of these."""

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    async def insert(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> int:
        """Runs an INSERT; returns the new row id."""
        cursor = await self._conn.execute(sql, params)
        try:
            return int(cursor.lastrowid or 0)
        finally:
            await cursor.close()

    async def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> int:
        """Runs a statement; returns how many rows it changed."""
        cursor = await self._conn.execute(sql, params)
        try:
            return cursor.rowcount
        finally:
            await cursor.close()

    async def one(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Row | None:
        async with self._conn.execute(sql, params) as cursor:
            return await cursor.fetchone()

    async def all(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[Row]:
        async with self._conn.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    async def many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        await self._conn.executemany(sql, rows)


class Database:
    def __init__(self, conn: aiosqlite.Connection, path: str) -> None:
        self._conn = conn
        self._lock = asyncio.Lock()
        self._holder: asyncio.Task[object] | None = None
        self.path = path
        self.upgrade: Upgrade | None = None  # what `open` did to the schema, when it migrated

    @classmethod
    async def open(cls, path: str | Path, *, migrate: bool = True) -> Database:
        conn = await aiosqlite.connect(str(path), isolation_level=None)
        # Closed on any failure: the connection's thread would otherwise keep the process
        # from ending (a file that is no database made `intervision migrate` hang).
        try:
            conn.row_factory = aiosqlite.Row
            await conn.execute("PRAGMA foreign_keys = ON")
            await conn.execute("PRAGMA busy_timeout = 5000")
            # Words the bot erases (/forget, the retention, an update's text once handled)
            # are overwritten in the file, not left in a page's free space (not every build
            # does so).
            await conn.execute("PRAGMA secure_delete = ON")
            if str(path) != ":memory:":
                await conn.execute("PRAGMA journal_mode = WAL")
                # NORMAL is durable across application crashes in WAL mode; only a power
                # loss can take the last transactions, the usual trade for a chat bot.
                await conn.execute("PRAGMA synchronous = NORMAL")
            db = cls(conn, str(path))
            if migrate:
                db.upgrade = await db.migrate()
        except BaseException:
            await conn.close()
            raise
        return db

    async def migrate(self) -> Upgrade:
        """Brings the schema up to this program's. An existing database is first copied beside
        itself with SQLite's online backup, so the program can be rolled back: a downgrade of
        the data is refused, so going back means restoring the copy (docs/operations.md)."""
        async with self._lock:
            before = await current_version(self._conn)
            waiting = await pending(self._conn)
            backup = None
            if waiting and before > 0 and self.path != ":memory:":
                backup = await self.copy_to(_free_backup_path(Path(self.path),
                                                            waiting[-1].version))
                log.info("database copied to %s before upgrading it from schema %d",
                         backup, before)
            return Upgrade(before, await apply_pending(self._conn), backup)

    async def copy_to(self, target: Path) -> Path:
        """An online copy of the database (SQLite's backup API), safe while it is in use."""
        # The aiosqlite thread runs the copy, so the target may be used from it.
        copy = sqlite3.connect(target, check_same_thread=False)
        try:
            await self._conn.backup(copy)
        except BaseException:
            copy.close()
            target.unlink(missing_ok=True)  # no half copy that looks like a backup
            raise
        copy.close()
        return target

    async def close(self) -> None:
        await self._conn.close()

    async def checkpoint(self) -> None:
        """Writes the write-ahead log into the database file and empties it, so the older
        versions of pages it still holds (words erased since) are gone from the disk too."""
        async with self._lock:
            if self.path != ":memory:":
                await self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    @property
    def held_here(self) -> bool:
        """Whether the running task holds the one connection in a transaction now (every other
        task waits for it meanwhile)."""
        return self._lock.locked() and self._holder is asyncio.current_task()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Tx]:
        """A write transaction: committed when the block ends, rolled back on any error."""
        async with self._lock:
            self._holder = asyncio.current_task()
            await self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield Tx(self._conn)
            except BaseException:
                # A full disk or an I/O error rolls back on its own; a ROLLBACK then would
                # fail and hide the reason ("cannot rollback - no transaction is active").
                if self._conn.in_transaction:
                    await self._conn.execute("ROLLBACK")
                raise
            else:
                try:
                    await self._conn.execute("COMMIT")
                except BaseException:
                    # A COMMIT refused (busy, full) can leave the transaction open: ended
                    # here, or every later BEGIN of this one connection would fail.
                    if self._conn.in_transaction:
                        await self._conn.execute("ROLLBACK")
                    raise

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[Tx]:
        """A consistent read (a deferred transaction, so nothing is written by accident)."""
        async with self._lock:
            self._holder = asyncio.current_task()
            await self._conn.execute("BEGIN")
            try:
                yield Tx(self._conn)
            finally:
                if self._conn.in_transaction:
                    await self._conn.execute("ROLLBACK")
