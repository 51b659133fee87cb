"""Buttons that have done their work go from every message that shows them: the sender
records each message with a cycle's buttons once Telegram accepted it, and a Retire becomes
an edit of each such message, in the chat's order. Real SQLite files, a recording stand-in
for Telegram that hands out message ids."""
from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.engine import effects, live_buttons
from bot.engine.outgoing import Edit, Message, Outgoing, Retire, decode, encode
from bot.engine.sender import Sender
from bot.engine.work import Unit
from flows.cycle.model import Cycle
from flows.effects import ButtonsDone
from flows.model import Phase, Settings
from storage import button_messages, cycles, groups, outbox
from storage.db import Database

NOW = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)
GROUP = -100
PROMPT = (("Volgende fase ▶️", "cy:1:next:goal"), ("💡 Open voor tips", "cy:1:tips"))
ANNOUNCED = ((("Ik breng in", "cy:1:accept"), ("Beurt doorgeven", "cy:1:swap")),
             (("Ja", "cy:1:tried:yes"), ("Nog niet", "cy:1:tried:no")))


class Telegram:
    """Hands out message ids and records every call."""

    def __init__(self) -> None:
        self.calls: list[Outgoing] = []

    async def __call__(self, item: Outgoing) -> int | None:
        self.calls.append(item)
        return 100 + len(self.calls) if isinstance(item, Message) else None


async def _cycle(db: Database) -> None:
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, GROUP, 0, "Pabo 1", Settings(), NOW)
        await cycles.create(tx, Cycle(0, group.id, 2, 1, Phase.GOAL, NOW), actor_id=None,
                            event="start", now=NOW)


async def _send(db: Database, telegram: Telegram, *items: Outgoing) -> None:
    async with db.transaction() as tx:
        for item in items:
            await outbox.add(tx, GROUP, encode(item), NOW)
    sender = Sender(db, telegram, lambda: NOW)
    await sender.wake_waiting()
    await sender.idle()


async def test_a_retire_edits_every_message_that_shows_such_a_button(db: Database) -> None:
    await _cycle(db)
    telegram = Telegram()
    await _send(db, telegram, Message(GROUP, "Bram is aan de beurt", buttons=ANNOUNCED),
                Message(GROUP, "Doel", buttons=(PROMPT,)), Message(GROUP, "zonder knoppen"),
                Retire(GROUP, 1, ("next", "tips")),
                Retire(GROUP, 1, ("tried",), outcome_html="✅ Bram: Ja"))
    assert telegram.calls[3:] == [
        Edit(GROUP, 102, None, ()),
        Edit(GROUP, 101, "Bram is aan de beurt\n\n✅ Bram: Ja", ANNOUNCED[:1])]
    async with db.reading() as tx:  # what is left to follow: the announcement's first row
        assert [(m.message_id, m.buttons) for m in await button_messages.of_cycle(tx, 1)] \
            == [(101, ANNOUNCED[:1])]


async def test_a_message_sent_after_the_retire_keeps_its_buttons_and_the_end_forgets(
        db: Database) -> None:
    await _cycle(db)
    telegram = Telegram()
    await _send(db, telegram, Message(GROUP, "Doel", buttons=(PROMPT,)),
                Retire(GROUP, 1, ("next", "tips")), Message(GROUP, "Stap 1", buttons=(PROMPT,)))
    assert [c for c in telegram.calls if isinstance(c, Edit)] == [Edit(GROUP, 101, None, ())]
    await _send(db, telegram, Retire(GROUP, 1, keep=("look",), last=True))
    assert telegram.calls[-1] == Edit(GROUP, 102, None, ())  # "Stap 1", the one left
    async with db.reading() as tx:
        assert await button_messages.of_cycle(tx, 1) == []


async def test_a_press_that_moves_on_edits_its_own_message_once(db: Database) -> None:
    """The press's own edit (bot/handlers/pressed.py) is decided with the retirement: the
    pressed prompt is not edited a second time (Telegram counts every edit against the
    group's 20 a minute)."""
    await _cycle(db)
    telegram = Telegram()
    await _send(db, telegram, Message(GROUP, "Doel", buttons=(PROMPT,)))
    async with db.transaction() as tx:  # one decision: the flow's retirement, the press's edit
        unit = Unit(tx, NOW)
        await unit.send(Retire(GROUP, 1, ("next", "tips")))
        await unit.send(Edit(GROUP, 101, None, ()))
    await _send(db, telegram)
    assert [c for c in telegram.calls if isinstance(c, Edit)] == [Edit(GROUP, 101, None, ())]


async def test_a_record_that_cannot_be_written_neither_resends_nor_stops_the_lane(
        db: Database) -> None:
    """Buttons of a cycle the database does not know (its record breaks a foreign key): the
    message still counts as delivered once, and the chat's next message follows."""
    await _cycle(db)
    telegram = Telegram()
    unknown = ((("Ja", "cy:999:tried:yes"),),)
    await _send(db, telegram, Message(GROUP, "vraag", buttons=unknown), Message(GROUP, "daarna"))
    await _send(db, telegram)  # the sender once more, as after a restart: nothing again
    assert [c.html for c in telegram.calls if isinstance(c, Message)] == ["vraag", "daarna"]
    async with db.reading() as tx:
        assert await outbox.waiting_lanes(tx) == []


async def test_records_a_cycles_end_did_not_take_and_old_ones_are_forgotten(
        db: Database) -> None:
    """Housekeeping (bot/engine/housekeeping.py): a record of a closed cycle (a check-in
    delivered after the end) and one older than the retention go; a fresh one stays."""
    await _cycle(db)
    telegram = Telegram()
    await _send(db, telegram, Message(GROUP, "Doel", buttons=(PROMPT,)))
    async with db.transaction() as tx:
        group = await groups.find(tx, GROUP)
        assert group is not None
        await button_messages.forget_left_over(tx, group.id, NOW - timedelta(days=1))
        assert len(await button_messages.of_cycle(tx, 1)) == 1  # open and fresh: kept
        await button_messages.forget_left_over(tx, group.id, NOW + timedelta(seconds=1))
        assert await button_messages.of_cycle(tx, 1) == []  # past the retention
    await _send(db, telegram, Message(GROUP, "Stap 1", buttons=(PROMPT,)))
    async with db.transaction() as tx:
        await tx.execute("UPDATE cycles SET phase = 'closed' WHERE id = 1")
        await button_messages.forget_left_over(tx, group.id, NOW - timedelta(days=1))
        assert await button_messages.of_cycle(tx, 1) == []  # its cycle closed


async def test_an_edit_decided_again_before_the_first_went_out_is_queued_once(
        db: Database) -> None:
    """A stale "next" pressed ten times while the group's lane waits (Telegram's 20 a minute):
    one edit waits, not ten; a different edit of the same message still queues."""
    await _cycle(db)
    for _ in range(10):
        async with db.transaction() as tx:  # one press, one transaction
            await Unit(tx, NOW).send(Edit(GROUP, 101, None, ()))
    async with db.transaction() as tx:
        await Unit(tx, NOW).send(Edit(GROUP, 101, "Doel ✅", ()))
        await Unit(tx, NOW).send(Edit(GROUP, 101, None, ()))  # the latest differs: it goes
        assert [decode(w.payload) for w in await outbox.waiting(tx, GROUP, 20)] == [
            Edit(GROUP, 101, None, ()), Edit(GROUP, 101, "Doel ✅", ()),
            Edit(GROUP, 101, None, ())]


async def test_a_retirement_that_breaks_costs_only_the_buttons(
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug while the sender turns a Retire into edits stopped the group's lane for good (the
    Retire stayed first in line); now the buttons stay and the next message still goes."""
    await _cycle(db)
    telegram = Telegram()

    async def broken(*_: object) -> list[Edit]:
        raise KeyError("a record the code did not expect")

    monkeypatch.setattr("bot.engine.live_buttons.edits", broken)
    await _send(db, telegram, Retire(GROUP, 1, ("next",)), Message(GROUP, "Realiteit"))
    assert telegram.calls == [Message(GROUP, "Realiteit")]


async def test_a_retirement_that_meets_a_locked_database_waits_and_still_edits(
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found by a review: a lock held for a moment (an operator's backup) while the sender
    turned a Retire into edits gave the Retire up for good, so the done buttons stayed
    pressable. Like any other work, it now waits and is done once the lock is gone."""
    await _cycle(db)
    telegram = Telegram()
    busy = sqlite3.OperationalError("database is locked")
    busy.sqlite_errorcode = sqlite3.SQLITE_BUSY  # as SQLite raises it
    real, locked = live_buttons.edits, [busy]

    async def once_locked(*args: Any) -> list[Edit]:
        if locked:
            raise locked.pop()
        return await real(*args)

    monkeypatch.setattr("bot.engine.live_buttons.edits", once_locked)
    monkeypatch.setattr("bot.engine.lanes.FIRST_WAIT", 0.01)
    await _send(db, telegram, Message(GROUP, "Doel", buttons=(PROMPT,)),
                Retire(GROUP, 1, ("next", "tips")), Message(GROUP, "Realiteit"))
    assert telegram.calls[1:] == [Message(GROUP, "Realiteit"), Edit(GROUP, 101, None, ())]


async def test_a_prompt_still_waiting_is_found_by_its_button_but_not_an_edit_of_one_sent(
        db: Database) -> None:
    """What /next holds on (bot/handlers/cycle.next_command): a new message with the place's
    button still in the lane; an edit of a prompt already out, or mail refused for good, is
    no reason to hold."""
    marker = "cy:7:next:see"
    rows = ((("Volgende stap", marker),),)
    async with db.transaction() as tx:
        edit = await outbox.add(tx, GROUP, encode(Edit(GROUP, 12, "Stap 1", rows)), NOW)
        assert not await outbox.message_waiting_with(tx, GROUP, marker)
        prompt = await outbox.add(tx, GROUP, encode(Message(GROUP, "Stap 1", buttons=rows)), NOW)
        assert await outbox.message_waiting_with(tx, GROUP, marker)
        assert not await outbox.message_waiting_with(tx, GROUP + 1, marker)  # another chat
        assert not await outbox.message_waiting_with(tx, GROUP, "cy:7:next:strong")
        await outbox.failed(tx, prompt, "Bad Request", NOW)
        assert not await outbox.message_waiting_with(tx, GROUP, marker)
        assert edit


async def test_a_cycles_end_leaves_the_buttons_it_keeps_on_their_message(db: Database) -> None:
    """The cycle closes while the look back waits for the inbrenger's answer: the talk's
    buttons go, the look back's stay pressable (a late answer is still added)."""
    await _cycle(db)
    telegram = Telegram()
    look_back = ((("„Wat zag je bij 0:12?”", "cy:1:look:1"), ("Geen van deze", "cy:1:look:0")),)
    await _send(db, telegram, Message(GROUP, "Doel", buttons=(PROMPT,)),
                Message(GROUP, "Wat hielp je het meest?", buttons=look_back),
                Retire(GROUP, 1, keep=("look",)))
    assert [c for c in telegram.calls if isinstance(c, Edit)] == [Edit(GROUP, 101, None, ())]
    async with db.reading() as tx:
        assert [(m.message_id, m.buttons) for m in await button_messages.of_cycle(tx, 1)] \
            == [(102, look_back)]


async def test_a_flows_buttons_done_with_keep_leaves_those_buttons(db: Database) -> None:
    """The same, decided as the cycle flow decides it (flows.effects.ButtonsDone, carried out
    by bot/engine/effects.py)."""
    await _cycle(db)
    telegram = Telegram()
    look_back = ((("Geen van deze", "cy:1:look:0"),),)
    await _send(db, telegram, Message(GROUP, "Doel", buttons=(PROMPT,)),
                Message(GROUP, "Wat hielp je het meest?", buttons=look_back))
    async with db.transaction() as tx:
        group = await groups.find(tx, GROUP, 0)
        cycle = await cycles.get(tx, 1)
        assert group is not None and cycle is not None
        await effects.store(Unit(tx, NOW), group, cycle,
                            (ButtonsDone(1, keep=frozenset({"look"})),))
    await _send(db, telegram)
    assert [c for c in telegram.calls if isinstance(c, Edit)] == [Edit(GROUP, 101, None, ())]
