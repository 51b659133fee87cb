"""The inbrenger edits the message their proposed commitment quotes, as Telegram lets them:
the proposal follows the edit (before, the button confirmed the old words, the edit lost)."""
from __future__ import annotations

from dataclasses import replace

from bot.engine.services import services_of
from flows.model import Phase
from storage import cycles
from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import latest, press_on, stage, to_the_talk
from tests.handlers.updates import BRAM, message

FIRST = "Ik ga bij de deur wachten."
EDITED = "Ik ga bij de deur wachten, zodat de les rustig begint."


async def _into_will(bot: InProcessBot) -> None:
    """The talk moved on to will directly (moving through every phase by /next sends more
    than a group's 20 messages a minute, which the sender would wait out)."""
    async with services_of(bot.app).db.transaction() as tx:
        group = await tx.one("SELECT id FROM groups", ())
        assert group is not None
        cycle = await cycles.open_cycle(tx, group[0])
        assert cycle is not None
        await cycles.save(tx, cycle, replace(cycle, phase=Phase.WILL, step="commit"),
                          event="next", actor_id=None, now=services_of(bot.app).now())
    assert await stage(bot) == ("will", "commit")


async def test_an_edited_commitment_is_proposed_again_and_confirmed_as_edited(
        bot: InProcessBot) -> None:
    await to_the_talk(bot)
    await _into_will(bot)
    written = message(bot.app.bot, BRAM, FIRST)
    await bot.handle(written)
    assert written.message is not None
    since = await bot.tg.mark()
    await bot.handle(message(bot.app.bot, BRAM, EDITED, edited=True,
                             message_id=written.message.message_id))
    proposal = await latest(bot, "commit", since)
    assert EDITED in proposal["text"] and "staat er allebei in" in proposal["text"]
    await press_on(bot, BRAM, proposal, "commit")
    row = await bot.db_one("SELECT commitment FROM cycles")
    assert row == (EDITED,)
