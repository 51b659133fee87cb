"""The cycle's buttons in the group, in process: a button of an earlier phase or step is
refused kindly and does nothing; a press is always answered."""
from __future__ import annotations

from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import click, latest, new_messages, stage, to_the_talk, view_of
from tests.handlers.updates import ANNA, BRAM, command


async def test_the_goal_prompt_s_button_pressed_after_a_typed_next_skips_no_step(
        bot: InProcessBot) -> None:
    """Bram typed /next in Doel while Anna pressed the Doel prompt's button: the group gets
    step 1 ("what do you see and hear"), not step 2 straight after it."""
    goal_prompt = await to_the_talk(bot)
    pressed, query_id = await click(bot, ANNA, goal_prompt, "next")
    await bot.handle(command(bot.app.bot, BRAM, "/next"))  # comes in first
    since = await bot.tg.mark()
    await bot.handle(pressed)
    answer = await bot.tg.callback_answer(query_id)
    assert answer is not None and "eerdere fase of stap" in answer["text"]
    assert await new_messages(bot, since) == []  # no "Stap 2 van 3"
    assert await stage(bot) == ("reality", "see")
    assert not (await view_of(bot, goal_prompt["message_id"]))["reply_markup"]


async def test_moving_on_takes_the_previous_prompt_s_buttons_away(bot: InProcessBot) -> None:
    """A typed /next leaves no live "Volgende fase" or "Open voor tips" on the prompt before,
    whoever moves on."""
    goal_prompt = await to_the_talk(bot)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, BRAM, "/next"))
    step_one = await latest(bot, "next", since)
    assert "Stap 1 van 3" in step_one["text"]
    assert not (await view_of(bot, goal_prompt["message_id"]))["reply_markup"]
    await bot.handle(command(bot.app.bot, ANNA, "/next"))
    assert not (await view_of(bot, step_one["message_id"]))["reply_markup"]
    assert (await latest(bot, "next"))["text"].startswith("Stap 2 van 3")
