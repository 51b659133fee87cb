"""A person's private chat with the bot: words written there get a pointer (once in a while,
not a chat), a coach's /help says what coaching brings and for which groups, and an admin
unlinks a coach by the start of any word of the coach's name."""
from __future__ import annotations

import json
import re

from tests.handlers.in_process import InProcessBot, set_up, started_bot
from tests.handlers.updates import ANNA, CATO, GROUP, GROUP_TITLE, Person, command, message, video

COACH = Person(20, "Coach Carla")


async def test_words_in_the_private_chat_get_a_pointer_to_the_group_and_help_once(
        bot: InProcessBot) -> None:
    await bot.tg.start_private_chat(CATO.user_id)
    since = await bot.tg.mark()
    for words in ("Ik snap het niet helemaal", "Hallo?"):
        await bot.handle(message(bot.app.bot, CATO, words, chat_id=CATO.user_id))
    said = await bot.said(CATO.user_id, since=since)
    assert len(said) == 1  # a pointer, then quiet: this is no conversation
    assert "in de groep" in said[0] and "/help" in said[0]


async def test_a_clip_or_a_group_command_in_the_private_chat_is_pointed_to_the_group(
        bot: InProcessBot) -> None:
    await bot.tg.start_private_chat(CATO.user_id)
    since = await bot.tg.mark()
    await bot.handle(video(bot.app.bot, CATO, "Hoe begin ik rustiger?", chat_id=CATO.user_id))
    for typed in ("/pause 0:03", "/next", "/next@intervision_test_bot"):
        await bot.handle(command(bot.app.bot, CATO, typed, chat_id=CATO.user_id))
    said = await bot.said(CATO.user_id, since=since)
    assert len(said) == 3  # each kind of thing answered once: a pointer, not a chat
    assert "stuur je clip in de chat van je intervisiegroep" in said[0]
    assert said[1].startswith("/pause werkt in de chat van je intervisiegroep, niet hier")
    assert said[2].startswith("/next werkt in de chat van je intervisiegroep")


async def _linked_coach(bot: InProcessBot) -> None:
    await bot.tg.add_user(COACH.user_id, COACH.first_name)
    await started_bot(bot, ANNA)
    await set_up(bot, ANNA)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/coach"))
    [invite] = [s for s in await bot.said(ANNA.user_id, since=since) if "start=coach_" in s]
    token = re.search(r"start=(coach_[\w-]+)", invite)
    assert token is not None
    await bot.tg.start_private_chat(COACH.user_id)
    await bot.handle(command(bot.app.bot, COACH, f"/start {token.group(1)}",
                             chat_id=COACH.user_id))


async def test_a_coach_hears_at_help_what_coaching_brings_and_for_which_group(
        bot: InProcessBot) -> None:
    await _linked_coach(bot)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, COACH, "/help", chat_id=COACH.user_id))
    [help_text] = await bot.said(COACH.user_id, since=since)
    assert f"Je bent coach van {GROUP_TITLE}" in help_text and "/join" not in help_text


async def test_an_admin_unlinks_a_coach_by_the_start_of_a_word_of_the_name(
        bot: InProcessBot) -> None:
    await _linked_coach(bot)
    await bot.handle(command(bot.app.bot, ANNA, "/coach remove carla"))
    assert await bot.db_one("SELECT COUNT(*) FROM coaches") == (0,)


async def test_a_coachs_own_export_holds_the_groups_they_coach(bot: InProcessBot) -> None:
    """"Alles wat ik over je bewaar" had "groups": [] and no word of the coach's links."""
    await _linked_coach(bot)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, COACH, "/export", chat_id=COACH.user_id))
    views = [v for v in await bot.tg.bot_messages(COACH.user_id, since=since)
             if v["media"] == "document"]
    [own] = [v for v in views
             if v["message"]["document"]["file_name"] == "intervision-export.json"]
    [link] = json.loads(await bot.tg.download(own["file_id"]))["coach_of"]
    assert link["group"]["title"] == GROUP_TITLE and link["name"] == COACH.first_name
    assert link["linked_at"]
    # Its caption says what a coach's data is, not a member's (the second UX review).
    assert "van welke groepen je coach bent" in own["text"] and "inbrenger" not in own["text"]


async def test_forget_in_the_group_points_to_the_private_chat_and_asks_nothing_there(
        bot: InProcessBot) -> None:
    await set_up(bot, CATO)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, CATO, "/forget"))
    views = await bot.tg.bot_messages(GROUP, since=since)
    assert [v["text"] for v in views if "privégesprek" in (v["text"] or "")], views
    assert not any(v["message"].get("reply_markup") for v in views)  # no "erase?" buttons


async def test_a_dutch_or_mistyped_command_in_the_private_chat_hears_the_one_it_meant(
        bot: InProcessBot) -> None:
    """Review ux23: "/vergeet" in the private chat was pointed to the group as words."""
    await bot.tg.start_private_chat(CATO.user_id)
    [said] = await bot.answers(command(bot.app.bot, CATO, "/vergeet", chat_id=CATO.user_id),
                               chat_id=CATO.user_id)
    assert said.startswith("/vergeet ken ik niet. Bedoel je /forget?"), said
