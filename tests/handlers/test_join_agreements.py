"""Joining shows the group's agreements with one button; whoever does not press it (yet) is
told at once what that means, in the group's language: they read along, but their words do
not count and they are not given a turn, and /leave stops taking part."""
from __future__ import annotations

from tests.handlers.in_process import InProcessBot
from tests.handlers.updates import ANNA, BRAM, GROUP, command


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
