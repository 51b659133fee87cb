"""UX review 10: in reality's strong-moment step a peer wrote "Sterk vond ik op 0:15: ..." and
the bot said nothing (the colon after the time hid the time stamp), while the next peer's
"Op 0:03 ..." was noted. The group sees the moment noted, with its still."""
from __future__ import annotations

from dataclasses import replace

from bot.engine.services import services_of
from flows.model import Phase
from storage import cycles
from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import stage, to_the_talk
from tests.handlers.updates import CATO, message

WORDS = "Sterk vond ik op 0:15: je wacht even en kijkt de klas rond, toen werd het stiller."


async def _in_the_strong_step(bot: InProcessBot) -> None:
    await to_the_talk(bot)
    async with services_of(bot.app).db.transaction() as tx:
        group = await tx.one("SELECT id FROM groups", ())
        assert group is not None
        cycle = await cycles.open_cycle(tx, group[0])
        assert cycle is not None
        now = services_of(bot.app).now()
        await cycles.save(tx, cycle, replace(cycle, phase=Phase.REALITY, step="strong",
                                             phase_started_at=now, step_started_at=now),
                          event="next", actor_id=None, now=now)
    assert await stage(bot) == ("reality", "strong")


async def test_a_strong_moment_with_a_colon_after_its_time_is_noted(bot: InProcessBot) -> None:
    await _in_the_strong_step(bot)
    said = await bot.answers(message(bot.app.bot, CATO, WORDS))
    assert any("Sterk moment genoteerd. Tot nu toe genoemd door: Cato" in s for s in said)
    # Cato is Bram's only peer: Bram, the inbrenger, is not waited for (UX review 10, #11).
    assert any("Iedereen heeft een sterk moment genoemd. Bram, ga door" in s for s in said)
    assert await bot.db_all("SELECT label FROM contributions WHERE text = ?",
                            WORDS) == [("observation",)]
