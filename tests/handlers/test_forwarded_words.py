"""A message forwarded into the talk is someone else's words shared with the group: kept, and
never nudged or counted as the forwarder's own idea (review ux21: Daan forwarded a
colleague's advice and was nudged for "Je moet echt", and it counted as his tip)."""
from __future__ import annotations

from telegram import Update

from tests.handlers.in_process import InProcessBot, started_bot
from tests.handlers.talk import to_the_talk
from tests.handlers.updates import CATO, message

TIP = "Je moet echt meer wachttijd geven na een vraag."


async def test_a_forwarded_tip_is_kept_and_not_nudged_or_counted_as_ones_own(bot: InProcessBot) -> None:
    await to_the_talk(bot)
    await started_bot(bot, CATO)
    data = message(bot.app.bot, CATO, TIP).to_dict()
    data["message"]["forward_origin"] = {"type": "hidden_user", "sender_user_name": "Femke",
                                         "date": data["message"]["date"]}
    since = await bot.tg.mark()
    await bot.handle(Update.de_json(data, bot.app.bot))
    assert await bot.said(CATO.user_id, since=since) == []  # no nudge
    assert await bot.db_all("SELECT label FROM contributions WHERE text = ?", TIP) == [
        ("other",)]
    await bot.handle(message(bot.app.bot, CATO, TIP))  # her own words: nudged, as ever
    [nudge] = await bot.said(CATO.user_id, since=since)
    assert "tip" in nudge, nudge
