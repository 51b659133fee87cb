"""A database that cannot be written for a while (a full disk, a lock held by an operator's
`sqlite3 .backup`, a read-only file) is told apart from a bug: the bot waits and tries again
instead of giving up on what it was writing (docs/operations.md)."""
from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from storage import inbox
from storage.db import Database, InUse, hold_for_this_process, unavailable
from tests.unwritable import disk_full, space_back

NOW = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)


def _arrival(update_id: int) -> inbox.Arrival:
    words = "x" * 3000
    return inbox.Arrival(update_id, -1, f'{{"update_id": {update_id}, "text": "{words}"}}')


async def test_a_full_disk_fails_the_write_as_a_passing_condition_and_leaves_nothing(
        db: Database) -> None:
    await disk_full(db)
    with pytest.raises(sqlite3.OperationalError) as raised:
        async with db.transaction() as tx:
            await inbox.store(tx, [_arrival(n) for n in range(1, 40)], NOW)
    assert unavailable(raised.value) == "the disk is full"
    await space_back(db)
    async with db.transaction() as tx:  # the same write, once there is room again
        await inbox.store(tx, [_arrival(n) for n in range(1, 40)], NOW)
    async with db.reading() as tx:
        assert len(await inbox.waiting(tx, -1, 100)) == 39


async def test_a_lock_held_by_another_program_is_a_passing_condition(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "locked.db")
    operator = sqlite3.connect(tmp_path / "locked.db", isolation_level=None)
    try:
        async with db.reading() as tx:
            await tx.one("PRAGMA busy_timeout = 50")
        operator.execute("BEGIN IMMEDIATE")  # as `sqlite3 intervision.db` with a write open
        with pytest.raises(sqlite3.OperationalError) as raised:
            async with db.transaction() as tx:
                await inbox.store(tx, [_arrival(1)], NOW)
        assert unavailable(raised.value) == "the database is locked by another program"
    finally:
        operator.close()
        await db.close()


async def test_a_read_only_file_is_a_passing_condition_and_a_bug_is_not(tmp_path: Path) -> None:
    await (await Database.open(tmp_path / "ro.db")).close()
    reader = sqlite3.connect(f"file:{tmp_path / 'ro.db'}?mode=ro", uri=True)
    try:
        with pytest.raises(sqlite3.OperationalError) as raised:
            reader.execute("INSERT INTO inbox (update_id, lane, received_at) VALUES (1, 0, '')")
        assert unavailable(raised.value) == "the database file is read-only"
        with pytest.raises(sqlite3.OperationalError) as bug:
            reader.execute("SELECT nothing FROM nowhere")
        assert unavailable(bug.value) is None
    finally:
        reader.close()
    assert unavailable(ValueError("a bug")) is None


async def test_a_commit_refused_by_a_reader_leaves_the_connection_usable(tmp_path: Path) -> None:
    """Without WAL (a file system where WAL is unavailable) a reader's lock refuses COMMIT;
    the transaction must not stay open, or every later one of the bot would fail."""
    db = await Database.open(tmp_path / "journal.db")
    async with db.reading() as tx:
        await tx.one("PRAGMA busy_timeout = 50")
    await (await db._conn.execute("PRAGMA journal_mode = DELETE")).close()  # no transaction
    reader = sqlite3.connect(tmp_path / "journal.db", isolation_level=None)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT COUNT(*) FROM inbox").fetchall()  # a shared lock, held
        with pytest.raises(sqlite3.OperationalError) as raised:
            async with db.transaction() as tx:
                await inbox.store(tx, [_arrival(1)], NOW)
        assert unavailable(raised.value) is not None
        reader.execute("ROLLBACK")
        async with db.transaction() as tx:  # the next transaction works
            await inbox.store(tx, [_arrival(2)], NOW)
        async with db.reading() as tx:
            assert [u for u, _ in await inbox.waiting(tx, -1, 10)] == [2]
    finally:
        reader.close()
        await db.close()


def test_a_database_is_held_by_one_bot_process_at_a_time(tmp_path: Path) -> None:
    first = hold_for_this_process(tmp_path / "intervision.db")
    with pytest.raises(InUse):
        hold_for_this_process(tmp_path / "intervision.db")
    hold_for_this_process(tmp_path / "other.db")  # another database is another bot
    os.close(first)  # the first process ended
    hold_for_this_process(tmp_path / "intervision.db")


def test_a_second_bot_through_a_symlink_to_the_same_database_is_refused(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    real = tmp_path / "data" / "intervision.db"
    real.touch()
    (tmp_path / "link.db").symlink_to(real)
    (tmp_path / "mounted").symlink_to(tmp_path / "data", target_is_directory=True)
    first = hold_for_this_process(real)
    try:
        for other_path in (tmp_path / "link.db", tmp_path / "mounted" / "intervision.db"):
            with pytest.raises(InUse):
                hold_for_this_process(other_path)
    finally:
        os.close(first)
