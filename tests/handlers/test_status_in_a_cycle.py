"""/status during a cycle, in process: the time left in what runs now."""
from __future__ import annotations

from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import announced, clip_shown
from tests.handlers.updates import ANNA, command


async def test_while_the_group_watches_status_gives_the_watch_time_left(
        bot: InProcessBot) -> None:
    await announced(bot)
    await clip_shown(bot)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/status"))
    [said] = await bot.said(since=since)
    assert "clip bekijken" in said and "⏳ nog 9 min in deze fase" in said  # 10 min to watch
