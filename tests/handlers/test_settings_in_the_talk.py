"""/settings while a cycle runs: a changed timebox counts for the phase that runs, durably
(its stored timer), and the group hears so; /status agrees."""
from __future__ import annotations

from datetime import timedelta

from storage.clock import from_db
from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import to_the_talk
from tests.handlers.updates import ANNA, command


async def test_a_shorter_goal_set_during_the_goal_counts_now(bot: InProcessBot) -> None:
    await to_the_talk(bot)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/settings doel 3"))
    saved, _overview, now = await bot.said(since=since)
    assert saved == "✅ Opgeslagen."
    assert now == "⏱ De nieuwe tijd geldt ook nu: de fase doel duurt 3 min, dus nog 2 min."
    row = await bot.db_one("SELECT t.due_at, c.phase_started_at FROM timers t, cycles c "
                           "WHERE t.name = 'cycle:' || c.id || ':phase_reminder'")
    assert row is not None
    due, started = from_db(row[0]), from_db(row[1])
    assert due is not None and started is not None and due == started + timedelta(minutes=3)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/status"))
    assert "nog 2 min in deze fase" in (await bot.said(since=since))[0]


async def test_another_setting_changed_during_the_talk_leaves_the_cycle_alone(
        bot: InProcessBot) -> None:
    """A language or retention change is no timebox: nothing said about the phase, and no
    step in the cycle's history."""
    await to_the_talk(bot)
    moves = "SELECT COUNT(*) FROM cycle_transitions"
    before = await bot.db_one(moves)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/settings bewaren 30"))
    assert len(await bot.said(since=since)) == 2  # saved, and the overview
    assert await bot.db_one(moves) == before
