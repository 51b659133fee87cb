"""Review ux21 #3: right after the clip the bot invites a change of the learning question ("edit
it where you wrote it, or reply to your clip"), and the consent button comes next. Pressing it
started the watching, and the change was refused with "stays as it was ... say it in the talk",
though nobody talked yet and the reply was recorded nowhere. While the group watches the
question can still be sharpened, and the group hears it; once the talk opened it stays, and a
reply to the clip is kept as the inbrenger's contribution, as the bot then says."""
from __future__ import annotations

from telegram import Update

from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import QUESTION, announced, latest, press_on
from tests.handlers.test_question_edited import edited
from tests.handlers.updates import BRAM, CATO, message, video

SHARPER = "Hoe kan ik na de pauze binnen twee minuten met de les beginnen?"


async def _watching(bot: InProcessBot) -> Update:
    """Bram's clip in, his consent given: the group watches. The clip's update."""
    await announced(bot)
    since = await bot.tg.mark()
    clip = video(bot.app.bot, BRAM, QUESTION)
    await bot.handle(clip)
    await press_on(bot, BRAM, await latest(bot, "consent", since), "consent")
    return clip


async def _question(bot: InProcessBot) -> str:
    row = await bot.db_one("SELECT learning_question FROM cycles ORDER BY id DESC LIMIT 1")
    assert row is not None
    return row[0]


async def _goal_prompt(bot: InProcessBot) -> str:
    """Cato watched: the talk opens, and the goal prompt is what it says."""
    since = await bot.tg.mark()
    await press_on(bot, CATO, await latest(bot, "watched"), "watched")
    return (await latest(bot, "next", since))["text"] or ""


async def test_an_edited_caption_while_the_group_watches_sharpens_the_question(
        bot: InProcessBot) -> None:
    clip = await _watching(bot)
    since = await bot.tg.mark()
    await bot.handle(edited(bot, clip, caption=SHARPER))
    said = await bot.said(since=since)
    assert any("Bram heeft de leervraag aangescherpt" in s and SHARPER in s for s in said), said
    assert not any("blijft zoals hij was" in s for s in said), said
    assert await _question(bot) == SHARPER
    assert SHARPER in await _goal_prompt(bot)


async def test_a_reply_to_the_clip_while_the_group_watches_sharpens_the_question(
        bot: InProcessBot) -> None:
    clip = await _watching(bot)
    assert clip.message is not None
    since = await bot.tg.mark()
    await bot.handle(message(bot.app.bot, BRAM, SHARPER, reply_to=clip.message.to_dict()))
    said = await bot.said(since=since)
    assert any("aangescherpt" in s and SHARPER in s for s in said), said
    assert await _question(bot) == SHARPER


async def test_once_the_talk_opened_a_reply_to_the_clip_is_kept_as_it_says(
        bot: InProcessBot) -> None:
    clip = await _watching(bot)
    assert clip.message is not None
    await _goal_prompt(bot)
    since = await bot.tg.mark()
    await bot.handle(message(bot.app.bot, BRAM, SHARPER, reply_to=clip.message.to_dict()))
    said = await bot.said(since=since)
    assert any("blijft zoals hij was" in s and "staat nu in het gesprek" in s
               for s in said), said
    assert await _question(bot) == QUESTION
    assert await bot.db_all("SELECT user_id, text FROM contributions") == [
        (BRAM.user_id, SHARPER)]
