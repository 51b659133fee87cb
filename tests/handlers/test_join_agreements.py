"""Joining shows the group's agreements with one button; whoever does not press it (yet) is
told at once what that means, in the group's language: they read along, but their words do
not count and they are not given a turn, and /leave stops taking part."""
from __future__ import annotations

from tests.handlers.in_process import InProcessBot, set_up
from tests.handlers.updates import ANNA, BRAM, CATO, GROUP, button, command


async def test_the_agreements_say_what_not_agreeing_means(bot: InProcessBot) -> None:
    await bot.handle(command(bot.app.bot, ANNA, "/setup"))
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, BRAM, "/join"))
    [joined] = [s for s in await bot.said(GROUP, since=since) if "Onze afspraken" in s]
    assert "Tot je akkoord bent, lees je mee" in joined and "/leave" in joined
    await bot.handle(command(bot.app.bot, ANNA, "/settings language en"))
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/join"))
    [joined] = [s for s in await bot.said(GROUP, since=since) if "Our agreements" in s]
    assert "Until you agree, you read along" in joined and "/leave" in joined


async def test_the_agree_button_stays_for_the_one_who_joined_when_another_presses_it(
        bot: InProcessBot) -> None:
    """Cato, a member already, presses the button under Bram's join: it stays for Bram, and
    goes once Bram pressed it."""
    await set_up(bot, CATO)
    since = await bot.tg.mark()
    join = command(bot.app.bot, BRAM, "/join")
    await bot.handle(join)
    [joined] = [m for m in await bot.tg.bot_messages(GROUP, since=since)
                if m["message"].get("reply_markup")]
    # As Telegram delivers the press: the message with the /join it answers (the fake
    # does not hold the messages these in-process updates bring).
    assert join.message is not None
    message = {**joined["message"], "reply_to_message": join.message.to_dict()}
    data = message["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    for person, buttons_left in ((CATO, True), (BRAM, False)):
        query_id = await bot.tg.click(person.user_id, joined["message"], data)
        await bot.handle(button(bot.app.bot, person, message, data, query_id))
        [now] = [m for m in await bot.tg.bot_messages(GROUP, since=since)
                 if m["message_id"] == joined["message_id"]]
        assert bool(now["message"].get("reply_markup")) == buttons_left, person
