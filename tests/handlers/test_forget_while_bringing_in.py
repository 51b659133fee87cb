"""/forget by the inbrenger of a cycle that still runs is refused (their learning question and
commitment are still needed there), and they are told how to stop sooner: pass the turn on
with /swap, or an admin stops the cycle with /cancel."""
from __future__ import annotations

from tests.handlers.in_process import InProcessBot, forget_asked, set_up_agreed
from tests.handlers.talk import announced
from tests.handlers.updates import ANNA, BRAM, CATO, command


async def test_an_inbrenger_who_wants_to_forget_hears_how_to_stop_sooner(
        bot: InProcessBot) -> None:
    await announced(bot)
    await bot.tg.start_private_chat(BRAM.user_id)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, BRAM, "/forget", chat_id=BRAM.user_id))
    [refusal] = await bot.said(BRAM.user_id, since=since)
    assert "cyclus die nog loopt" in refusal
    assert "/swap" in refusal and "/cancel" in refusal
    assert await bot.db_one("SELECT active FROM members WHERE user_id = ?", BRAM.user_id) == (1,)


async def test_a_confirmation_pressed_after_becoming_the_inbrenger_erases_nothing(
        bot: InProcessBot) -> None:
    """Asked before the turn came, confirmed after: the open cycle still needs the question."""
    await bot.tg.start_private_chat(BRAM.user_id)
    await set_up_agreed(bot, BRAM, CATO)
    yes = await forget_asked(bot, BRAM)
    await bot.handle(command(bot.app.bot, ANNA, "/cycle Bram"))
    assert await bot.db_one("SELECT phase FROM cycles") == ("announced",)
    answer = await bot.press(BRAM, yes, chat_id=BRAM.user_id)
    assert answer is not None and "cyclus loopt nog" in (answer.get("text") or ""), answer
    assert await bot.db_one("SELECT active, name FROM members WHERE user_id = ?",
                            BRAM.user_id) == (1, "Bram")
