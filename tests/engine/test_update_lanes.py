"""Updates from the inbox: one chat's in order, another chat not held up by a slow one, each
handled once, and what was fetched before a stop handled after the next start."""
from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime

from bot.engine.arrivals import lane_of, store
from bot.engine.update_lanes import UpdateLanes
from storage import inbox
from storage.db import Database
from tests.waiting import eventually

NOW = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)


def _message(update_id: int, chat_id: int) -> dict[str, object]:
    return {"update_id": update_id, "message": {"message_id": update_id, "date": 0,
                                                "chat": {"id": chat_id, "type": "supergroup"},
                                                "text": f"bericht {update_id}"}}


class Handler:
    def __init__(self, db: Database, slow_chat: int | None = None) -> None:
        self.db, self.slow_chat = db, slow_chat
        self.handled: list[int] = []
        self.release = asyncio.Event()

    async def __call__(self, update_id: int, payload: str) -> None:
        chat = json.loads(payload)["message"]["chat"]["id"]
        if chat == self.slow_chat:
            await self.release.wait()
        self.handled.append(update_id)
        async with self.db.transaction() as tx:
            await inbox.mark(tx, update_id, NOW)


async def test_one_chats_updates_in_order_while_a_slow_chat_waits(db: Database) -> None:
    handler = Handler(db, slow_chat=-1)
    lanes = UpdateLanes(db, handler)
    raw = [_message(n, -1 if n % 2 else -2) for n in range(1, 41)]
    lanes.wake(await store(db, raw, NOW))
    # Chat -2 all done while chat -1 waits at its first update.
    await eventually(lambda: handler.handled == [n for n in range(1, 41) if n % 2 == 0],
                     what="chat -2 handled in order, chat -1 held")
    handler.release.set()
    await lanes.idle()
    assert [n for n in handler.handled if n % 2] == list(range(1, 41, 2))


async def test_a_delivered_again_update_is_not_handled_twice(db: Database) -> None:
    handler = Handler(db)
    lanes = UpdateLanes(db, handler)
    lanes.wake(await store(db, [_message(5, -3)], NOW))
    await lanes.idle()
    lanes.wake(await store(db, [_message(5, -3)], NOW))  # Telegram sends it again
    await lanes.idle()
    assert handler.handled == [5]


async def test_updates_fetched_before_a_stop_are_handled_after_the_start(db: Database) -> None:
    await store(db, [_message(n, -4) for n in (1, 2, 3)], NOW)  # stored, never handled
    handler = Handler(db)
    lanes = UpdateLanes(db, handler)
    assert await lanes.wake_waiting() == 1
    await lanes.idle()
    assert handler.handled == [1, 2, 3]


def test_every_update_belongs_to_its_chat() -> None:
    assert lane_of(_message(1, -9)) == -9
    assert lane_of({"update_id": 2, "callback_query": {
        "id": "x", "from": {"id": 5}, "message": {"chat": {"id": -8}}}}) == -8
    assert lane_of({"update_id": 3, "callback_query": {"id": "y", "from": {"id": 5}}}) == 5
    assert lane_of({"update_id": 4, "my_chat_member": {"chat": {"id": -7}}}) == -7
    assert lane_of({"update_id": 5, "poll": {"id": "p"}}) == 0
