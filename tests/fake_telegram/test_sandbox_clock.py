"""The sandbox's movable clock: the fake's side (fake_telegram/clock.py) steps through the bot's
stored timers one by one; the bot's side (bot/startup/sandbox_clock.py) reads the offset."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest

from bot.engine.services import SERVICES_KEY, Services
from bot.startup.config import load
from bot.startup.sandbox_clock import MovableClock, fire_due
from fake_telegram.clock import SandboxClock
from fake_telegram.world import World
from flows.model import Settings
from storage import groups
from storage import timers as timer_store
from storage.clock import to_db
from storage.db import Database
from storage.timers import StoredTimer


def timers_db(path: Path, due: dict[str, datetime]) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE timers (id INTEGER PRIMARY KEY, group_id INTEGER, name TEXT, "
                     "event TEXT, payload TEXT, due_at TEXT, fired_at TEXT)")
        for name, at in due.items():
            conn.execute("INSERT INTO timers (group_id, name, event, payload, due_at) "
                         "VALUES (1, ?, ?, '{}', ?)", (name, name, to_db(at)))


async def bot_firing(db: Path, clock: MovableClock, fired: list[tuple[str, float]]) -> None:
    """What the bot's job does each second, here every 20 ms: fire what is due by its clock."""
    while True:
        now = clock()
        with sqlite3.connect(db) as conn:
            rows = conn.execute("SELECT id, name, due_at FROM timers WHERE fired_at IS NULL "
                                "ORDER BY due_at").fetchall()
            for timer_id, name, due_at in rows:
                if datetime.fromisoformat(due_at) <= now:
                    conn.execute("UPDATE timers SET fired_at = ? WHERE id = ?",
                                 (to_db(now), timer_id))
                    fired.append((name, (now - datetime.fromisoformat(due_at)).total_seconds()))
        await asyncio.sleep(0.02)


async def test_moving_on_fires_each_timer_in_order_and_on_time(tmp_path: Path) -> None:
    db = tmp_path / "bot.db"
    start = datetime.now(UTC)
    timers_db(db, {"timebox": start + timedelta(minutes=10),
                   "reminder": start + timedelta(hours=20),
                   "followup": start + timedelta(days=7),
                   "later": start + timedelta(days=30)})
    world = World("7000000001:AAFakeTelegramTokenForIntervisionTests")
    sandbox_clock = SandboxClock(tmp_path / "clock", db, world)
    fired: list[tuple[str, float]] = []
    bot = asyncio.create_task(bot_firing(db, MovableClock(tmp_path / "clock"), fired))
    try:
        assert [u.name for u in sandbox_clock.upcoming()][:1] == ["timebox"]
        assert await sandbox_clock.advance(timedelta(days=8).total_seconds()) == 3
    finally:
        bot.cancel()
    assert [name for name, _ in fired] == ["timebox", "reminder", "followup"]
    assert all(late < 5 for _, late in fired)  # each on time, none in a late batch
    assert [u.name for u in sandbox_clock.upcoming()] == ["later"]
    assert abs(sandbox_clock.offset - timedelta(days=8).total_seconds()) < 5
    assert abs(world.now() - (time.time() + sandbox_clock.offset)) < 2  # message dates follow


async def test_a_timers_message_is_dated_at_its_own_moment_not_at_the_next_stop(
        tmp_path: Path) -> None:
    """The bot delivers what a timer said a moment after firing it (its outbox); the clock
    waits for that before moving on, or an announcement due on Sunday would be dated Monday,
    the next stop (seen in a term played through the sandbox)."""
    db = tmp_path / "bot.db"
    start = datetime.now(UTC)
    timers_db(db, {"announce": start + timedelta(days=1), "remind": start + timedelta(days=2)})
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE outbox (id INTEGER PRIMARY KEY, payload TEXT, failed_at TEXT)")
    world = World("7000000001:AAFakeTelegramTokenForIntervisionTests")
    sandbox_clock = SandboxClock(tmp_path / "clock", db, world)
    bot_clock = MovableClock(tmp_path / "clock")
    dated: dict[str, float] = {}

    async def bot() -> None:  # fires, and delivers half a second later
        while True:
            with sqlite3.connect(db) as conn:
                for timer_id, name, due_at in conn.execute(
                        "SELECT id, name, due_at FROM timers WHERE fired_at IS NULL").fetchall():
                    if datetime.fromisoformat(due_at) <= bot_clock():
                        conn.execute("UPDATE timers SET fired_at = ? WHERE id = ?",
                                     (to_db(bot_clock()), timer_id))
                        conn.execute("INSERT INTO outbox (payload) VALUES (?)", (name,))
            await asyncio.sleep(0.5)
            with sqlite3.connect(db) as conn:
                for (name,) in conn.execute("SELECT payload FROM outbox").fetchall():
                    dated[name] = world.now()
                conn.execute("DELETE FROM outbox")

    task = asyncio.create_task(bot())
    try:
        await sandbox_clock.advance(timedelta(days=3).total_seconds())
    finally:
        task.cancel()
    assert dated["announce"] - (start + timedelta(days=1)).timestamp() < 60
    assert dated["remind"] - (start + timedelta(days=2)).timestamp() < 60


def test_the_bots_clock_follows_the_file(tmp_path: Path) -> None:
    path = tmp_path / "clock"
    clock = MovableClock(path)
    assert abs((clock() - datetime.now(UTC)).total_seconds()) < 1  # no file: real time
    path.write_text("3600.5\n")
    assert abs((clock() - datetime.now(UTC)).total_seconds() - 3600.5) < 1
    path.write_text("not a number")
    assert abs((clock() - datetime.now(UTC)).total_seconds() - 3600.5) < 1  # kept


async def test_the_bots_job_fires_what_is_due_by_its_moved_clock_oldest_first(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """bot/startup/sandbox_clock.py's own job (the tests above play the bot's part): by the
    moved clock, not the real one, and a jump over several timers fires them in the order
    they fell due (an announcement before its reminder)."""
    moved = datetime.now(UTC) + timedelta(days=2)
    db = await Database.open(tmp_path / "bot.db")
    try:
        async with db.transaction() as tx:
            group, _ = await groups.register(tx, -1001, 0, "Groep", Settings(), moved)
            for name, due in (("remind", moved - timedelta(hours=24)),
                              ("later", moved + timedelta(hours=1)), ("exact", moved),
                              ("announce", moved - timedelta(hours=36))):
                await timer_store.set(tx, group.id, name, name, {}, due)
        svc = Services(config=load({"TELEGRAM_BOT_TOKEN": "123456789:" + "A" * 35,
                                    "INTERVISION_DATA_DIR": str(tmp_path)}),
                       clock=lambda: moved)
        svc.db = db
        fired: list[str] = []

        async def fire(app: object, timer: StoredTimer) -> None:
            fired.append(timer.name)

        monkeypatch.setattr("bot.engine.jobs.fire", fire)
        app = SimpleNamespace(bot_data={SERVICES_KEY: svc})
        await fire_due(SimpleNamespace(application=app))  # type: ignore[arg-type]
    finally:
        await db.close()
    assert fired == ["announce", "remind", "exact"]
