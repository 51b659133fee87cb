"""The inbrenger edits their learning question where they wrote it (the clip's caption, or the
message that held it) before the meeting: the edit is the question the group and the coach
read, and an edit of any other message leaves it alone."""
from __future__ import annotations

from typing import Any

from telegram import Update

from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import QUESTION, announced
from tests.handlers.updates import BRAM, CATO, command, message, video

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


async def test_an_edited_attempt_the_bot_corrected_is_read_as_the_question_again(
        bot: InProcessBot) -> None:
    """The clip is in; Bram's first try is a statement and the bot asks for a question. He
    corrects the message he wrote rather than sending a new one: the edit is his learning
    question (it used to change nothing). Another's edit, or his edit once a later message
    gave the question, leaves it alone."""
    await announced(bot)
    await bot.handle(video(bot.app.bot, BRAM))
    told = await bot.answers(message(bot.app.bot, BRAM, "Mijn uitleg na de pauze duurt lang.",
                                     message_id=5151))
    assert any("als vraag" in said for said in told), told
    await bot.handle(message(bot.app.bot, CATO, "Hoe kun je dat meten?", edited=True,
                             message_id=5151))  # another's edit (not possible, but forged)
    assert await _question(bot) is None
    taken = await bot.answers(message(bot.app.bot, BRAM, SHARPER, edited=True, message_id=5151))
    assert await _question(bot) == SHARPER
    assert any(SHARPER in said for said in taken), taken


async def test_an_edited_attempt_is_no_question_once_a_later_message_gave_one(
        bot: InProcessBot) -> None:
    await announced(bot)
    await bot.handle(video(bot.app.bot, BRAM))
    await bot.handle(message(bot.app.bot, BRAM, "Te kort?", message_id=5252))
    await bot.handle(message(bot.app.bot, BRAM, QUESTION))
    since = await bot.tg.mark()
    await bot.handle(message(bot.app.bot, BRAM, SHARPER, edited=True, message_id=5252))
    assert await _question(bot) == QUESTION and await bot.said(since=since) == []


async def test_after_the_turn_passed_on_an_old_question_is_no_longer_edited_into_the_cycle(
        bot: InProcessBot) -> None:
    """Bram kept a question for his clip and passed the turn on; Cato hands it back to him.
    His edit of the old message, now or while it was Cato's turn, is no question for the turn
    he was asked for again (it used to become the learning question of the new turn)."""
    await announced(bot)
    await bot.handle(message(bot.app.bot, BRAM, QUESTION, message_id=6161))
    await bot.handle(command(bot.app.bot, BRAM, "/swap"))
    await bot.handle(message(bot.app.bot, BRAM, SHARPER, edited=True, message_id=6161))
    assert await _question(bot) is None
    await bot.handle(command(bot.app.bot, CATO, "/swap Bram"))
    since = await bot.tg.mark()
    await bot.handle(message(bot.app.bot, BRAM, SHARPER + " ", edited=True, message_id=6161))
    assert await _question(bot) is None and await bot.said(since=since) == []
