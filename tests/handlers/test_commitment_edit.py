"""The inbrenger edits the message their proposed commitment quotes, as Telegram lets them:
the proposal follows the edit (before, the button confirmed the old words, the edit lost)."""
from __future__ import annotations

import pytest

from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import into_will, latest, press_on, stage, to_the_talk
from tests.handlers.updates import BRAM, command, message

# Proposals, confirmations and a closed cycle send more than a group's 20 messages a minute.
pytestmark = pytest.mark.bot_env(INTERVISION_GROUP_MESSAGES_PER_MINUTE="1000")

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


async def _confirmed(bot: InProcessBot) -> int:
    """Bram's commitment FIRST proposed and confirmed: the id of the message it quotes."""
    await to_the_talk(bot)
    await into_will(bot)
    since = await bot.tg.mark()
    written = message(bot.app.bot, BRAM, FIRST)
    await bot.handle(written)
    assert written.message is not None
    await press_on(bot, BRAM, await latest(bot, "commit", since), "commit")
    assert await bot.db_one("SELECT commitment FROM cycles") == (FIRST,)
    return written.message.message_id


async def test_a_confirmed_commitment_edited_in_will_is_proposed_again_and_replaced(
        bot: InProcessBot) -> None:
    """Review ux21 #4: the edit after confirming was ignored; the summaries kept the old."""
    message_id = await _confirmed(bot)
    since = await bot.tg.mark()
    await bot.handle(message(bot.app.bot, BRAM, EDITED, edited=True, message_id=message_id))
    proposal = await latest(bot, "commit", since)
    assert "Zal ik je aangepaste voornemen noteren?" in proposal["text"]
    assert EDITED in proposal["text"]
    await press_on(bot, BRAM, proposal, "commit")
    assert await bot.db_one("SELECT commitment FROM cycles") == (EDITED,)


async def test_a_commitment_edited_in_the_look_back_is_the_one_the_summary_carries(
        bot: InProcessBot) -> None:
    message_id = await _confirmed(bot)
    await bot.handle(command(bot.app.bot, BRAM, "/next"))  # into the look back
    assert (await stage(bot)) == ("will", "lookback")
    since = await bot.tg.mark()
    await bot.handle(message(bot.app.bot, BRAM, EDITED, edited=True, message_id=message_id))
    await press_on(bot, BRAM, await latest(bot, "commit", since), "commit")
    assert any(f"Je voornemen is nu: {EDITED}" in s for s in await bot.said(since=since))
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, BRAM, "/next"))  # the look back closes
    assert (await stage(bot))[0] == "closed"
    summary = [s for s in await bot.said(since=since) if FIRST.rstrip(".") in s]
    assert summary and all(EDITED in s for s in summary), summary


async def test_a_commitment_edited_after_the_cycle_closed_stays_and_bram_hears_so(
        bot: InProcessBot) -> None:
    message_id = await _confirmed(bot)
    for _ in range(2):  # into the look back, and out of it
        await bot.handle(command(bot.app.bot, BRAM, "/next"))
    assert (await stage(bot))[0] == "closed"
    said = await bot.answers(message(bot.app.bot, BRAM, EDITED, edited=True,
                                     message_id=message_id))
    assert len(said) == 1 and said[0].startswith(
        f"Je voornemen blijft zoals je het bevestigde: {FIRST}"), said
    assert "volgende beurt" in said[0]
    assert await bot.db_one("SELECT commitment FROM cycles") == (FIRST,)


async def test_a_correction_word_is_no_part_of_the_commitment(bot: InProcessBot) -> None:
    """The workaround of review ux21 #4 stored "Correctie: ik ga ..." as the commitment."""
    await _confirmed(bot)
    since = await bot.tg.mark()
    await bot.handle(message(bot.app.bot, BRAM, f"Correctie: {EDITED[:1].lower()}{EDITED[1:]}"))
    proposal = await latest(bot, "commit", since)
    assert "Correctie" not in proposal["text"] and EDITED in proposal["text"]
    await press_on(bot, BRAM, proposal, "commit")
    assert await bot.db_one("SELECT commitment FROM cycles") == (EDITED,)


async def test_a_commitment_addressed_to_the_bot_is_kept_without_the_mention(
        bot: InProcessBot) -> None:
    """Review ux23: "@intervision_test_bot Ik ga ..." was proposed and kept with the mention."""
    await to_the_talk(bot)
    await into_will(bot)
    since = await bot.tg.mark()
    await bot.handle(message(bot.app.bot, BRAM, f"@{bot.app.bot.username} {FIRST}"))
    await press_on(bot, BRAM, await latest(bot, "commit", since), "commit")
    assert await bot.db_one("SELECT commitment FROM cycles") == (FIRST,)
