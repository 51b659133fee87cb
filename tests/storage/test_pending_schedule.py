"""A rhythm /schedule understood, held for its confirmation button when it is too long to ride
in the button itself: taken once, only by its own group, and only while fresh."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from flows.model import Settings
from flows.schedule.plan import Schedule
from storage import groups
from storage.db import Database

NOW = datetime(2026, 12, 2, 14, 0, tzinfo=UTC)


@pytest.fixture
async def db(tmp_path):  # type: ignore[no-untyped-def]
    database = await Database.open(tmp_path / "x.db")
    yield database
    await database.close()


async def test_a_held_rhythm_is_taken_once_and_only_while_fresh(db: Database) -> None:
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, -1, 0, "Pabo 1", Settings(), NOW)
        held = await groups.hold_schedule(tx, group.id, '{"cron":"0 15 * * 2"}', NOW)
        assert await groups.take_held_schedule(tx, held, group.id + 1, NOW) is None  # not theirs
        assert await groups.take_held_schedule(tx, held, group.id, NOW) == '{"cron":"0 15 * * 2"}'
        assert await groups.take_held_schedule(tx, held, group.id, NOW) is None
        old = await groups.hold_schedule(tx, group.id, "x", NOW)
        assert await groups.take_held_schedule(tx, old, group.id, NOW + timedelta(days=2)) is None


async def test_a_stored_rhythm_this_code_cannot_read_counts_as_none_and_is_kept(
        db: Database, caplog: pytest.LogCaptureFixture) -> None:
    """Written by another version of the bot: /schedule, /settings and the start read "no
    rhythm" instead of breaking, the operator is told, and the words stay for a version that
    reads them."""
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, -1, 0, "Pabo 1", Settings(), NOW)
        other, _ = await groups.register(tx, -2, 0, "Pabo 2", Settings(), NOW)
        await groups.set_schedule(tx, group.id, '{"rhythm": "a format of the future"}')
        await groups.set_schedule(tx, other.id, Schedule("0 15 * * 2").to_text())
    async with db.reading() as tx:
        assert await groups.schedule_of(tx, group.id) is None
        assert [g.id for g, _ in await groups.with_schedules(tx)] == [other.id]
        assert await groups.schedule_of(tx, other.id) == Schedule("0 15 * * 2")
        kept = await tx.one("SELECT schedule FROM groups WHERE id = ?", (group.id,))
    assert kept is not None and "future" in kept["schedule"]
    assert "stored schedule unreadable" in caplog.text
