"""A missed look-back line is added by replying to the bot's invitation ("reply to this
message"), and only so: a reply to any other message of the bot is chat, and the invited line
still counts when the next cycle has opened meanwhile."""
from __future__ import annotations

import pytest

from fake_telegram.control import MessageView
from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import into_will, latest, press_on, stage, to_the_talk
from tests.handlers.updates import ANNA, BRAM, CATO, GROUP, command, message

# A whole cycle in process sends more than a group's 20 messages a minute.
pytestmark = pytest.mark.bot_env(INTERVISION_GROUP_MESSAGES_PER_MINUTE="1000")

LINE = "Ik ga vaker stilte laten vallen na een vraag."


async def _closed_with_invitation(bot: InProcessBot) -> MessageView:
    """Bram's cycle closed by /next in the look back, before Cato gave her line."""
    await to_the_talk(bot)
    await into_will(bot)
    since = await bot.tg.mark()
    await bot.handle(message(bot.app.bot, BRAM, "Ik ga na elke vraag vijf seconden wachten, "
                                                "zodat meer leerlingen antwoorden."))
    await press_on(bot, BRAM, await latest(bot, "commit", since), "commit")
    for _ in range(2):  # into the look back, and out of it without Cato
        await bot.handle(command(bot.app.bot, BRAM, "/next"))
    assert (await stage(bot))[0] == "closed"
    invitations = [v for v in await bot.tg.bot_messages(GROUP, since=since)
                   if (v["text"] or "").startswith("De terugblik gemist?")]
    assert len(invitations) == 1
    return invitations[0]


async def _lines(bot: InProcessBot) -> list[tuple[object, ...]]:
    return await bot.db_all("SELECT c.cycle_id, c.text FROM contributions c "
                            "WHERE c.user_id = ? AND c.phase = 'lookback'", CATO.user_id)


async def test_a_reply_to_the_invitation_is_the_late_line_once(bot: InProcessBot) -> None:
    invitation = await _closed_with_invitation(bot)
    since = await bot.tg.mark()
    await bot.handle(message(bot.app.bot, CATO, LINE, reply_to=invitation["message"]))
    assert [text for _, text in await _lines(bot)] == [LINE]
    assert any(f"Cato gebruikt deze zet weer: {LINE}" in said
               for said in await bot.said(since=since))
    since = await bot.tg.mark()
    await bot.handle(message(bot.app.bot, CATO, "En ook: doorvragen.",
                             reply_to=invitation["message"]))
    assert [text for _, text in await _lines(bot)] == [LINE]
    assert await bot.said(since=since) == ["Je gaf je regel voor deze terugblik al. Dank je!"]
    thanks = await bot.answers(message(bot.app.bot, BRAM, "Dank jullie wel!",
                                       reply_to=invitation["message"]))
    assert thanks == []  # the inbrenger's reply is chat, not "you are no member"


async def test_a_reply_to_another_message_of_the_bot_is_not_a_line(bot: InProcessBot) -> None:
    await _closed_with_invitation(bot)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, CATO, "/status"))
    status = (await bot.tg.bot_messages(GROUP, since=since))[-1]
    since = await bot.tg.mark()
    await bot.handle(message(bot.app.bot, CATO, "Kunnen we de volgende keer om vier uur "
                                                "beginnen?", reply_to=status["message"]))
    assert await _lines(bot) == []
    assert await bot.said(since=since) == []


async def test_the_invited_line_counts_when_the_next_cycle_is_open(bot: InProcessBot) -> None:
    invitation = await _closed_with_invitation(bot)
    closed = await bot.db_one("SELECT id FROM cycles WHERE phase = 'closed'")
    await bot.handle(command(bot.app.bot, ANNA, "/cycle Cato"))
    assert (await stage(bot))[0] == "announced"
    since = await bot.tg.mark()
    await bot.handle(message(bot.app.bot, CATO, LINE, reply_to=invitation["message"]))
    assert closed is not None and await _lines(bot) == [(closed[0], LINE)]
    said = await bot.said(since=since)
    assert any("Aanvulling op de terugblik" in text for text in said)
    assert not any("clip" in text for text in said)  # not taken as the new cycle's talk

