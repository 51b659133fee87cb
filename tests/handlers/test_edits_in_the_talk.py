"""A member edits a contribution during the talk (review ux21 #5, #6).

- A public nudge (nudges delivered in the group) of a tip the member then edited into a
  question is edited to say so: it quoted words no longer in the message, for all to read.
- The record of an earlier phase stays as it was said: a Goal question edited into a tip in
  Reality was replaced and relabelled, and the coach's counts changed with it.
- In the phase the talk is in, what an edit adds is answered as for a new message: a time
  stamp its still button, a question turned into a tip its nudge (once)."""
from __future__ import annotations

from bot.engine.services import services_of
from tests.handlers.in_process import InProcessBot, started_bot
from tests.handlers.talk import to_the_talk, view_of
from tests.handlers.updates import BRAM, CATO, GROUP, arrived, command, message

TIP = "Je zou meer wachttijd moeten geven na je vraag."
QUESTION = "Wat zou er gebeuren als je langer wacht na je vraag?"


async def _nudged_in_the_group(bot: InProcessBot) -> tuple[int, int]:
    """Cato's tip in the goal phase, nudged in the group: (her message, the nudge)."""
    await to_the_talk(bot)
    await _deliver_in_the_group(bot)
    since = await bot.tg.mark()
    tip = await bot.tg.send_text(CATO.user_id, GROUP, TIP)
    await bot.handle(arrived(bot.app.bot, tip))
    (nudge,) = [m for m in await bot.tg.bot_messages(GROUP, since=since)
                if m["reply_to"] == tip["message_id"]]
    assert "Ik lees hier een tip" in (nudge["text"] or "")
    return tip["message_id"], nudge["message_id"]


async def _deliver_in_the_group(bot: InProcessBot) -> None:
    """/settings delivery group, as the review set it."""
    async with services_of(bot.app).db.transaction() as tx:
        await tx.execute("UPDATE groups SET settings = json_set(settings, '$.nudge_delivery', "
                         "'group')", ())


async def test_a_public_nudge_says_edited_once_the_tip_became_a_question(
        bot: InProcessBot) -> None:
    tip_id, nudge_id = await _nudged_in_the_group(bot)
    await bot.handle(message(bot.app.bot, CATO, "Je moet echt meer wachttijd geven.",
                             edited=True, message_id=tip_id))  # still a tip: the nudge stays
    assert "Ik lees hier een tip" in ((await view_of(bot, nudge_id))["text"] or "")
    await bot.handle(message(bot.app.bot, CATO, QUESTION, edited=True, message_id=tip_id))
    nudge = await view_of(bot, nudge_id)
    assert nudge["text"] == "✔️ Aangepast: dank je.", nudge
    assert await bot.db_one("SELECT label FROM contributions WHERE message_id = ?",
                            tip_id) == ("open_question",)


async def test_an_earlier_phases_contribution_keeps_its_record(bot: InProcessBot) -> None:
    await to_the_talk(bot)
    asked = message(bot.app.bot, CATO, QUESTION)
    await bot.handle(asked)
    assert asked.message is not None
    await bot.handle(command(bot.app.bot, BRAM, "/next"))  # into reality
    since = await bot.tg.mark()
    await bot.handle(message(bot.app.bot, CATO, "Je moet strenger zijn.", edited=True,
                             message_id=asked.message.message_id))
    assert await bot.db_all("SELECT phase, label, text FROM contributions") == [
        ("goal", "open_question", QUESTION)]
    assert await bot.said(since=since) == []
    assert await bot.said(CATO.user_id, since=since) == []


async def test_an_edit_that_adds_a_time_stamp_gets_the_still_button(bot: InProcessBot) -> None:
    await to_the_talk(bot)
    asked = message(bot.app.bot, CATO, "Wat zie je als ze binnenkomen?")
    await bot.handle(asked)
    assert asked.message is not None
    since = await bot.tg.mark()
    await bot.handle(message(bot.app.bot, CATO, "Wat zie je op 0:03 als ze binnenkomen?",
                             edited=True, message_id=asked.message.message_id))
    offers = [m for m in await bot.tg.bot_messages(GROUP, since=since)
              if "Je noemt 0:03 in de clip" in (m["text"] or "")]
    assert len(offers) == 1 and offers[0]["reply_markup"], offers


async def test_a_question_edited_into_a_tip_is_nudged_once(bot: InProcessBot) -> None:
    await to_the_talk(bot)
    await started_bot(bot, CATO)
    asked = message(bot.app.bot, CATO, QUESTION)
    await bot.handle(asked)
    assert asked.message is not None
    message_id = asked.message.message_id
    since = await bot.tg.mark()
    await bot.handle(message(bot.app.bot, CATO, TIP, edited=True, message_id=message_id))
    nudges = [s for s in await bot.said(CATO.user_id, since=since) if "Ik lees hier een" in s]
    assert len(nudges) == 1, nudges
    since = await bot.tg.mark()  # edited again, still a tip: not nudged a second time
    await bot.handle(message(bot.app.bot, CATO, "Je moet echt langer wachten na je vraag.",
                             edited=True, message_id=message_id))
    assert await bot.said(CATO.user_id, since=since) == []
