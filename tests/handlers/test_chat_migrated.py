"""A basic group upgraded to a supergroup: its intervision group follows the new chat id. When
/setup already made a group in the new chat before the move came (found by a review: the old
group's members and cycles then stayed under the old id without a word), both are kept and the
operator's log says which was not moved."""
from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from telegram import Bot, Update

from bot.engine.services import services_of
from flows.model import Settings
from storage import groups
from tests.handlers.in_process import InProcessBot, set_up
from tests.handlers.updates import ANNA, BRAM, DATE, GROUP

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
