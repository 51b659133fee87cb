"""An update whose handler breaks inside its unit: its transaction rolls back (nothing of it is
kept half), and the update is tried again, so a passing fault costs nothing; one that breaks
every time is given up after a few tries, and the chat's next update is handled. Before, the
handled-mark was never written for it, and its chat's lane read it again at once, for ever:
every later message of that chat waited behind it. A database that cannot be written for a
moment (a lock another program holds) is no reason to give up: the update waits in the
inbox and is handled once the lock is let go, however many tries that takes."""
from __future__ import annotations

import json
import sqlite3

import pytest
from telegram import Update
from telegram.ext import ContextTypes, TypeHandler

from bot.engine import handling as handling_module
from bot.engine import lanes as lanes_module
from bot.engine.arrivals import lane_of
from bot.engine.handling import TRIES, handler_of
from bot.engine.outgoing import Message
from bot.engine.sender import Sender
from bot.engine.services import services_of
from bot.engine.update_lanes import UpdateLanes
from bot.handlers.common import handling
from storage import inbox
from tests.handlers.in_process import InProcessBot
from tests.handlers.updates import BRAM, GROUP, message
from tests.waiting import eventually


class Breaking:
    """A handler (the first to match any update) that breaks inside its unit `times` times."""

    def __init__(self, times: int, error: Exception | None = None) -> None:
        self.times, self.tries, self.error = times, 0, error

    async def __call__(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        async with handling(update, context) as unit:
            if unit is None:
                return
            self.tries += 1
            if self.tries <= self.times:
                raise self.error or RuntimeError("a bug in a handler")


class Ignoring:
    """A handler that matches every update and does nothing with it (chat in a group between
    cycles): no unit claims the update."""

    def __init__(self) -> None:
        self.seen: list[int] = []

    async def __call__(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        self.seen.append(update.update_id)


class SaysThenBreaks:
    """A handler whose unit commits a message, and which breaks after the commit (a bug in
    what follows it): the update is tried again, and its unit finds it handled."""

    def __init__(self) -> None:
        self.tries = 0

    async def __call__(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        async with handling(update, context) as unit:
            if unit is None:
                return
            await unit.send(Message(GROUP, "Welkom bij de intervisie"))
        self.tries += 1
        raise RuntimeError("a bug after the commit")


async def _handled(bot: InProcessBot, update_id: int) -> bool:
    row = await bot.db_one("SELECT handled_at FROM inbox WHERE update_id = ?", update_id)
    return row is not None and row[0] is not None


async def _run(bot: InProcessBot, breaking: Breaking | Ignoring | SaysThenBreaks, *updates: Update) -> None:
    bot.app.handlers[0].insert(0, TypeHandler(Update, breaking))  # it takes every update
    db = services_of(bot.app).db
    async with db.transaction() as tx:
        await inbox.store(tx, [inbox.Arrival(u.update_id, lane_of(u.to_dict()),
                                             json.dumps(u.to_dict())) for u in updates],
                          services_of(bot.app).now())
    lanes = UpdateLanes(db, handler_of(bot.app))
    await lanes.wake_waiting()
    try:
        await eventually(lambda: _all_handled(bot, updates), timeout=10)
    finally:
        await lanes.stop()
        bot.errors.clear()  # the error handler saw the bug; that is the point


async def _all_handled(bot: InProcessBot, updates: tuple[Update, ...]) -> bool:
    return all([await _handled(bot, u.update_id) for u in updates])


@pytest.fixture(autouse=True)
def _quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(handling_module, "AGAIN_AFTER", 0.01)
    monkeypatch.setattr(lanes_module, "FIRST_WAIT", 0.01)


async def test_a_handler_that_breaks_once_is_tried_again(bot: InProcessBot) -> None:
    breaking = Breaking(times=1)
    await _run(bot, breaking, message(bot.app.bot, BRAM, "Wat wil je bereiken?"))
    assert breaking.tries == 2


async def test_a_handler_that_always_breaks_is_given_up_and_the_chat_goes_on(
        bot: InProcessBot) -> None:
    breaking = Breaking(times=TRIES)
    first = message(bot.app.bot, BRAM, "Wat wil je bereiken?")
    second = message(bot.app.bot, BRAM, "Wat zie je bij 0:12?")
    await _run(bot, breaking, first, second)
    assert breaking.tries == TRIES + 1  # the first, tried TRIES times; then the second, once


async def test_an_update_that_meets_a_lock_several_times_is_handled_once_it_is_let_go(
        bot: InProcessBot) -> None:
    """As many times as the handler's tries of a bug: still no reason to give the member's
    message up (it was marked handled, never handled, once the lock was let go)."""
    locked = sqlite3.OperationalError("database is locked")
    locked.sqlite_errorcode = 5  # SQLITE_BUSY
    breaking = Breaking(times=TRIES, error=locked)
    await _run(bot, breaking, message(bot.app.bot, BRAM, "Wat wil je bereiken?"))
    assert breaking.tries == TRIES + 1  # the last try, after the lock, did the work


async def test_an_update_no_handler_took_is_marked_handled_and_not_read_again(
        bot: InProcessBot) -> None:
    """Left unmarked, the chat's lane would read it again and again, and it would stay in the
    inbox, words and all, past every retention (only handled updates are forgotten)."""
    ignoring = Ignoring()
    chat = message(bot.app.bot, BRAM, "Tot morgen allemaal!")
    await _run(bot, ignoring, chat)
    assert ignoring.seen == [chat.update_id]


async def test_a_message_committed_before_its_handler_broke_is_not_decided_again(
        bot: InProcessBot) -> None:
    breaking = SaysThenBreaks()
    await _run(bot, breaking, message(bot.app.bot, BRAM, "/join"))
    sender = services_of(bot.app).sender
    assert isinstance(sender, Sender)
    await sender.idle()
    assert breaking.tries == 1  # the tries after it found the update handled
    assert await bot.said() == ["Welkom bij de intervisie"]
