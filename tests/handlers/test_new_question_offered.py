"""A new learning question sent as a plain message after the clip is offered with a button
(the UX review: it was silently ignored and the talk went on about the old one)."""
from __future__ import annotations

from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import QUESTION, announced, latest, press_on, view_of
from tests.handlers.updates import BRAM, CATO, message, video

NEW_QUESTION = "Hoe zorg ik dat ik na een vraag lang genoeg wacht?"


async def test_the_inbrenger_takes_the_offered_question_with_the_button(
        bot: InProcessBot) -> None:
    await announced(bot)
    await bot.handle(video(bot.app.bot, BRAM, QUESTION))
    since = await bot.tg.mark()
    offered = await bot.answers(message(bot.app.bot, BRAM, NEW_QUESTION))
    assert offered == [(f"Is dit je nieuwe leervraag?\n{NEW_QUESTION}\nDruk dan op de knop. "
                       f"Anders blijft het: {QUESTION}")]
    offer = await latest(bot, "question", since)

    refused = await press_on(bot, CATO, offer, "question")
    assert refused is not None and refused["show_alert"]
    assert await bot.db_one("SELECT learning_question FROM cycles") == (QUESTION,)

    since = await bot.tg.mark()
    answer = await press_on(bot, BRAM, offer, "question")
    assert answer is not None and answer["text"] == "Je leervraag is aangepast."
    assert await bot.db_one("SELECT learning_question FROM cycles") == (NEW_QUESTION,)
    assert any("aangepast" in said and NEW_QUESTION in said
               for said in await bot.said(since=since))
    assert not (await view_of(bot, offer["message_id"]))["message"].get("reply_markup")
