"""UX review 10: in reality's strong-moment step a peer wrote "Sterk vond ik op 0:15: ..." and
the bot said nothing (the colon after the time hid the time stamp), while the next peer's
"Op 0:03 ..." was noted. The group sees the moment noted, with its still."""
from __future__ import annotations

from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import in_reality_step
from tests.handlers.updates import CATO, message

WORDS = "Sterk vond ik op 0:15: je wacht even en kijkt de klas rond, toen werd het stiller."


async def _in_the_strong_step(bot: InProcessBot) -> None:
    await in_reality_step(bot, "strong")


async def test_a_strong_moment_with_a_colon_after_its_time_is_noted(bot: InProcessBot) -> None:
    await _in_the_strong_step(bot)
    said = await bot.answers(message(bot.app.bot, CATO, WORDS))
    assert any("Sterk moment genoteerd. Tot nu toe genoemd door: Cato" in s for s in said)
    # Cato is Bram's only peer: Bram, the inbrenger, is not waited for (UX review 10, #11).
    assert any("Iedereen heeft een sterk moment genoemd. Bram, ga door" in s for s in said)
    assert await bot.db_all("SELECT label FROM contributions WHERE text = ?",
                            WORDS) == [("observation",)]
