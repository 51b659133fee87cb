"""The inbrenger edits their learning question where they wrote it (the clip's caption, or the
message that held it) before the meeting: the edit is the question the group and the coach
read, and an edit of any other message leaves it alone."""
from __future__ import annotations

from typing import Any

from telegram import Update

from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import QUESTION, announced
from tests.handlers.updates import BRAM, CATO, message, video

SHARPER = "Hoe kan ik na de pauze binnen twee minuten met de les beginnen?"


def edited(bot: InProcessBot, sent: Update, *, caption: str) -> Update:
    """`sent` (a message with a caption) as Telegram reports its caption's edit."""
    assert sent.message is not None
    body: dict[str, Any] = sent.message.to_dict() | {"caption": caption, "edit_date": 1}
    return Update.de_json({"update_id": sent.update_id + 10_000, "edited_message": body},
                          bot.app.bot)


async def _question(bot: InProcessBot) -> str:
    row = await bot.db_one("SELECT learning_question FROM cycles ORDER BY id DESC LIMIT 1")
    assert row is not None
    return row[0]


async def test_an_edited_caption_changes_the_learning_question(bot: InProcessBot) -> None:
    await announced(bot)
    clip = video(bot.app.bot, BRAM, QUESTION)
    await bot.handle(clip)
    assert await _question(bot) == QUESTION
    since = await bot.tg.mark()
    await bot.handle(edited(bot, clip, caption=SHARPER))
    assert await _question(bot) == SHARPER
    assert any("aangepast" in said and SHARPER in said for said in await bot.said(since=since))


async def test_an_edited_question_before_the_clip_is_the_one_kept(bot: InProcessBot) -> None:
    await announced(bot)
    await bot.handle(message(bot.app.bot, BRAM, QUESTION, message_id=4242))
    assert await _question(bot) == QUESTION
    await bot.handle(message(bot.app.bot, BRAM, SHARPER, edited=True, message_id=4242))
    assert await _question(bot) == SHARPER
    since = await bot.tg.mark()
    await bot.handle(message(bot.app.bot, CATO, "Hoe kun je dat meten?", edited=True,
                             message_id=4242))  # another's edit (not possible, but forged)
    await bot.handle(message(bot.app.bot, BRAM, "Tot morgen!", edited=True, message_id=4243))
    assert await _question(bot) == SHARPER and await bot.said(since=since) == []
