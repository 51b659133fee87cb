"""The bot's own place in a chat (bot/handlers/bot_status.py). A member who blocked the bot
after starting it: what was meant for their private chat comes to the group as a reply,
without the line that names the group (they are in it). A bot made a plain member where it
then cannot read the talk: the group hears it."""
from __future__ import annotations

from datetime import UTC, datetime

from telegram import Update

from bot.engine.services import services_of
from tests.handlers.in_process import InProcessBot, set_up, set_up_agreed, started_bot
from tests.handlers.talk import to_the_talk
from tests.handlers.updates import (
    ANNA,
    BRAM,
    CATO,
    GROUP,
    bot_added,
    bot_blocked,
    bot_demoted,
    command,
    message,
)

TIP = "Je zou meer wachttijd kunnen geven."


async def _cato_started_the_bot(bot: InProcessBot) -> None:
    await started_bot(bot, CATO)


async def test_a_member_who_blocked_the_bot_gets_the_nudge_in_the_group_without_a_header(
        bot: InProcessBot) -> None:
    await _cato_started_the_bot(bot)
    await to_the_talk(bot)
    await bot.tg.block_bot(CATO.user_id)
    await bot.handle(bot_blocked(bot.app.bot, CATO))
    assert await bot.db_one("SELECT started_private FROM users WHERE user_id = ?",
                            CATO.user_id) == (0,)
    since = await bot.tg.mark()
    await bot.handle(message(bot.app.bot, CATO, TIP))
    nudges = [v for v in await bot.tg.bot_messages(GROUP, since=since) if "tip" in v["text"]]
    assert len(nudges) == 1, nudges
    assert not nudges[0]["text"].startswith("Over ")
    assert await bot.said(CATO.user_id, since=since) == []
    await bot.handle(bot_blocked(bot.app.bot, CATO, blocked=False))  # unblocked: private again
    assert await bot.db_one("SELECT started_private FROM users WHERE user_id = ?",
                            CATO.user_id) == (1,)


async def test_a_private_nudge_refused_by_telegram_falls_back_without_the_header(
        bot: InProcessBot) -> None:
    """Blocked while the bot did not hear of it (the update lost, or blocked long ago): the
    private nudge is refused and its fallback goes to the group, naming no group."""
    await _cato_started_the_bot(bot)
    await to_the_talk(bot)
    await bot.tg.block_bot(CATO.user_id)  # the bot is not told
    since = await bot.tg.mark()
    await bot.handle(message(bot.app.bot, CATO, TIP))
    nudges = [v for v in await bot.tg.bot_messages(GROUP, since=since) if "tip" in v["text"]]
    assert len(nudges) == 1, nudges
    assert not nudges[0]["text"].startswith("Over ")


async def test_the_group_hears_when_the_bot_can_no_longer_read_the_talk(
        bot: InProcessBot) -> None:
    """With privacy mode on, the bot reads the talk only as an admin. An admin who took that
    away mid-cycle left the group talking to a bot that heard nothing: no contribution stored,
    no nudge, an empty summary, and nobody told."""
    await bot.tg.set_privacy_mode(True)
    await bot.tg.set_bot_admin(GROUP, True)
    await to_the_talk(bot)
    await bot.tg.set_bot_admin(GROUP, False)
    since = await bot.tg.mark()
    await bot.handle(bot_demoted(bot.app.bot, ANNA))
    said = await bot.said(GROUP, since=since)
    assert len(said) == 1 and "alleen commando's lezen" in said[0], said
    await bot.tg.set_bot_admin(GROUP, True)  # an admin again: nothing to say
    await bot.handle(bot_demoted(bot.app.bot, ANNA))  # (the fake says it can read now)
    assert len(await bot.said(GROUP, since=since)) == 1
    # Made an admin again mid-cycle: the cycle goes on, and what was said meanwhile was not
    # read (review ux21: "a cycle begins with /cycle", as if none ran).
    await bot.tg.set_bot_admin(GROUP, False)
    await bot.handle(bot_demoted(bot.app.bot, ANNA))
    await bot.tg.set_bot_admin(GROUP, True)
    since = await bot.tg.mark()
    await bot.handle(bot_demoted(bot.app.bot, ANNA, promoted=True))
    [back] = await bot.said(GROUP, since=since)
    assert "heb ik niet gelezen: zeg het gerust nog eens" in back and "/cycle" not in back, back


async def test_a_group_the_bot_cannot_read_starts_no_cycle_until_it_is_made_admin(
        bot: InProcessBot) -> None:
    """The admin review: with privacy mode on and the bot a plain member, /setup warned once,
    then /cycle asked Bram for a clip the bot never saw; the clip and "Hallo? Ik heb mijn clip
    gestuurd" met silence, and /status kept saying it waited for the clip."""
    await bot.tg.set_privacy_mode(True)
    await set_up_agreed(bot, BRAM, CATO)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/cycle Bram"))
    [refused] = await bot.said(GROUP, since=since)
    assert refused.startswith("⚠️ Ik kan in deze groep alleen commando's lezen, dus ik zie geen "
                              "clip en geen gesprek: een cyclus begint daarom nog niet.")
    assert await bot.db_all("SELECT id FROM cycles") == []
    await bot.tg.set_bot_admin(GROUP, True)
    since = await bot.tg.mark()
    await bot.handle(bot_demoted(bot.app.bot, ANNA, promoted=True))
    assert (await bot.said(GROUP, since=since))[0].startswith(
        "✅ Nu ik beheerder ben, lees ik jullie gesprek en zie ik de clip.")
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/cycle Bram"))
    assert len(await bot.db_all("SELECT id FROM cycles")) == 1, await bot.said(GROUP, since=since)


async def test_making_the_bot_admin_where_it_could_read_says_nothing(bot: InProcessBot) -> None:
    await set_up(bot, BRAM, CATO)
    since = await bot.tg.mark()
    await bot.handle(bot_demoted(bot.app.bot, ANNA, promoted=True))
    assert await bot.said(GROUP, since=since) == []


async def test_the_first_hello_names_forum_topics_only_in_a_forum(bot: InProcessBot) -> None:
    """The admin review: the hello in a plain group spoke of "een onderwerp in een forum",
    jargon for most admins; in a forum it is what they need to know."""
    since = await bot.tg.mark()
    await bot.handle(bot_added(bot.app.bot, ANNA))
    [plain] = await bot.said(GROUP, since=since)
    assert "forum" not in plain and "/setup" in plain


async def test_the_first_hello_in_a_forum_says_each_topic_can_be_a_group(
        bot: InProcessBot) -> None:
    data = bot_added(bot.app.bot, ANNA).to_dict()
    data["my_chat_member"]["chat"]["is_forum"] = True
    since = await bot.tg.mark()
    await bot.handle(Update.de_json(data, bot.app.bot))
    [said] = await bot.said(GROUP, since=since)
    assert "Elk onderwerp van dit forum kan een eigen intervisiegroep zijn" in said


async def test_a_meeting_refused_while_the_bot_could_not_read_is_announced_once_it_can(
        bot: InProcessBot) -> None:
    """Review ux15: the schedule's question promised to ask Anna for her clip at once; the
    announcement was refused (the bot could not read the group), and after the bot was made
    an admin nothing came until the meeting itself."""
    now = [datetime(2026, 12, 7, 23, 30, tzinfo=UTC)]  # Tuesday 00:30 in Amsterdam
    services_of(bot.app).clock = lambda: now[0]
    await bot.tg.set_privacy_mode(True)
    await set_up_agreed(bot, BRAM, CATO)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/schedule di 15:30"))
    saved = await bot.tg.wait_for(lambda v: "Opslaan" in str(v["message"].get("reply_markup")),
                                  chat_id=GROUP, since=since)
    yes = next(b["callback_data"] for row in saved["message"]["reply_markup"]["inline_keyboard"]
               for b in row if "Opslaan" in b["text"])
    await bot.press(ANNA, yes)
    assert await bot.db_all("SELECT id FROM cycles") == []  # refused: it could not read
    await bot.tg.set_bot_admin(GROUP, True)
    since = await bot.tg.mark()
    await bot.handle(bot_demoted(bot.app.bot, ANNA, promoted=True))
    said = await bot.said(GROUP, since=since)
    assert said[0].startswith("✅ Nu ik beheerder ben")
    assert any("aan de beurt als inbrenger" in s for s in said[1:]), said
    assert len(await bot.db_all("SELECT id FROM cycles")) == 1


async def test_status_in_a_group_the_bot_cannot_read_says_so(bot: InProcessBot) -> None:
    """Review ux15: /status there pointed to /cycle ("Eerder beginnen kan ook ...") and said
    nothing of why the bot saw no clip and no talk."""
    await bot.tg.set_privacy_mode(True)
    await set_up_agreed(bot, BRAM, CATO)
    said = await bot.answers(command(bot.app.bot, ANNA, "/status"))
    assert said[-1].startswith("⚠️ Ik kan nu alleen commando's lezen"), said
    await bot.tg.set_bot_admin(GROUP, True)
    await bot.handle(bot_demoted(bot.app.bot, ANNA, promoted=True))
    said = await bot.answers(command(bot.app.bot, BRAM, "/status"))
    assert not any("alleen commando's" in s for s in said), said
