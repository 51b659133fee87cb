"""/roster: the members in the order of their turns, each marked as the legend explains:
agreed to the group's agreements or not yet, and whether they started the private chat."""
from __future__ import annotations

from tests.handlers.in_process import InProcessBot, set_up, started_bot
from tests.handlers.talk import to_the_talk
from tests.handlers.updates import ANNA, BRAM, CATO, command


async def test_the_roster_marks_who_agreed_and_who_started_the_private_chat(
        bot: InProcessBot) -> None:
    await set_up(bot, BRAM, CATO)
    group = await bot.db_one("SELECT id FROM groups")
    assert group is not None
    await started_bot(bot, BRAM)
    await bot.press(BRAM, f"agree:{group[0]}")
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/roster"))
    roster = (await bot.said(since=since))[-1]
    lines = {line.split(". ", 1)[1].split(" ·")[0]: line for line in roster.splitlines()
             if ". " in line and " · " in line}
    assert "✅" in lines["Bram"] and "💬" in lines["Bram"]
    assert "…" in lines["Cato"] and "✅" not in lines["Cato"] and "💬" not in lines["Cato"]
    assert "… nog niet" in roster  # the legend says what the mark means


async def test_the_inbrenger_s_turn_counts_once_the_clip_is_shown(bot: InProcessBot) -> None:
    """The rotation picks who had the fewest turns (SPEC section 3): a turn not counted
    would make Bram the next inbrenger again."""
    await to_the_talk(bot)  # Bram brought in; the group watched his clip
    turns = "SELECT user_id, turns FROM members ORDER BY user_id"
    assert dict(await bot.db_all(turns)) == {BRAM.user_id: 1, CATO.user_id: 0}



async def test_the_roster_numbers_the_turns_from_one(bot: InProcessBot) -> None:
    await set_up(bot, BRAM, CATO)
    [roster] = await bot.answers(command(bot.app.bot, ANNA, "/roster"))
    numbers = [line.split(". ", 1)[0] for line in roster.splitlines() if "× aan de beurt" in line]
    assert numbers == ["1", "2"]


async def test_join_asks_for_the_private_chat_only_of_who_has_not_started_it(
        bot: InProcessBot) -> None:
    """Sweep 6's B1: the hint went to everyone, also to who started the chat already."""
    await set_up(bot)
    await started_bot(bot, BRAM)
    [bram] = await bot.answers(command(bot.app.bot, BRAM, "/join"))
    [cato] = await bot.answers(command(bot.app.bot, CATO, "/join"))
    assert "Start ook een privégesprek met mij" not in bram
    assert "Start ook een privégesprek met mij" in cato


async def test_an_agree_press_by_who_is_no_member_is_refused_and_changes_nothing(
        bot: InProcessBot) -> None:
    """Sweep 6's B6: a non-member's press on the agree button was answered "agreed"."""
    await set_up(bot, BRAM)
    group = await bot.db_one("SELECT id FROM groups")
    assert group is not None
    answer = await bot.press(CATO, f"agree:{group[0]}")
    assert answer is not None and answer["show_alert"]
    assert answer["text"].startswith("Je bent nog geen lid van deze intervisiegroep")
    assert await bot.db_one("SELECT COUNT(*) FROM members WHERE user_id = ?",
                            CATO.user_id) == (0,)


async def test_the_roster_s_two_lists_name_the_members_in_the_same_order(
        bot: InProcessBot) -> None:
    """The admin review: the turns were listed by turn and the finished cycles in another
    order, so the admin compared two lists of the same people line by line."""
    await to_the_talk(bot)  # Bram had a turn: Cato comes first now
    [roster] = await bot.answers(command(bot.app.bot, ANNA, "/roster"))
    turns = [line.split(". ", 1)[1].split(" ·")[0] for line in roster.splitlines()
             if "× aan de beurt" in line]
    done = [line[2:].split(":")[0] for line in roster.splitlines() if line.startswith("• ")]
    assert turns[0] == "Cato" and done == turns, roster
