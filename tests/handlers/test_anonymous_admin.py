"""An admin who posts as the group itself (Telegram names nobody then) may configure the group
(README): the read-only forms of /settings, /schedule and /coach list answer them as an
admin too, where they were told to "write as yourself" (found by a review). A coach invite
must go to someone the bot can write to privately, so /coach asks them to send it under their
own name, and makes no invite nobody could receive."""
from __future__ import annotations

from tests.handlers.in_process import InProcessBot, set_up, set_up_agreed
from tests.handlers.updates import ANNA, BRAM, CATO, command

WRITE_AS_YOURSELF = "Wil je als jezelf schrijven?"


async def _said_to(bot: InProcessBot, text: str) -> list[str]:
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, text, as_group=True))
    return await bot.said(since=since)


async def test_an_anonymous_admin_sees_the_settings_the_schedule_and_the_coaches(
        bot: InProcessBot) -> None:
    await set_up(bot, BRAM)
    [settings] = await _said_to(bot, "/settings")
    assert "Instellingen" in settings and WRITE_AS_YOURSELF not in settings
    [schedule] = await _said_to(bot, "/schedule")
    assert "geen vast ritme" in schedule, schedule
    [coaches] = await _said_to(bot, "/coach list")
    assert "nog geen coach" in coaches, coaches


async def test_an_anonymous_admin_asking_a_coach_invite_is_asked_to_use_their_own_name(
        bot: InProcessBot) -> None:
    await set_up(bot, BRAM)
    [answer] = await _said_to(bot, "/coach")
    assert "onder je eigen naam" in answer and "privégesprek" not in answer, answer
    assert await bot.db_all("SELECT token FROM coach_invites") == []


async def test_an_anonymous_admin_stops_the_cycle_they_may_start(bot: InProcessBot) -> None:
    await set_up_agreed(bot, BRAM, CATO)
    await _said_to(bot, "/cycle Bram")
    assert await bot.db_one("SELECT phase FROM cycles") == ("announced",)
    said = await _said_to(bot, "/cancel")
    assert await bot.db_one("SELECT phase FROM cycles") == ("cancelled",)
    assert not any(WRITE_AS_YOURSELF in words for words in said)


async def test_an_anonymous_admin_who_joins_is_asked_to_use_their_own_name(
        bot: InProcessBot) -> None:
    """Joining is taking part, not configuring: Telegram's one stand-in user for every
    anonymous admin must never become a member who gets turns."""
    await set_up(bot, BRAM)
    [answer] = await _said_to(bot, "/join")
    assert WRITE_AS_YOURSELF in answer, answer
    assert await bot.db_all("SELECT user_id FROM members") == [(BRAM.user_id,)]


async def test_an_anonymous_admin_sets_the_group_up(bot: InProcessBot) -> None:
    """Only an admin can post as the group itself, so /setup from the group is an admin's."""
    [done, _choices] = await _said_to(bot, "/setup")
    assert "is ingesteld" in done, done
    assert await bot.db_one("SELECT COUNT(*) FROM groups") == (1,)


async def test_an_anonymous_admins_words_outside_a_cycle_are_just_chat(bot: InProcessBot) -> None:
    """Only in a cycle do words count, so only there is "write as yourself" worth saying."""
    await set_up(bot, BRAM)
    assert await _said_to(bot, "Volgende week geen les, denk eraan!") == []
