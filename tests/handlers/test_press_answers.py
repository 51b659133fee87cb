"""What a press is answered with fits Telegram's answerCallbackQuery: plain text (no parse
mode exists for it) of at most 200 characters. Longer, Telegram refuses it (MESSAGE_TOO_LONG)
and the person who pressed reads nothing at all."""
from __future__ import annotations

from bot.engine.services import services_of
from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import into_will, latest, to_the_talk
from tests.handlers.updates import ANNA, BRAM, message

LONG_NAME = "Bram van den Heuvel-Oosterhout & Co"
COMMITMENT = "Ik ga na elke open vraag vijf tellen wachten, zodat meer leerlingen gaan nadenken."


async def test_next_before_the_commitment_is_confirmed_is_told_in_plain_words(
        bot: InProcessBot) -> None:
    """Anna presses "next" while Bram's proposed commitment waits for his button: the alert
    quotes the commitment and names Bram. With his long name it ran over 200 characters,
    and its <i> and &amp; would have shown as they are."""
    await to_the_talk(bot)
    await into_will(bot)
    async with services_of(bot.app).db.transaction() as tx:
        await tx.execute("UPDATE members SET name = ? WHERE user_id = ?", (LONG_NAME, BRAM.user_id))
    since = await bot.tg.mark()
    await bot.handle(message(bot.app.bot, BRAM, COMMITMENT))
    await latest(bot, "commit", since)  # the proposal, with its button
    cycle = await bot.db_one("SELECT id FROM cycles ORDER BY id DESC LIMIT 1")
    assert cycle is not None
    answer = await bot.press(ANNA, f"cy:{cycle[0]}:next:commit")
    assert answer is not None, "the press was not answered"
    said = answer["text"]
    assert answer["show_alert"] and len(said) <= 200 and said.endswith("…")
    assert said.startswith(LONG_NAME + ", bevestig eerst je voornemen")
    assert "<i>" not in said and "&amp;" not in said and COMMITMENT[:40] in said
