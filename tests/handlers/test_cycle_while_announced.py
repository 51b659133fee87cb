"""/cycle while a turn is only announced names that turn and how to pass it on; "a cycle is
already running" read wrong to the admin of the UX review, as nothing had begun."""
from __future__ import annotations

from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import announced, clip_watched
from tests.handlers.updates import ANNA, command


async def test_cycle_while_a_turn_is_announced_points_to_swap(bot: InProcessBot) -> None:
    await announced(bot)  # Anna: /cycle Bram
    answer = await bot.answers(command(bot.app.bot, ANNA, "/cycle Cato"))
    assert answer == [("Bram is al aangekondigd als inbrenger. Moet iemand anders nu inbrengen? "
                      "Met /swap en een naam geeft Bram of een beheerder de beurt door; een "
                      "beheerder stopt deze cyclus met /cancel.")]
    assert await bot.db_one("SELECT COUNT(*) FROM cycles") == (1,)

    await clip_watched(bot)
    answer = await bot.answers(command(bot.app.bot, ANNA, "/cycle"))
    assert answer == [("Er loopt al een cyclus. /status laat zien waar we zijn; een beheerder "
                      "kan hem stoppen met /cancel.")]
