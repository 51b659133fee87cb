"""The sender delivers the outbox chat by chat: in order within a chat, a 429 or a network
failure holds up only that chat, a refused private message falls back to the group, and mail
decided before a stop is delivered at the next start. Real SQLite files, a recording
stand-in for Telegram's side of the call."""
from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter

from bot.engine.outgoing import (
    Chart,
    ClipMedia,
    Document,
    Edit,
    Message,
    Outgoing,
    Photo,
    decode,
    encode,
)
from bot.engine.sender import Sender
from storage import outbox
from storage.db import Database

NOW = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)
GROUP_A, GROUP_B, MEMBER = -100, -200, 7


class Telegram:
    """Records what was delivered; fails a call as told, once per entry in `failures`."""

    def __init__(self) -> None:
        self.delivered: list[tuple[int, str]] = []
        self.failures: dict[str, list[Exception]] = {}
        self.gate: dict[int, asyncio.Event] = {}

    async def __call__(self, item: Outgoing) -> None:
        assert isinstance(item, Message)
        if item.chat_id in self.gate:
            await self.gate[item.chat_id].wait()
        pending = self.failures.get(item.html)
        if pending:
            raise pending.pop(0)
        self.delivered.append((item.chat_id, item.html))


async def _decide(db: Database, *items: Message) -> list[int]:
    async with db.transaction() as tx:
        return [await outbox.add(tx, item.chat_id, encode(item), NOW) for item in items]


async def _waiting(db: Database) -> int:
    async with db.reading() as tx:
        return await outbox.count_waiting(tx)


async def test_messages_to_one_chat_go_out_in_the_order_they_were_decided(db: Database) -> None:
    telegram = Telegram()
    sender = Sender(db, telegram, lambda: NOW)
    await _decide(db, *(Message(GROUP_A, f"bericht {n}") for n in range(30)))
    await sender.wake_waiting()
    await sender.idle()
    assert [html for _, html in telegram.delivered] == [f"bericht {n}" for n in range(30)]
    assert await _waiting(db) == 0


async def test_a_chat_that_must_wait_holds_up_only_itself(db: Database) -> None:
    telegram = Telegram()
    telegram.failures["A1"] = [RetryAfter(1)]
    sender = Sender(db, telegram, lambda: NOW)
    await _decide(db, Message(GROUP_A, "A1"), Message(GROUP_A, "A2"), Message(GROUP_B, "B1"))
    await sender.wake_waiting()
    await asyncio.sleep(0.3)  # a window in which A must stay silent: no polling, on purpose
    assert telegram.delivered == [(GROUP_B, "B1")]  # A waits for its retry_after, B does not
    await sender.idle()
    assert telegram.delivered[1:] == [(GROUP_A, "A1"), (GROUP_A, "A2")]


async def test_a_network_failure_is_tried_again_and_nothing_is_lost(
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.engine.sender.FIRST_RETRY", 0.01)
    telegram = Telegram()
    telegram.failures["fase"] = [NetworkError("Bad Gateway"), NetworkError("Timed out")]
    sender = Sender(db, telegram, lambda: NOW)
    await _decide(db, Message(GROUP_A, "fase"), Message(GROUP_A, "daarna"))
    await sender.wake_waiting()
    await sender.idle()
    assert telegram.delivered == [(GROUP_A, "fase"), (GROUP_A, "daarna")]


async def test_a_refused_private_message_goes_to_its_fallback_in_the_group(db: Database) -> None:
    telegram = Telegram()
    telegram.failures["nudge"] = [Forbidden("bot was blocked by the user")]
    sender = Sender(db, telegram, lambda: NOW)
    fallback = Message(GROUP_A, "nudge", reply_to=12)
    await _decide(db, Message(MEMBER, "nudge", fallback=fallback), Message(MEMBER, "los"))
    await sender.wake_waiting()
    await sender.idle()
    assert (GROUP_A, "nudge") in telegram.delivered and (MEMBER, "los") in telegram.delivered
    assert await _waiting(db) == 0


async def test_a_message_to_a_group_that_became_a_supergroup_goes_to_the_new_chat(
        db: Database) -> None:
    telegram = Telegram()
    telegram.failures["samenvatting"] = [ChatMigrated(GROUP_B)]
    sender = Sender(db, telegram, lambda: NOW)
    await _decide(db, Message(GROUP_A, "samenvatting"))
    await sender.wake_waiting()
    await sender.idle()
    assert telegram.delivered == [(GROUP_B, "samenvatting")]
    assert await _waiting(db) == 0


async def test_a_message_telegram_refuses_for_good_does_not_block_the_next(db: Database) -> None:
    telegram = Telegram()
    telegram.failures["kapot"] = [BadRequest("Bad Request: can't parse entities")]
    sender = Sender(db, telegram, lambda: NOW)
    await _decide(db, Message(GROUP_A, "kapot"), Message(GROUP_A, "heel"))
    await sender.wake_waiting()
    await sender.idle()
    assert telegram.delivered == [(GROUP_A, "heel")]
    async with db.reading() as tx:
        row = await tx.one("SELECT payload, error FROM outbox WHERE failed_at IS NOT NULL")
    assert row is not None and row["payload"] == "{}" and "parse" in row["error"]


async def test_a_call_that_breaks_on_our_side_costs_only_itself(db: Database) -> None:
    """A bug while a call is made (a chart or a sound timeline whose drawing raises) ended the
    chat's lane with the call still waiting: every later message to that group waited behind
    it, and after each wake and each restart the same call broke it again. It is now marked
    failed, like a call Telegram refuses for good, and the chat's mail goes on."""
    telegram = Telegram()
    telegram.failures["grafiek"] = [RuntimeError("a bug in the drawing")]
    sender = Sender(db, telegram, lambda: NOW)
    await _decide(db, Message(GROUP_A, "grafiek"), Message(GROUP_A, "samenvatting"))
    await sender.wake_waiting()
    await sender.idle()
    assert telegram.delivered == [(GROUP_A, "samenvatting")]
    async with db.reading() as tx:
        row = await tx.one("SELECT error FROM outbox WHERE failed_at IS NOT NULL")
    assert row is not None and "RuntimeError" in row["error"]
    assert await _waiting(db) == 0


async def test_mail_decided_before_a_stop_is_delivered_after_the_start(db: Database) -> None:
    telegram = Telegram()
    telegram.gate[GROUP_A] = asyncio.Event()  # Telegram does not answer before the stop
    first = Sender(db, telegram, lambda: NOW)
    await _decide(db, Message(GROUP_A, "samenvatting"))
    await first.wake_waiting()
    await asyncio.sleep(0.05)
    await first.stop()
    assert telegram.delivered == [] and await _waiting(db) == 1
    telegram.gate.clear()
    second = Sender(db, telegram, lambda: NOW)
    assert await second.wake_waiting() == 1
    await second.idle()
    assert telegram.delivered == [(GROUP_A, "samenvatting")]


class ReadsSlowly(Sender):
    """A sender whose lane, once it finds nothing left, pauses before it ends: the moment a
    handler's commit can come in between."""

    def __init__(self, db: Database, telegram: Telegram) -> None:
        super().__init__(db, telegram, lambda: NOW)
        self.found_nothing, self.go_on = asyncio.Event(), asyncio.Event()

    async def next_items(self, lane: int) -> list[outbox.Waiting]:
        found = await super().next_items(lane)
        if not found and not self.found_nothing.is_set():
            self.found_nothing.set()
            await self.go_on.wait()
        return found


async def test_mail_decided_while_its_lane_is_ending_still_goes_out(db: Database) -> None:
    telegram = Telegram()
    sender = ReadsSlowly(db, telegram)
    await _decide(db, Message(GROUP_A, "fase"))
    await sender.wake_waiting()
    await asyncio.wait_for(sender.found_nothing.wait(), 5)
    await _decide(db, Message(GROUP_A, "herinnering"))  # committed after the lane looked
    sender.wake([GROUP_A])
    sender.go_on.set()
    await sender.idle()
    assert telegram.delivered == [(GROUP_A, "fase"), (GROUP_A, "herinnering")]
    assert await _waiting(db) == 0


async def test_mail_moved_to_a_new_chat_while_its_lane_holds_it_goes_out_once(
        db: Database) -> None:
    """A group upgraded to a supergroup: what waits for the old chat moves to the new chat's
    lane (storage/outbox.move_lane) while the old lane may hold it in hand. Found by a review:
    both lanes sent it, so the group read each waiting message twice."""
    telegram = Telegram()
    telegram.gate[GROUP_A] = asyncio.Event()  # Telegram is slow: the old lane holds its batch
    await _decide(db, *(Message(GROUP_A, f"bericht {n}") for n in range(3)))
    sender = Sender(db, telegram, lambda: NOW)
    await sender.wake_waiting()
    await asyncio.sleep(0.05)
    async with db.transaction() as tx:
        await outbox.move_lane(tx, GROUP_A, GROUP_B)
    sender.wake([GROUP_B])
    await asyncio.sleep(0.05)
    telegram.gate[GROUP_A].set()
    await sender.idle()
    assert [html for _, html in telegram.delivered] == ["bericht 0", "bericht 1", "bericht 2"]
    assert await _waiting(db) == 0


def test_every_kind_of_outgoing_call_survives_the_outbox_unchanged() -> None:
    items: list[Outgoing] = [
        Message(GROUP_A, "<b>Doel</b>", 3, 41, ((("Ja", "cy:1:watched"),),),
                Message(GROUP_A, "terug", reply_to=5)),
        Photo(MEMBER, "/data/charts/x.png", "grafiek"),
        Document(MEMBER, "export.json", '{"a": 1}', "jouw gegevens"),
        Edit(MEMBER, 9, None, ((("Nee", "forget:no:7:1"),),)),
        ClipMedia(GROUP_A, "still", 4, "FILE", "UNIQ", "0:02", "mislukt", 2, 8, 2.0, 0.0),
        Chart(MEMBER, "participation", [["Bram", 1, 2, 0]], "titel", {"axis": "x"}, "c", "c.png"),
    ]
    for item in items:
        back = decode(encode(item))
        if isinstance(item, Chart):
            assert isinstance(back, Chart) and back.data == [["Bram", 1, 2, 0]]
        else:
            assert back == item
