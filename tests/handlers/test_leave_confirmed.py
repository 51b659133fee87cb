"""/leave asks first: a member who only has to go today should not lose their turn by typing
it (the Dutch group review saw /leave take effect at once in the middle of the talk). Only
the member who asked decides."""
from __future__ import annotations

import pytest

from flows.callbacks import LeaveButton
from tests.handlers.in_process import InProcessBot, set_up_agreed
from tests.handlers.talk import announced, to_the_talk
from tests.handlers.updates import BRAM, CATO, command

ACTIVE = "SELECT active FROM members WHERE user_id = ?"


@pytest.mark.bot_env(INTERVISION_GROUP_MESSAGES_PER_MINUTE="1000")  # the presses' own messages
async def test_leave_asks_and_only_the_members_own_yes_stops_them(bot: InProcessBot) -> None:
    await to_the_talk(bot)  # Bram's clip; Cato is a peer
    [(group_id,)] = await bot.db_all("SELECT id FROM groups")
    [asked] = await bot.answers(command(bot.app.bot, CATO, "/leave"))
    assert asked.startswith("Cato, wil je echt stoppen met deze intervisiegroep?"), asked
    assert "Moet je alleen vandaag even weg? Dan hoef je niet te stoppen." in asked
    assert await bot.db_one(ACTIVE, CATO.user_id) == (1,)  # nothing happened yet

    yes = LeaveButton(group_id, "yes", CATO.user_id).pack()
    foreign = await bot.press(BRAM, yes)
    assert foreign is not None and foreign["show_alert"] and "voor Cato" in foreign["text"]
    assert await bot.db_one(ACTIVE, CATO.user_id) == (1,)

    stay = await bot.press(CATO, LeaveButton(group_id, "no", CATO.user_id).pack())
    assert stay is not None and stay["text"] == "Cato doet nog mee."
    assert await bot.db_one(ACTIVE, CATO.user_id) == (1,)

    gone = await bot.press(CATO, yes)
    assert gone is not None and gone["text"] == "Je doet niet meer mee."
    assert await bot.db_one(ACTIVE, CATO.user_id) == (0,)
    again = await bot.press(CATO, yes)  # an old copy of the question pressed again
    assert again is not None and "werkt niet meer" in again["text"]


async def test_a_non_member_hears_there_is_nothing_to_leave(bot: InProcessBot) -> None:
    await set_up_agreed(bot, BRAM)
    [said] = await bot.answers(command(bot.app.bot, CATO, "/leave"))
    assert "er is niets om te stoppen" in said


async def test_the_inbrenger_before_the_talk_hears_of_swap_before_leaving(
        bot: InProcessBot) -> None:
    """The announced inbrenger who has no clip may only want to pass this turn on."""
    await announced(bot)
    [asked] = await bot.answers(command(bot.app.bot, BRAM, "/leave"))
    assert "Je beurt als inbrenger gaat dan naar wie na je komt" in asked and "/swap" in asked
