"""What a group admin meets in the first minutes (review ux14): /setup names the next steps,
/cycle does not start a talk nobody else can join, /cycle takes a name as people type it, and
/skip typed by the announced inbrenger points to passing this turn on."""
from __future__ import annotations

from tests.handlers.in_process import InProcessBot, set_up, set_up_agreed
from tests.handlers.talk import announced
from tests.handlers.updates import ANNA, BRAM, CATO, GROUP, Person, command

INBRENGER = "SELECT inbrenger_id FROM cycles WHERE phase NOT IN ('closed', 'cancelled')"
DAAN = Person(4, "Daan")


async def test_setup_names_the_next_steps(bot: InProcessBot) -> None:
    said = "\n".join(await bot.answers(command(bot.app.bot, ANNA, "/setup")))
    assert "1. Iedereen stuurt /join, jij ook als je meedoet." in said, said
    assert "/schedule di 15:30" in said and "begin nu met /cycle" in said, said


async def test_setup_where_the_bot_cannot_read_names_making_it_admin_first(
        bot: InProcessBot) -> None:
    """Privacy mode on and the bot a plain member: /cycle would be refused, so the next steps
    do not offer it; they begin with making the bot an admin (review ux15)."""
    await bot.tg.set_privacy_mode(True)
    said = "\n".join(await bot.answers(command(bot.app.bot, ANNA, "/setup")))
    assert "1. Maak me beheerder van de groep" in said, said
    assert "/cycle" not in said and "/schedule di 15:30" in said, said


async def test_cycle_refuses_while_nobody_else_agreed(bot: InProcessBot) -> None:
    await set_up(bot, BRAM, CATO)  # both joined, only Bram agreed
    [(group_id,)] = await bot.db_all("SELECT id FROM groups")
    await bot.press(BRAM, f"agree:{group_id}")
    [said] = await bot.answers(command(bot.app.bot, ANNA, "/cycle"))
    assert said.startswith("Nog niemand anders doet mee, dus Bram zou alleen inbrengen."), said
    assert "/join" in said
    assert await bot.db_one(INBRENGER) is None


async def test_cycle_takes_a_username_and_a_name_with_words_after_it(bot: InProcessBot) -> None:
    await bot.tg.add_user(DAAN.user_id, DAAN.first_name)
    await bot.tg.add_member(GROUP, DAAN.user_id)
    await set_up_agreed(bot, BRAM, CATO, DAAN)
    [unknown] = await bot.answers(command(bot.app.bot, ANNA, "/cycle Piet"))
    assert unknown == "Ik ken geen lid „Piet”. Leden: Bram, Cato, Daan.", unknown
    await bot.handle(command(bot.app.bot, ANNA, "/cycle @cato_t"))
    assert await bot.db_one(INBRENGER) == (CATO.user_id,)
    await bot.handle(command(bot.app.bot, ANNA, "/cancel"))
    await bot.handle(command(bot.app.bot, ANNA, "/cycle Daan nu graag"))
    assert await bot.db_one(INBRENGER) == (DAAN.user_id,)


async def test_skip_by_the_announced_inbrenger_points_to_passing_the_turn_on(
        bot: InProcessBot) -> None:
    await announced(bot)
    [said] = await bot.answers(command(bot.app.bot, BRAM, "/skip"))
    assert "/skip gaat over je volgende beurt, niet over deze." in said, said
    assert "„Beurt doorgeven”" in said and "/swap" in said
    assert await bot.db_one("SELECT skip_next FROM members WHERE user_id = ?",
                            BRAM.user_id) == (0,)
    [peer] = await bot.answers(command(bot.app.bot, CATO, "/skip"))  # unchanged for others
    assert peer.startswith("Cato, je slaat je volgende beurt als inbrenger over."), peer
