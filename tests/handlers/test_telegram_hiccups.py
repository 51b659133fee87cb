"""A call whose answer someone waits for (is this an admin? the answer to a press) is made
again after a passing failure of Telegram, and only then: a refusal for good (a 400) is not
asked again, since every try holds up the group's next message (its chat's updates are
handled one after another)."""
from __future__ import annotations

from tests.handlers.in_process import InProcessBot, set_up_agreed
from tests.handlers.updates import ANNA, BRAM, CATO, GROUP, button, command


async def test_an_admin_is_an_admin_after_two_passing_failures(bot: InProcessBot) -> None:
    await set_up_agreed(bot, BRAM, CATO)
    await bot.tg.arm_error("getChatMember", times=2, error_code=502, description="Bad Gateway")
    since = await last_call(bot)
    await bot.handle(command(bot.app.bot, ANNA, "/cycle Cato"))
    assert await bot.db_one("SELECT COUNT(*) FROM cycles") == (1,)
    assert len(await bot.tg.calls("getChatMember", since=since)) == 3


async def test_a_refusal_is_not_asked_again(bot: InProcessBot) -> None:
    await set_up_agreed(bot, BRAM, CATO)
    await bot.tg.arm_error("getChatMember", times=1, error_code=400,
                           description="Bad Request: PARTICIPANT_ID_INVALID")
    since = await last_call(bot)
    await bot.handle(command(bot.app.bot, ANNA, "/cycle Cato"))
    assert (await bot.said())[-1] == "Alleen een beheerder kan een cyclus starten."
    assert len(await bot.tg.calls("getChatMember", since=since)) == 1


async def test_a_press_too_old_to_answer_is_answered_once(bot: InProcessBot) -> None:
    """Telegram says "query is too old" (a press from before a restart, or answered already):
    asking again only made the group wait."""
    group_id = await set_up_agreed(bot, BRAM, CATO)
    *_, pressed = await bot.tg.calls("answerCallbackQuery")
    query_id = pressed["params"]["callback_query_id"]  # Cato's "I agree", answered
    sent = await bot.app.bot.send_message(GROUP, "Knop")
    since = await last_call(bot)
    await bot.handle(button(bot.app.bot, CATO, sent.to_dict(), f"agree:{group_id}", query_id))
    assert len(await bot.tg.calls("answerCallbackQuery", since=since)) == 1


async def last_call(bot: InProcessBot) -> int:
    """A point for `calls(since=)` (their own count, not the messages')."""
    return int((await bot.tg.calls())[-1]["seq"])
