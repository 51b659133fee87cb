"""A member's /forget takes their words out of the summaries the bot already sent: the coach's
in the coach's private chat too (the coach review: the confirmation sent them to delete
messages they could not delete, and the coach kept their quotes)."""
from __future__ import annotations

from datetime import UTC, datetime

from bot.engine.services import services_of
from storage import contributions, summary_messages
from tests.handlers.in_process import InProcessBot, forget_me, started_bot
from tests.handlers.test_coach_additions import COACH, _bram_in_the_look_back
from tests.handlers.updates import CATO
from tests.waiting import eventually

CATOS_QUESTION = "Wat maakte dat je bij de deur bleef staan?"


async def test_forget_edits_the_coach_summary_without_the_members_words(
        bot: InProcessBot) -> None:
    seeded = await _bram_in_the_look_back(bot)
    await started_bot(bot, CATO)
    now = datetime.now(UTC)
    sent = await bot.app.bot.send_message(COACH.user_id, f"Samenvatting · Cato: {CATOS_QUESTION}")
    async with services_of(bot.app).db.transaction() as tx:
        await contributions.add(tx, seeded.cycle.id, CATO.user_id, "reality", 77,
                                CATOS_QUESTION, "open_question", now)
        await tx.execute("UPDATE cycles SET phase = 'closed' WHERE id = ?", (seeded.cycle.id,))
        await summary_messages.record(tx, COACH.user_id, sent.message_id, seeded.cycle.id, now)
    await forget_me(bot, CATO)

    async def edited() -> str | None:
        [view] = [v for v in await bot.tg.bot_messages(COACH.user_id)
                  if v["message"]["message_id"] == sent.message_id]
        return view["text"] if CATOS_QUESTION not in view["text"] else None

    text = await eventually(edited)
    assert "Cyclus-samenvatting voor de coach" in text and "Bram" in text
