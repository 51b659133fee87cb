"""One SQLite connection for the whole bot, with short explicit transactions.

Why one connection: a bot process serves every group from one event loop, SQLite allows one
writer at a time anyway, and aiosqlite runs every statement on the connection's own thread.
An asyncio lock around each transaction means two handlers (or a handler and a job) can never
interleave statements or deadlock on SQLite's write lock; WAL keeps readers in other processes
(`intervision export`) unblocked.
"""
from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiosqlite

from storage.migrations import apply_pending

Row = aiosqlite.Row


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
        self.path = path

    @classmethod
    async def open(cls, path: str | Path, *, migrate: bool = True) -> Database:
        conn = await aiosqlite.connect(str(path), isolation_level=None)
        conn.row_factory = aiosqlite.Row
        await conn.execute("PRAGMA foreign_keys = ON")
        await conn.execute("PRAGMA busy_timeout = 5000")
        # Words the bot erases (/forget, the retention, an update's text once handled) are
        # overwritten in the file, not left in a page's free space (not every build does so).
        await conn.execute("PRAGMA secure_delete = ON")
        if str(path) != ":memory:":
            await conn.execute("PRAGMA journal_mode = WAL")
            # NORMAL is durable across application crashes in WAL mode; only a power loss
            # can take the last transactions, which is the usual trade for a chat bot.
            await conn.execute("PRAGMA synchronous = NORMAL")
        db = cls(conn, str(path))
        if migrate:
            try:
                await db.migrate()
            except BaseException:
                await conn.close()
                raise
        return db

    async def migrate(self) -> list[int]:
        async with self._lock:
            return await apply_pending(self._conn)

    async def close(self) -> None:
        await self._conn.close()

    async def checkpoint(self) -> None:
        """Writes the write-ahead log into the database file and empties it, so the older
        versions of pages it still holds (words erased since) are gone from the disk too."""
        async with self._lock:
            if self.path != ":memory:":
                await self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Tx]:
        """A write transaction: committed when the block ends, rolled back on any error."""
        async with self._lock:
            await self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield Tx(self._conn)
            except BaseException:
                await self._conn.execute("ROLLBACK")
                raise
            else:
                await self._conn.execute("COMMIT")

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[Tx]:
        """A consistent read (a deferred transaction, so nothing is written by accident)."""
        async with self._lock:
            await self._conn.execute("BEGIN")
            try:
                yield Tx(self._conn)
            finally:
                await self._conn.execute("ROLLBACK")
