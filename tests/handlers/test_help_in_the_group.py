"""/help in the group: while a cycle runs, first where it stands, then the commands."""
from __future__ import annotations

from tests.handlers.in_process import InProcessBot, set_up_agreed
from tests.handlers.updates import ANNA, BRAM, CATO, command


async def test_help_in_the_group_during_a_cycle_starts_with_where_it_stands(
        bot: InProcessBot) -> None:
    """The Dutch group review asked /help halfway and read only the list of commands, with an
    example name not in their group."""
    await set_up_agreed(bot, BRAM, CATO)
    [before] = await bot.answers(command(bot.app.bot, CATO, "/help"))
    assert before.startswith("Intervisie met video"), before  # no cycle: the commands
    await bot.handle(command(bot.app.bot, ANNA, "/cycle Bram"))
    [during] = await bot.answers(command(bot.app.bot, BRAM, "/help"))
    assert during.startswith("📍 Fase:") and "inbrenger: Bram" in during, during
    assert "/swap naam" in during and "Cato je beurt" not in during
