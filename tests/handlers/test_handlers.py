"""What a user notices of the handlers, in process: the real Application and the fake Bot
API, an update in, the bot's messages and button answers out (tests/handlers/conftest.py)."""
from __future__ import annotations

import pytest

from tests.handlers.in_process import InProcessBot, set_up
from tests.handlers.talk import to_the_talk
from tests.handlers.updates import (
    ANNA,
    BRAM,
    CATO,
    GROUP,
    STRANGER,
    Person,
    bot_added,
    command,
    member_left,
)

NOT_SET_UP = "nog geen intervisiegroep"
ELSEWHERE = -1009900000001


async def test_commands_in_a_chat_that_is_not_set_up_get_one_answer(bot: InProcessBot) -> None:
    await bot.tg.add_group(ELSEWHERE, "Niet ingesteld", supergroup=True,
                           admins=[STRANGER.user_id])
    for words in ("/status", "/roster", "/join", "/next", "/status", "/skip"):
        await bot.handle(command(bot.app.bot, STRANGER, words, chat_id=ELSEWHERE))
    said = await bot.said(ELSEWHERE)
    assert len(said) == 1 and NOT_SET_UP in said[0]


async def test_a_command_right_after_the_setup_is_answered_though_not_set_up_was_just_said(
        bot: InProcessBot) -> None:
    """"Not set up" is said once in five minutes; once an admin set the group up, a member
    who tried a moment before is answered (they were ignored for those minutes)."""
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, BRAM, "/join"))
    [told] = await bot.said(since=since)
    assert NOT_SET_UP in told
    await bot.handle(command(bot.app.bot, ANNA, "/setup"))
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, BRAM, "/join"))
    assert await bot.said(since=since), "Bram's /join after the setup went unanswered"
    assert await bot.db_one("SELECT COUNT(*) FROM members WHERE user_id = ?",
                            BRAM.user_id) == (1,)


@pytest.mark.parametrize("data", [
    "cy:²:next",
    "cy:999:accept",  # a cycle that does not exist
    "cy:1:launch",  # an action the bot never made
    "cy:",
    "agree:x",
    "agree:424242",  # a group that does not exist
    "forget:maybe",
    "forget:yes:3:1000",  # Cato's own, but from long ago
])
async def test_a_forged_or_old_button_is_answered_and_changes_nothing(
        bot: InProcessBot, data: str) -> None:
    await set_up(bot, BRAM, CATO)
    before = await bot.db_one("SELECT COUNT(*), COUNT(agreed_at), SUM(active) FROM members")
    since = await bot.tg.mark()
    answer = await bot.press(CATO, data)
    assert answer is not None and answer["text"], f"the press on {data!r} was not answered"
    assert answer["show_alert"]  # a refusal the person has to see
    assert await bot.said(since=since) == ["Knop"]  # the button's own message, nothing else
    assert await bot.db_one("SELECT COUNT(*), COUNT(agreed_at), SUM(active) FROM members") == before


async def test_an_edited_next_does_nothing_where_a_new_one_is_answered(
        bot: InProcessBot) -> None:
    await set_up(bot, BRAM, CATO)
    await bot.handle(command(bot.app.bot, ANNA, "/cycle Bram"))
    moves = "SELECT COUNT(*) FROM cycle_transitions"
    before = await bot.db_one(moves)
    since = await bot.tg.mark()
    sent = command(bot.app.bot, ANNA, "/next")
    assert sent.message is not None
    await bot.handle(command(bot.app.bot, ANNA, "/next ", edited=True,
                             message_id=sent.message.message_id))
    assert await bot.said(since=since) == []
    assert await bot.db_one(moves) == before
    await bot.handle(sent)  # the same words as a new message: the bot does answer
    assert len(await bot.said(since=since)) == 1


async def test_settings_with_a_300_character_time_zone_gets_a_friendly_answer(
        bot: InProcessBot) -> None:
    await set_up(bot)
    since = await bot.tg.mark()
    zone = "Europe/" + "x" * 300
    await bot.handle(command(bot.app.bot, ANNA, f"/settings timezone {zone}"))
    said = await bot.said(since=since)
    assert len(said) == 1 and "ken ik niet" in said[0]
    assert await bot.db_one("SELECT COUNT(*) FROM groups WHERE settings LIKE ?",
                            f"%{zone}%") == (0,)


async def test_skip_then_skip_off_and_saying_it_twice_changes_nothing(
        bot: InProcessBot) -> None:
    await set_up(bot, BRAM, CATO)
    skipping = "SELECT skip_next FROM members WHERE user_id = ?"
    for words, expect, state in (("/skip", "volgende beurt als inbrenger over", 1),
                                 ("/skip", "volgende beurt als inbrenger over", 1),
                                 ("/skip off", "weer gewoon mee", 0),
                                 ("/skip", "volgende beurt als inbrenger over", 1),
                                 ("/skip Uit", "weer gewoon mee", 0)):  # as a phone types it
        since = await bot.tg.mark()
        await bot.handle(command(bot.app.bot, CATO, words))
        said = await bot.said(since=since)
        assert len(said) == 1 and expect in said[0], (words, said)
        assert await bot.db_one(skipping, CATO.user_id) == (state,)


async def test_skip_from_someone_who_did_not_join_is_refused(bot: InProcessBot) -> None:
    await set_up(bot, BRAM)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, CATO, "/skip"))
    said = await bot.said(since=since)
    assert len(said) == 1 and "/join" in said[0]
    assert await bot.db_one("SELECT COUNT(*) FROM members WHERE user_id = ?",
                            CATO.user_id) == (0,)


async def test_the_group_is_set_up_once_by_its_admin_only(bot: InProcessBot) -> None:
    await bot.handle(command(bot.app.bot, BRAM, "/setup"))
    await bot.handle(command(bot.app.bot, ANNA, "/setup"))
    await bot.handle(command(bot.app.bot, ANNA, "/setup"))
    said = await bot.said(GROUP)
    assert "Alleen een beheerder" in said[0]
    assert "is ingesteld" in said[1] and "Europe/Amsterdam" in said[2]  # + the choices
    assert len(said) == 4 and "al ingesteld" in said[3]
    assert await bot.db_one("SELECT COUNT(*) FROM groups") == (1,)


async def test_an_admin_whose_telegram_speaks_british_english_sets_up_in_english(
        bot: InProcessBot) -> None:
    """Telegram's language_code is a tag such as "en-GB", not always plain "en"."""
    await bot.handle(command(bot.app.bot, Person(ANNA.user_id, "Anna", "en-GB"), "/setup"))
    assert "is set up" in (await bot.said(GROUP))[0]
    assert await bot.db_one("SELECT json_extract(settings, '$.language') FROM groups") \
        == ("en",)


async def test_group_commands_in_a_private_chat_are_explained(bot: InProcessBot) -> None:
    """The e2e test of the private /start promised this in its name and never checked it."""
    await bot.tg.start_private_chat(CATO.user_id)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, CATO, "/setup", chat_id=CATO.user_id))
    await bot.handle(command(bot.app.bot, CATO, "/help", chat_id=CATO.user_id))
    said = await bot.said(CATO.user_id, since=since)
    assert len(said) == 2 and "in de groep" in said[0] and "/join" in said[1]


async def test_a_members_private_help_names_their_group_instead_of_join(
        bot: InProcessBot) -> None:
    """A review of a school term: Bram, a member for months, read "daar doe je mee met /join"."""
    await set_up(bot, CATO)
    await bot.tg.start_private_chat(CATO.user_id)
    [said] = await bot.answers(command(bot.app.bot, CATO, "/help", chat_id=CATO.user_id),
                               chat_id=CATO.user_id)
    assert "je doet mee in Intervisie 3B" in said and "/join" not in said


@pytest.mark.parametrize("status", ["left", "kicked"])
async def test_a_chat_member_update_of_someone_leaving_takes_them_out_of_the_group(
        bot: InProcessBot, status: str) -> None:
    """Where the bot is an admin Telegram sends chat_member updates, also in large supergroups
    that leave out the 'left the group' service message."""
    await set_up(bot, BRAM, CATO)
    await bot.handle(member_left(bot.app.bot, CATO, status=status))
    assert await bot.db_all("SELECT user_id FROM members WHERE active = 1 ORDER BY user_id") \
        == [(BRAM.user_id,)]
    await bot.handle(member_left(bot.app.bot, CATO, status=status))  # the second says nothing new


async def test_the_bot_added_to_a_group_says_what_it_is_and_how_to_begin(
        bot: InProcessBot) -> None:
    """A newcomer who adds the bot met silence; now it says what it does and that an admin
    starts with /setup, in the language of whoever added it."""
    since = await bot.tg.mark()
    await bot.handle(bot_added(bot.app.bot, ANNA))
    (said,) = await bot.said(since=since)
    assert "/setup" in said and "Doel, Realiteit, Opties en Voornemen" in said


async def test_setup_is_answered_when_telegram_fails_to_say_whether_the_bot_can_read(
        bot: InProcessBot) -> None:
    """/setup asks Telegram whether the bot reads the talk; one 502 there lost the whole
    /setup (the admin heard nothing and the group was not set up)."""
    await bot.tg.arm_error("getMe", times=1, error_code=502, description="Bad Gateway")
    await bot.handle(command(bot.app.bot, ANNA, "/setup"))
    assert "is ingesteld" in (await bot.said(GROUP))[0]
    assert await bot.db_one("SELECT COUNT(*) FROM groups") == (1,)


async def test_a_member_is_no_admin_where_telegram_refuses_to_say(bot: InProcessBot) -> None:
    """getChatMember refused outright (a 403, not a hiccup tried again): the answer is "no", so
    nobody starts a cycle on Telegram's silence."""
    await set_up(bot, BRAM, CATO)
    await bot.tg.arm_error("getChatMember", times=1, error_code=403,
                           description="Forbidden: bot is not a member of the supergroup chat")
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, BRAM, "/cycle Cato"))
    assert await bot.said(since=since) == ["Alleen een beheerder kan een cyclus starten."]
    assert await bot.db_one("SELECT COUNT(*) FROM cycles") == (0,)


async def test_the_inbrenger_stays_in_the_talk_about_their_own_clip(bot: InProcessBot) -> None:
    await to_the_talk(bot)  # Bram's clip
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, BRAM, "/leave"))
    [said] = await bot.said(since=since)
    assert "jij bent de inbrenger" in said and "/cancel" in said, said
    assert await bot.db_one("SELECT active FROM members WHERE user_id = ?",
                            BRAM.user_id) == (1,)
