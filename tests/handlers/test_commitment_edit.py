"""The inbrenger edits the message their proposed commitment quotes, as Telegram lets them:
the proposal follows the edit (before, the button confirmed the old words, the edit lost)."""
from __future__ import annotations

from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import into_will, latest, press_on, to_the_talk
from tests.handlers.updates import BRAM, message

FIRST = "Ik ga bij de deur wachten."
EDITED = "Ik ga bij de deur wachten, zodat de les rustig begint."


async def test_an_edited_commitment_is_proposed_again_and_confirmed_as_edited(
        bot: InProcessBot) -> None:
    await to_the_talk(bot)
    await into_will(bot)
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
