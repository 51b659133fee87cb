"""/status during a cycle, in process: the time left in what runs now."""
from __future__ import annotations

from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import QUESTION, announced, latest, press_on
from tests.handlers.updates import ANNA, BRAM, command, video


async def test_while_the_group_watches_status_gives_the_watch_time_left(
        bot: InProcessBot) -> None:
    await announced(bot)
    since = await bot.tg.mark()
    await bot.handle(video(bot.app.bot, BRAM, QUESTION))
    await press_on(bot, BRAM, await latest(bot, "consent", since), "consent")
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/status"))
    [said] = await bot.said(since=since)
    assert "clip bekijken" in said and "⏳ nog 9 min in deze fase" in said  # 10 min to watch
