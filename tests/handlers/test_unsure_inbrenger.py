"""The inbrenger's words before and around the clip, as the group reads them (UX review 10,
#2 and #12): a line about the turn is answered with /swap and never becomes the learning
question, and meta-talk around a new question is left out of it."""
from __future__ import annotations

from typing import Any

from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import QUESTION, announced, latest, press_on
from tests.handlers.updates import BRAM, message, video


async def stored_question(bot: InProcessBot) -> Any:
    row = await bot.db_one("SELECT learning_question FROM cycles")
    return row[0] if row else None


async def test_no_clip_and_asking_another_member_is_answered_with_swap(
        bot: InProcessBot) -> None:
    await announced(bot)
    answers = await bot.answers(message(
        bot.app.bot, BRAM, "Ik heb eigenlijk nog geen goede clip... Cato, wil jij misschien?"))
    assert len(answers) == 1 and "/swap" in answers[0]
    assert "Je leervraag" not in answers[0]
    assert await stored_question(bot) is None


async def test_a_new_question_with_words_around_it_is_offered_and_taken_without_them(
        bot: InProcessBot) -> None:
    await announced(bot)
    await bot.answers(video(bot.app.bot, BRAM, QUESTION))
    since = await bot.tg.mark()
    offered = await bot.answers(message(
        bot.app.bot, BRAM, "Wacht, eigenlijk is mijn leervraag meer: hoe geef ik een korte "
        "instructie zodat ze zelf aan de slag gaan? Kan ik dat nog veranderen?"))
    assert len(offered) == 1 and "Kan ik dat nog veranderen" not in offered[0]
    await press_on(bot, BRAM, await latest(bot, "question", since), "question")
    assert await stored_question(bot) == (
        "Hoe geef ik een korte instructie zodat ze zelf aan de slag gaan?")


async def test_an_unsure_inbrenger_and_a_described_clip_hear_each_thing_once(
        bot: InProcessBot) -> None:
    announcement = await announced(bot)
    doubt = await bot.answers(message(
        bot.app.bot, BRAM, "Oei ik ben de eerste 😅 ik weet nog niet goed welke les ik moet "
        "laten zien"))
    assert len(doubt) == 1 and "/swap" in doubt[0] and "stuur" not in doubt[0].lower()
    since = await bot.tg.mark()
    await press_on(bot, BRAM, announcement, "accept")
    assert sum("stuur je clip" in words for words in await bot.said(since=since)) == 1
    clip = await bot.answers(video(bot.app.bot, BRAM, "rekenles groep 5, dinsdag"))
    assert len(clip) == 1 and "Wat is je leervraag bij deze clip?" in clip[0]
    assert "Schrijf je leervraag als vraag" not in clip[0]
    statement = await bot.answers(message(
        bot.app.bot, BRAM, "Ik vind het lastig als de klas onrustig wordt"))
    assert statement == ["Nog als vraag graag, met een vraagteken: Hoe kan ik …?"]
    await bot.answers(message(bot.app.bot, BRAM, "Hoe krijg ik de klas stil na de uitleg?"))
    assert await stored_question(bot) == "Hoe krijg ik de klas stil na de uitleg?"
