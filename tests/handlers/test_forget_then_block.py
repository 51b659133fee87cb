"""After /forget, blocking or unblocking the bot stores nothing about the person again (found
by a review: the block's my_chat_member stored their name and language anew, so /export then
showed a profile and /forget had something to erase again). Pressing Start again is a new act
and may store them."""
from __future__ import annotations

from tests.handlers.in_process import InProcessBot, forget_me, set_up, started_bot
from tests.handlers.talk import to_the_talk
from tests.handlers.updates import BRAM, CATO, bot_blocked, command, message

NOTHING = "Ik bewaar niets over jou."


async def _forgotten(bot: InProcessBot) -> None:
    await started_bot(bot, CATO)
    await set_up(bot, BRAM, CATO)
    await forget_me(bot, CATO)


async def test_blocking_and_unblocking_after_forget_store_nothing_again(
        bot: InProcessBot) -> None:
    await _forgotten(bot)
    await bot.handle(bot_blocked(bot.app.bot, CATO))
    await bot.handle(bot_blocked(bot.app.bot, CATO, blocked=False))
    assert await bot.db_all("SELECT * FROM users WHERE user_id = ?", CATO.user_id) == []
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, CATO, "/export", chat_id=CATO.user_id))
    said = await bot.said(CATO.user_id, since=since)
    assert len(said) == 1 and said[0].startswith(NOTHING), said


async def test_start_after_forget_is_a_new_beginning(bot: InProcessBot) -> None:
    await _forgotten(bot)
    await bot.handle(bot_blocked(bot.app.bot, CATO))
    await bot.handle(command(bot.app.bot, CATO, "/start", chat_id=CATO.user_id))
    assert await bot.db_all("SELECT name, started_private FROM users WHERE user_id = ?",
                            CATO.user_id) == [("Cato", 1)]


async def test_export_after_forget_says_what_is_left_without_name_or_words(
        bot: InProcessBot) -> None:
    """The coach review: after /forget, /export answered "Ik bewaar niets over jou" while the
    rows of Cato's contributions (when, which phase, which kind) stayed for the group's
    participation figures."""
    await to_the_talk(bot)
    await bot.handle(message(bot.app.bot, CATO, "Wat wil je dat ze als eerste doen?"))
    await bot.handle(message(bot.app.bot, CATO, "Wanneer ben je tevreden?"))
    await started_bot(bot, CATO)
    await forget_me(bot, CATO)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, CATO, "/export", chat_id=CATO.user_id))
    [said] = await bot.said(CATO.user_id, since=since)
    assert said.startswith("Je naam en je woorden heb ik al gewist.")
    assert "van 2 bijdragen wanneer en in welke fase" in said
