"""/cancel during the talk asks first (review ux14, finding 3: Anna's /cancel in Reality
stopped Bram's talk at once, without saying who stopped it, and Bram dropped to the back of
the rotation). Before the talk it stops at once, as before."""
from __future__ import annotations

import pytest

from fake_telegram.scenes import buttons
from flows.callbacks import StopButton
from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import announced, in_reality_step
from tests.handlers.updates import ANNA, BRAM, CATO, GROUP, command

OPEN = "SELECT phase FROM cycles ORDER BY id DESC LIMIT 1"
TURNS = "SELECT turns FROM members WHERE user_id = ?"


@pytest.mark.bot_env(INTERVISION_GROUP_MESSAGES_PER_MINUTE="1000")  # the presses' own messages
async def test_cancel_in_the_talk_asks_and_names_who_stopped_it(bot: InProcessBot) -> None:
    await in_reality_step(bot, "see")
    [(group_id,)] = await bot.db_all("SELECT id FROM groups")
    [(cycle_id,)] = await bot.db_all("SELECT id FROM cycles")
    assert await bot.db_one(TURNS, BRAM.user_id) == (1,)  # counted when the clip was shown
    [asked] = await bot.answers(command(bot.app.bot, ANNA, "/cancel"))
    assert asked.startswith("Weet je zeker dat je het gesprek over de clip van Bram wilt "
                            "stoppen?"), asked
    assert await bot.db_one(OPEN) == ("reality",)  # nothing stopped yet

    yes = StopButton(group_id, "yes", ANNA.user_id, cycle_id).pack()
    foreign = await bot.press(CATO, yes)  # a peer, no admin: not theirs to decide
    assert foreign is not None and foreign["show_alert"] and "niet aan jou" in foreign["text"]
    assert await bot.db_one(OPEN) == ("reality",)

    on = await bot.press(ANNA, StopButton(group_id, "no", ANNA.user_id, cycle_id).pack())
    assert on is not None and on["text"] == "We gaan door met het gesprek."
    assert await bot.db_one(OPEN) == ("reality",)

    since = await bot.tg.mark()
    await bot.press(ANNA, yes)
    said = "\n".join(await bot.said(since=since))
    assert await bot.db_one(OPEN) == ("cancelled",)
    assert "Anna heeft de cyclus gestopt." in said, said
    assert "Bram verliest de beurt niet: die telt niet als gehouden, dus Bram blijft op de " \
        "plek in de volgorde. Nu opnieuw beginnen kan met /cycle Bram." \
        in said, said
    assert await bot.db_one(TURNS, BRAM.user_id) == (0,)  # his place in the rotation kept
    [roster] = await bot.answers(command(bot.app.bot, CATO, "/roster"))
    assert roster.index("Bram") < roster.index("Cato"), roster

    stale = await bot.press(ANNA, yes)  # the question pressed again, or an old copy
    assert stale is not None and "werkt niet meer" in stale["text"]


async def test_cancel_before_the_talk_stops_at_once(bot: InProcessBot) -> None:
    await announced(bot)
    said = await bot.answers(command(bot.app.bot, ANNA, "/cancel"))
    assert await bot.db_one(OPEN) == ("cancelled",)
    assert any(line.startswith("Anna heeft de cyclus gestopt.") for line in said), said


async def test_a_peer_cannot_cancel_and_is_not_asked(bot: InProcessBot) -> None:
    await in_reality_step(bot, "see")
    [refused] = await bot.answers(command(bot.app.bot, CATO, "/cancel"))
    assert "Bram" in refused and "Weet je zeker" not in refused, refused
    assert await bot.db_one(OPEN) == ("reality",)


async def test_the_inbrengers_own_cancel_is_asked_about_their_own_clip(bot: InProcessBot) -> None:
    """Review ux15: Bram's own /cancel asked him about "de clip van Bram", and that "Bram"
    keeps the turn."""
    await in_reality_step(bot, "see")
    [asked] = await bot.answers(command(bot.app.bot, BRAM, "/cancel"))
    assert asked.startswith("Weet je zeker dat je het gesprek over je eigen clip wilt "
                            "stoppen?"), asked
    assert "Bram" not in asked


@pytest.mark.bot_env(INTERVISION_GROUP_MESSAGES_PER_MINUTE="1000")
async def test_a_second_stop_question_loses_its_buttons_when_the_talk_stops(
        bot: InProcessBot) -> None:
    """Anna and Bram both typed /cancel; Anna's yes stops the talk, and Bram's question no
    longer offers a stop of a talk that is over (review ux15: it kept its buttons)."""
    await in_reality_step(bot, "see")
    [(group_id,)] = await bot.db_all("SELECT id FROM groups")
    [(cycle_id,)] = await bot.db_all("SELECT id FROM cycles")
    await bot.answers(command(bot.app.bot, ANNA, "/cancel"))
    await bot.answers(command(bot.app.bot, BRAM, "/cancel"))

    def stop_questions(messages: list[dict]) -> list[dict]:
        return [m for m in messages if "stoppen?" in (m["text"] or "")]

    asked = stop_questions(await bot.tg.bot_messages(GROUP))
    assert len(asked) == 2 and all(buttons(m) for m in asked), asked
    await bot.press(ANNA, StopButton(group_id, "yes", ANNA.user_id, cycle_id).pack())
    assert await bot.db_one(OPEN) == ("cancelled",)
    left = stop_questions(await bot.tg.bot_messages(GROUP))
    assert [buttons(m) for m in left] == [[], []], left
