"""An update handled while the database cannot be written (a file made read-only) stays in the inbox
for its lane to try again, and is handled once when there is room; an update that breaks a
handler (a bug) is marked handled after the error is logged, so that the chat's later
updates are not stuck behind it, tried again and again."""
from __future__ import annotations

import json

import pytest
from telegram import Update
from telegram.ext import ContextTypes, MessageHandler, filters

from bot.engine import arrivals
from bot.engine.handling import handler_of
from bot.engine.services import services_of
from storage import inbox
from tests.handlers.in_process import InProcessBot
from tests.handlers.updates import ANNA, GROUP, message
from tests.unwritable import read_only


async def _unhandled(bot: InProcessBot) -> list[int]:
    async with services_of(bot.app).db.reading() as tx:
        return [update_id for update_id, _ in await inbox.waiting(tx, GROUP, 10)]


async def test_setup_while_the_database_is_read_only_waits_and_is_done_once_writable(
        bot: InProcessBot, caplog: pytest.LogCaptureFixture) -> None:
    db = services_of(bot.app).db
    handle = handler_of(bot.app)
    update = message(bot.app.bot, ANNA, "/setup")
    await arrivals.store(db, [update.to_dict()], services_of(bot.app).now())
    payload = json.dumps(update.to_dict())
    await read_only(db)
    with pytest.raises(Exception, match="readonly"):
        await handle(update.update_id, payload)
    bot.errors.clear()  # the test's own error recorder saw it too; the bot logs one line
    assert await _unhandled(bot) == [update.update_id]
    assert f"update {update.update_id} waits: the database file is read-only" in caplog.text
    assert "Traceback" not in caplog.text  # a passing condition, said in one line
    await read_only(db, on=False)
    await handle(update.update_id, payload)
    assert await _unhandled(bot) == []
    assert await bot.db_one("SELECT COUNT(*) FROM groups WHERE chat_id = ?", GROUP) == (1,)


async def test_an_update_that_breaks_a_handler_is_not_tried_forever(
        bot: InProcessBot, caplog: pytest.LogCaptureFixture) -> None:
    async def broken(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        from bot.engine.work import Once, work
        async with work(bot.app, Once(update_id=update.update_id)):
            raise RuntimeError("a bug")

    bot.app.handlers.clear()  # the one handler of this update is the broken one
    bot.app.add_handler(MessageHandler(filters.ALL, broken))
    db = services_of(bot.app).db
    update = message(bot.app.bot, ANNA, "kapot")
    await arrivals.store(db, [update.to_dict()], services_of(bot.app).now())
    await handler_of(bot.app)(update.update_id, json.dumps(update.to_dict()))
    bot.errors.clear()
    assert await _unhandled(bot) == []
    assert "error while handling update" in caplog.text
