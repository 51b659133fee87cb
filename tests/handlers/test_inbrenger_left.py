"""The inbrenger leaves the Telegram chat once their clip was shown: before their commitment
the cycle stops and the turn is not counted as had; after it the cycle closes as usual, with
its summary (it used to be thrown away: "zonder Bram kan het niet verder", no summary)."""
from __future__ import annotations

import pytest

from bot.engine import jobs
from bot.engine.services import services_of
from storage import timers
from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import into_will, latest, press_on, stage, to_the_talk
from tests.handlers.updates import BRAM, CATO, GROUP, member_left, message

# A whole cycle up to its summary sends more than a group's 20 messages a minute.
pytestmark = pytest.mark.bot_env(INTERVISION_GROUP_MESSAGES_PER_MINUTE="1000")

COMMITMENT = "Ik ga na elke vraag vijf tellen wachten, zodat meer leerlingen meedoen."


async def test_leaving_after_the_commitment_closes_the_cycle_with_its_summary(
        bot: InProcessBot) -> None:
    await to_the_talk(bot)
    await into_will(bot)
    since = await bot.tg.mark()
    await bot.handle(message(bot.app.bot, BRAM, COMMITMENT))
    await press_on(bot, BRAM, await latest(bot, "commit", since), "commit")
    since = await bot.tg.mark()
    await bot.handle(member_left(bot.app.bot, BRAM))
    said = "\n".join(await bot.said(GROUP, since=since))
    assert "kan het niet verder" not in said and "gestopt" not in said, said
    assert "voornemen van Bram is genoteerd" in said, said
    assert await stage(bot) == ("will", "lookback")
    await bot.handle(message(bot.app.bot, CATO, "Ik ga vaker doorvragen op wat ze zien."))
    assert (await stage(bot))[0] == "closed"
    [summary] = [s for s in await bot.said(GROUP, since=since) if "Samenvatting" in s]
    assert "vijf tellen wachten" in summary


async def test_leaving_in_the_talk_stops_the_cycle_and_the_turn_is_not_counted(
        bot: InProcessBot) -> None:
    await to_the_talk(bot)
    assert await bot.db_one("SELECT turns FROM members WHERE user_id = ?",
                            BRAM.user_id) == (1,)
    await bot.handle(member_left(bot.app.bot, BRAM, status="kicked"))
    assert (await stage(bot))[0] == "goal"  # waited for a while (test_inbrenger_grace.py)
    svc = services_of(bot.app)
    async with svc.db.reading() as tx:
        (grace,) = [t for t in await timers.pending(tx) if t.event == "grace_end"]
    svc.clock = lambda: grace.due_at
    await jobs.fire(bot.app, grace)
    assert (await stage(bot))[0] == "cancelled"
    assert await bot.db_one("SELECT turns, last_turn_at FROM members WHERE user_id = ?",
                            BRAM.user_id) == (0, None)
