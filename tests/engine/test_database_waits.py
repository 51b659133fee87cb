"""A database that cannot be written for a while (a full disk, a lock held by an operator's
`sqlite3 intervision.db .backup`) stops nothing for good and loses nothing: arriving updates
stay with Telegram until they can be stored, a chat's lane waits and goes on, and a message
Telegram accepted is marked sent without being sent again. Real SQLite files."""
from __future__ import annotations

import asyncio
import errno
import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.engine import arrivals, lanes, sender
from bot.engine.outgoing import Message, Outgoing, encode
from bot.engine.sender import Sender
from bot.engine.update_lanes import UpdateLanes
from storage import inbox, outbox
from storage.db import Database
from tests.engine.arriving import Awake, stored
from tests.unwritable import disk_full, read_only, space_back
from tests.waiting import eventually

NOW = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)
CHAT = -100


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(arrivals, "FIRST_RETRY", 0.05)
    monkeypatch.setattr(lanes, "FIRST_WAIT", 0.05)
    monkeypatch.setattr(sender, "FIRST_RETRY", 0.05)


def _message(update_id: int) -> dict[str, Any]:
    return {"update_id": update_id, "message": {
        "message_id": update_id, "date": 0, "chat": {"id": CHAT, "type": "supergroup"},
        "text": "Wat zag je bij 0:12? " + "x" * 2000}}


class Telegram:
    """getUpdates as Telegram answers it: everything after the confirmed offset, again and
    again until confirmed."""

    def __init__(self, updates: list[dict[str, Any]]) -> None:
        self.updates = updates
        self.offsets: list[int | None] = []

    async def do_api_request(self, endpoint: str, api_kwargs: dict[str, Any],
                             **_: Any) -> list[dict[str, Any]]:
        assert endpoint == "getUpdates"
        offset = api_kwargs.get("offset")
        self.offsets.append(offset)
        await asyncio.sleep(0.01)
        return [u for u in self.updates if offset is None or u["update_id"] >= offset]


async def test_updates_that_arrive_while_the_disk_is_full_are_stored_once_there_is_room(
        db: Database, caplog: pytest.LogCaptureFixture) -> None:
    telegram = Telegram([_message(n) for n in range(1, 31)])
    await disk_full(db)
    polling = asyncio.create_task(arrivals.poll(telegram, db, Awake(), lambda: NOW))  # type: ignore[arg-type]
    try:
        await eventually(lambda: len(telegram.offsets) >= 3, what="getUpdates asked again")
        assert set(telegram.offsets) == {None}  # nothing confirmed: Telegram keeps them
        assert await stored(db, CHAT) == []
        assert "30 arriving updates cannot be stored (the disk is full)" in caplog.text
        await space_back(db)
        await eventually(lambda: 31 in telegram.offsets, what="the batch confirmed")
    finally:
        polling.cancel()
    assert await stored(db, CHAT) == list(range(1, 31))
    assert not polling.done() or polling.cancelled()


async def test_a_chats_lane_waits_while_the_disk_is_full_and_goes_on_after(
        db: Database, caplog: pytest.LogCaptureFixture) -> None:
    async def handle(update_id: int, payload: str) -> None:  # stores the words, as a handler
        words = json.loads(payload)["message"]["text"]
        async with db.transaction() as tx:
            if await inbox.mark(tx, update_id, NOW):
                await tx.execute("INSERT INTO said VALUES (?, ?)", (update_id, words * 4))

    async with db.transaction() as tx:
        await tx.execute("CREATE TABLE said (id INTEGER, words TEXT)")
    await arrivals.store(db, [_message(n) for n in range(1, 6)], NOW)
    await disk_full(db)
    update_lanes = UpdateLanes(db, handle)
    update_lanes.wake([CHAT])
    await eventually(lambda: "updates -100 waits: the disk is full" in caplog.text,
                     what="the lane says why it waits")
    assert await stored(db, CHAT) == [1, 2, 3, 4, 5]  # still there, unhandled
    await space_back(db)
    await eventually(lambda: _nothing_waiting(db), what="every update handled")
    await update_lanes.stop()
    async with db.reading() as tx:
        rows = await tx.all("SELECT id FROM said ORDER BY id")
    assert [r["id"] for r in rows] == [1, 2, 3, 4, 5]
    assert "stopped" not in caplog.text


async def _nothing_waiting(db: Database) -> bool:
    return await stored(db, CHAT) == []


async def test_a_sent_message_is_marked_sent_once_a_held_lock_is_let_go_and_not_sent_twice(
        db: Database, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    async with db.reading() as tx:
        await tx.one("PRAGMA busy_timeout = 50")
    operator = sqlite3.connect(tmp_path / "test.db", isolation_level=None)
    delivered: list[str] = []

    async def deliver(item: Outgoing) -> int:
        assert isinstance(item, Message)
        delivered.append(item.html)
        if len(delivered) == 1:  # an operator's backup takes the lock meanwhile
            operator.execute("BEGIN IMMEDIATE")
            asyncio.get_running_loop().call_later(0.5, operator.execute, "ROLLBACK")
        return len(delivered)

    async with db.transaction() as tx:
        for n in range(3):
            await outbox.add(tx, CHAT, encode(Message(CHAT, f"bericht {n}")), NOW)
    sending = Sender(db, deliver, lambda: NOW)
    try:
        await sending.wake_waiting()
        await eventually(lambda: len(delivered) == 3, timeout=10, what="all three sent")
        await sending.idle()
    finally:
        await sending.stop()
        operator.close()
    assert delivered == ["bericht 0", "bericht 1", "bericht 2"]
    async with db.reading() as tx:
        assert await outbox.count_waiting(tx) == 0
    assert "cannot be marked as sent (the database is locked by another program)" in caplog.text


async def test_a_clip_that_finds_no_room_on_the_disk_waits_and_goes_out_once(
        db: Database, caplog: pytest.LogCaptureFixture) -> None:
    """A storyboard whose clip cannot be downloaded for lack of room is not given up on (it
    was marked failed, with a traceback, and the group never saw it): its lane waits."""
    attempts: list[str] = []

    async def deliver(item: Outgoing) -> int:
        assert isinstance(item, Message)
        attempts.append(item.html)
        if len(attempts) <= 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return 1

    async with db.transaction() as tx:
        await outbox.add(tx, CHAT, encode(Message(CHAT, "storyboard")), NOW)
    sending = Sender(db, deliver, lambda: NOW)
    try:
        await sending.wake_waiting()
        await eventually(lambda: len(attempts) == 3, timeout=10, what="tried until there is room")
        await sending.idle()
    finally:
        await sending.stop()
    async with db.reading() as tx:
        assert await outbox.count_waiting(tx) == 0
        assert await tx.one("SELECT 1 FROM outbox WHERE failed_at IS NOT NULL") is None
    assert "send -100 waits: the disk is full" in caplog.text
    assert "Traceback" not in caplog.text


async def test_a_webhook_call_that_cannot_be_stored_is_refused_so_that_telegram_sends_it_again(
        db: Database, caplog: pytest.LogCaptureFixture) -> None:
    from aiohttp.test_utils import TestClient, TestServer

    app = arrivals.webhook_app(db, Awake(), lambda: NOW, secret=None)
    async with TestClient(TestServer(app)) as client:
        await read_only(db)
        refused = await client.post("/telegram", json=_message(7))
        assert refused.status == 503
        assert "an arriving update cannot be stored (the database file is read-only)" \
            in caplog.text
        await read_only(db, on=False)
        taken = await client.post("/telegram", json=_message(7))  # Telegram's next try
        assert taken.status == 200
    assert await stored(db, CHAT) == [7]


async def test_polling_outlives_a_batch_that_breaks_storing(
        db: Database, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """An error nobody foresaw while storing a batch (a bug) is logged and the batch tried
    again; polling never ends on it (it ended, silently: the bot looked alive and took no
    update until restarted)."""
    real_store, broken = arrivals.store, [True]

    async def store_once_broken(*args: Any) -> set[int]:
        if broken.pop() if broken else False:
            raise RuntimeError("a bug")
        return await real_store(*args)

    monkeypatch.setattr(arrivals, "store", store_once_broken)
    telegram = Telegram([_message(n) for n in range(1, 4)])
    polling = asyncio.create_task(arrivals.poll(telegram, db, Awake(), lambda: NOW))  # type: ignore[arg-type]
    try:
        await eventually(lambda: 4 in telegram.offsets, what="the batch stored after all")
    finally:
        polling.cancel()
    assert await stored(db, CHAT) == [1, 2, 3]
    assert "3 arriving updates could not be stored; Telegram keeps them" in caplog.text
