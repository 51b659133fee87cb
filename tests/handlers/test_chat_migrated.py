"""A basic group upgraded to a supergroup: its intervision group follows the new chat id. When
/setup already made a group in the new chat before the move came (found by a review: the old
group's members and cycles then stayed under the old id without a word), both are kept and the
operator's log says which was not moved."""
from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from telegram import Bot, Update

from bot.engine.services import services_of
from flows.model import Settings
from storage import groups, inbox
from tests.handlers.in_process import InProcessBot, set_up
from tests.handlers.updates import ANNA, BRAM, DATE, GROUP, bot_added

NEW = -1001000000099


def _moved(bot: Bot, *, old: int, new: int) -> Update:
    body: dict[str, Any] = {"message_id": 900, "date": DATE, "from": ANNA.to_dict(),
                            "chat": {"id": old, "type": "group", "title": "Intervisie 3B"},
                            "migrate_to_chat_id": new}
    return Update.de_json({"update_id": 90_000, "message": body}, bot)


async def test_a_group_moves_with_its_chat(bot: InProcessBot) -> None:
    await set_up(bot, BRAM)
    await bot.handle(_moved(bot.app.bot, old=GROUP, new=NEW))
    assert await bot.db_all("SELECT chat_id FROM groups") == [(NEW,)]


async def test_a_move_onto_a_chat_set_up_already_is_logged_and_keeps_both(
        bot: InProcessBot, caplog: pytest.LogCaptureFixture) -> None:
    await set_up(bot, BRAM)
    async with services_of(bot.app).db.transaction() as tx:
        await groups.register(tx, NEW, 0, "Intervisie 3B", Settings(), datetime.now(UTC))
    await bot.handle(_moved(bot.app.bot, old=GROUP, new=NEW))
    assert set(await bot.db_all("SELECT chat_id FROM groups")) == {(GROUP,), (NEW,)}
    assert f"chat {GROUP} became {NEW}, which has an intervision group already" in caplog.text


def _joined_new_chat(bot: Bot, new: int) -> Update:
    """Telegram's my_chat_member for the new supergroup: the bot "joined" it (from left)."""
    return bot_added(bot, ANNA, chat_id=new)


async def test_the_moved_group_is_not_greeted_as_a_new_one(bot: InProcessBot) -> None:
    """Besides the migrate messages, Telegram says the bot joined the new chat
    (tdlib/telegram-bot-api#266): that is no new group, so no "an admin starts with /setup"."""
    await set_up(bot, BRAM)
    await bot.tg.add_group(NEW, "Intervisie 3B", supergroup=True, admins=[ANNA.user_id])
    since = await bot.tg.mark()
    await bot.handle(_moved(bot.app.bot, old=GROUP, new=NEW))
    await bot.handle(_joined_new_chat(bot.app.bot, NEW))
    assert await bot.said(NEW, since=since) == []


async def test_nor_when_the_join_comes_before_the_move(bot: InProcessBot) -> None:
    """Fetched in one batch, the migrate message still waits in the inbox when the join is
    handled: the group that it will move is no new group either."""
    await set_up(bot, BRAM)
    await bot.tg.add_group(NEW, "Intervisie 3B", supergroup=True, admins=[ANNA.user_id])
    moved_here = {"update_id": 90_001, "message": {
        "message_id": 1, "date": DATE, "from": ANNA.to_dict(),
        "chat": {"id": NEW, "type": "supergroup", "title": "Intervisie 3B"},
        "migrate_from_chat_id": GROUP}}
    async with services_of(bot.app).db.transaction() as tx:
        await inbox.store(tx, [inbox.Arrival(90_001, NEW, json.dumps(moved_here))],
                          datetime.now(UTC))
    since = await bot.tg.mark()
    await bot.handle(_joined_new_chat(bot.app.bot, NEW))
    assert await bot.said(NEW, since=since) == []
    await bot.handle(Update.de_json(moved_here, bot.app.bot))
    assert await bot.db_all("SELECT chat_id FROM groups") == [(NEW,)]


async def test_a_chat_without_a_group_is_still_greeted(bot: InProcessBot) -> None:
    await bot.tg.add_group(NEW, "Nieuw", supergroup=True, admins=[ANNA.user_id])
    since = await bot.tg.mark()
    await bot.handle(_joined_new_chat(bot.app.bot, NEW))
    assert len(await bot.said(NEW, since=since)) == 1
