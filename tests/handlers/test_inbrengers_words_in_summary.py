"""UX review 10: the inbrenger who types their goal in a way the classifier calls `other` and
speaks in voice notes found none of their words in their own cycle's summary. In process: Bram
types his goal and speaks a voice note; /summary after the close shows both."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from bot.engine.services import services_of
from flows.model import Phase
from storage import cycles
from tests.handlers.in_process import InProcessBot, voice_note_sent
from tests.handlers.talk import to_the_talk
from tests.handlers.updates import ANNA, BRAM, GROUP, command, message

GOAL = "Sorry, even typen: als minstens de helft van de kring iets heeft gezegd."


async def test_the_summary_holds_the_inbrengers_typed_goal_and_voice_note(
        bot: InProcessBot, tmp_path: Path) -> None:
    await to_the_talk(bot)
    await bot.handle(message(bot.app.bot, BRAM, GOAL))
    await voice_note_sent(bot, BRAM, tmp_path, seconds=6)
    assert await bot.db_all("SELECT label FROM contributions WHERE text = ?", GOAL) == [
        ("other",)]
    svc = services_of(bot.app)
    async with svc.db.transaction() as tx:
        group = await tx.one("SELECT id FROM groups", ())
        assert group is not None
        cycle = await cycles.open_cycle(tx, group[0])
        assert cycle is not None
        await cycles.save(tx, cycle, replace(cycle, phase=Phase.CLOSED), event="next",
                          actor_id=None, now=svc.now())
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/summary"))
    [summary] = [s for s in await bot.said(GROUP, since=since) if "Samenvatting" in s]
    goal = summary[summary.index("Doel"):]
    assert goal.startswith(f"Doel\nBram:\n• {GOAL}\n• 🎙 spraakbericht (0:0"), summary
