"""/forget erases a member's words from the rows, and right away from the database files as
well: the write-ahead log still held older copies of the pages (SPEC section 6)."""
from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bot.engine.services import services_of
from storage import contributions
from tests.handlers.in_process import InProcessBot, forget_me, set_up, started_bot
from tests.handlers.updates import ANNA, BRAM, CATO, command

WORDS = "Cato: wat merkte je bij jezelf toen de klas onrustig werd na de pauze?"


def _copies(db_path: str, words: str) -> list[str]:
    database = Path(db_path)
    return [f.name for f in database.parent.glob(database.name + "*")
            if words.encode() in f.read_bytes()]


async def test_forget_leaves_no_copy_of_the_words_in_the_database_files(
        bot: InProcessBot) -> None:
    await started_bot(bot, CATO)
    await set_up(bot, ANNA, BRAM, CATO)
    [(group_id,)] = await bot.db_all("SELECT id FROM groups")
    for person in (ANNA, BRAM, CATO):
        await bot.press(person, f"agree:{group_id}")
    await bot.handle(command(bot.app.bot, ANNA, "/cycle Bram"))
    [(cycle_id,)] = await bot.db_all("SELECT id FROM cycles")
    db = services_of(bot.app).db
    async with db.transaction() as tx:
        await contributions.add(tx, cycle_id, CATO.user_id, "goal", 4242, WORDS,
                                "open_question", datetime.now(UTC))
    assert _copies(db.path, WORDS)

    await forget_me(bot, CATO)
    assert await bot.db_all("SELECT text FROM contributions WHERE message_id = 4242") == [(None,)]
    assert _copies(db.path, WORDS) == []
