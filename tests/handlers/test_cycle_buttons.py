"""The cycle's buttons in the group, in process: a button of an earlier phase or step is
refused kindly and does nothing; a press is always answered."""
from __future__ import annotations

from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import new_messages, press_on, stage, to_the_talk, view_of
from tests.handlers.updates import ANNA, BRAM, command


async def test_the_goal_prompt_s_button_pressed_after_a_typed_next_skips_no_step(
        bot: InProcessBot) -> None:
    """Bram typed /next in Doel while Anna pressed the Doel prompt's button: the group gets
    step 1 ("what do you see and hear"), not step 2 straight after it."""
    goal_prompt = await to_the_talk(bot)
    await bot.handle(command(bot.app.bot, BRAM, "/next"))
    since = await bot.tg.mark()
    answer = await press_on(bot, ANNA, goal_prompt, "next")
    assert answer is not None and "eerdere fase of stap" in answer["text"]
    assert await new_messages(bot, since) == []  # no "Stap 2 van 3"
    assert await stage(bot) == ("reality", "see")
    assert not (await view_of(bot, goal_prompt["message_id"]))["reply_markup"]
