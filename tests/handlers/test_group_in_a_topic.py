"""A group that lives in a forum topic hears its cycle there: the announcement, the prompts and
what comes of a still asked for all go to the group's own topic, never to the chat's General
topic, where another team talks (bot/engine/effects.py: every message to the group carries
its thread)."""
from __future__ import annotations

from telegram import Update

from bot.engine.services import services_of
from tests.handlers.in_process import InProcessBot
from tests.handlers.updates import ANNA, BRAM, CATO, command, message

FORUM = -1001000000081


async def _team_a_set_up(bot: InProcessBot) -> int:
    """A forum whose topic "Team A" is a group that Bram and Cato joined; the topic's id."""
    await bot.tg.add_group(FORUM, "Lerarenkamer", forum=True, admins=[ANNA.user_id],
                           members=[BRAM.user_id, CATO.user_id])
    team = await bot.tg.add_topic(FORUM, "Team A", created_by=ANNA.user_id)
    await bot.handle(command(bot.app.bot, ANNA, "/setup", chat_id=FORUM, thread=team))
    row = await bot.db_one("SELECT id FROM groups WHERE chat_id = ?", FORUM)
    assert row is not None
    for person in (BRAM, CATO):
        await bot.handle(command(bot.app.bot, person, "/join", chat_id=FORUM, thread=team))
        await bot.press(person, f"agree:{row[0]}", chat_id=FORUM)
    return team


async def test_a_cycle_in_a_topic_is_announced_and_answered_in_that_topic(
        bot: InProcessBot) -> None:
    team = await _team_a_set_up(bot)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/cycle Bram", chat_id=FORUM, thread=team))
    announced = await bot.tg.bot_messages(FORUM, since=since)
    assert announced and "Bram" in (announced[0]["text"] or ""), announced
    assert {m["thread_id"] for m in announced} == {team}


async def test_setup_in_a_forums_general_topic_says_the_whole_chat_became_one_group(
        bot: InProcessBot) -> None:
    """The admin review: /setup sent in the General topic quietly made the whole forum one
    group, where the admin meant a group per topic."""
    await bot.tg.add_group(FORUM, "Lerarenkamer", forum=True, admins=[ANNA.user_id])
    data = command(bot.app.bot, ANNA, "/setup", chat_id=FORUM).to_dict()
    data["message"]["chat"]["is_forum"] = True
    since = await bot.tg.mark()
    await bot.handle(Update.de_json(data, bot.app.bot))
    said = await bot.said(FORUM, since=since)
    assert any(s.startswith("ℹ️ Dit is het algemene onderwerp van het forum") for s in said)
    team = await bot.tg.add_topic(FORUM, "Team A", created_by=ANNA.user_id)
    data = command(bot.app.bot, ANNA, "/setup", chat_id=FORUM, thread=team).to_dict()
    data["message"]["chat"]["is_forum"] = True
    since = await bot.tg.mark()
    await bot.handle(Update.de_json(data, bot.app.bot))
    assert not any("algemene onderwerp" in s for s in await bot.said(FORUM, since=since))


async def test_talk_in_another_topic_is_pointed_to_the_groups_topic_once(
        bot: InProcessBot) -> None:
    """Review ux21: Cato's question in General while her group talked in its topic was lost
    without a word (a clip or a command there is pointed on)."""
    team = await _team_a_set_up(bot)
    await bot.handle(command(bot.app.bot, ANNA, "/cycle Bram", chat_id=FORUM, thread=team))
    since = await bot.tg.mark()
    await bot.handle(message(bot.app.bot, CATO, "Wat wilde je bereiken met die opdracht?",
                             chat_id=FORUM))  # General: the talk has not begun, no word
    assert await bot.said(FORUM, since=since) == []
    async with services_of(bot.app).db.transaction() as tx:
        await tx.execute("UPDATE cycles SET phase = 'reality'")
    for words in ("Wat wilde je bereiken met die opdracht?", "En wat deed je daarna precies?"):
        await bot.handle(message(bot.app.bot, CATO, words, chat_id=FORUM))
    said = await bot.said(FORUM, since=since)
    assert said == [("Cato, het gesprek van je groep Intervisie 3B loopt in een eigen "
                     "onderwerp. Zeg het daar, dan telt het mee; hier leest de groep het niet "
                     "als deel van het gesprek.")], said
