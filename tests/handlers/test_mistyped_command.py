"""A command the bot does not have, typed in the group (the admin review: "/schedul" and
"/instellingen" got no answer at all, so a non-technical admin could not tell why)."""
from __future__ import annotations

from tests.handlers.in_process import InProcessBot, set_up
from tests.handlers.updates import ANNA, BRAM, GROUP, command


async def test_a_mistyped_command_hears_the_one_it_meant_once_a_minute(bot: InProcessBot) -> None:
    await set_up(bot, BRAM)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/schedul di 15:30"))
    await bot.handle(command(bot.app.bot, ANNA, "/schedul"))  # within the minute: quiet
    assert await bot.said(GROUP, since=since) == [
        "/schedul ken ik niet. Bedoel je /schedule? /help laat alle commando's zien."]
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, BRAM, "/instellingen"))
    assert await bot.said(GROUP, since=since) == [
        "/instellingen ken ik niet. Bedoel je /settings? /help laat alle commando's zien."]


async def test_another_bots_command_is_left_alone(bot: InProcessBot) -> None:
    await set_up(bot, BRAM)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/weather"))
    await bot.handle(command(bot.app.bot, BRAM, "/schedul@other_bot"))
    assert await bot.said(GROUP, since=since) == []
