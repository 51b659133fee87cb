"""What a member says in reality is kept with the step it was said in (migration 0010), so
the summary can quote each step; the bot stores the step the flow named, not an empty one."""
from __future__ import annotations

from dataclasses import replace

from bot.engine.services import services_of
from flows.model import Phase
from storage import cycles
from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import stage, to_the_talk
from tests.handlers.updates import CATO, message

WORDS = "Wat maakte dat je op 0:09 ging klappen in plaats van te wachten?"


async def test_a_contribution_in_realitys_analysis_is_kept_with_its_step(
        bot: InProcessBot) -> None:
    await to_the_talk(bot)
    async with services_of(bot.app).db.transaction() as tx:
        group = await tx.one("SELECT id FROM groups", ())
        assert group is not None
        cycle = await cycles.open_cycle(tx, group[0])
        assert cycle is not None
        now = services_of(bot.app).now()
        await cycles.save(tx, cycle, replace(cycle, phase=Phase.REALITY, step="analysis",
                                             phase_started_at=now, step_started_at=now),
                          event="next", actor_id=None, now=now)
    assert await stage(bot) == ("reality", "analysis")
    await bot.handle(message(bot.app.bot, CATO, WORDS))
    assert await bot.db_all("SELECT phase, step FROM contributions WHERE text = ?",
                            WORDS) == [("reality", "analysis")]
