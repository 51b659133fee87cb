"""What a member says in reality is kept with the step it was said in (migration 0010), so
the summary can quote each step; the bot stores the step the flow named, not an empty one."""
from __future__ import annotations

from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import in_reality_step
from tests.handlers.updates import CATO, message

WORDS = "Wat maakte dat je op 0:09 ging klappen in plaats van te wachten?"


async def test_a_contribution_in_realitys_analysis_is_kept_with_its_step(
        bot: InProcessBot) -> None:
    await in_reality_step(bot, "analysis")
    await bot.handle(message(bot.app.bot, CATO, WORDS))
    assert await bot.db_all("SELECT phase, step FROM contributions WHERE text = ?",
                            WORDS) == [("reality", "analysis")]
