"""The bot taken out of the chat: whoever removed it hears privately that adding it back within
a few minutes lets everything go on (bot/engine/removal.py); added back in time, the cycle goes
on where it was (review ux21: removed by mistake mid-talk and added back a minute later, the
cycle had stopped for good). When the grace runs out, they hear what stopped, and only what was
there (a group without a cycle or a schedule has no "running cycle" to stop)."""
from __future__ import annotations

from tests.handlers.in_process import InProcessBot, removal_grace_over, set_up, started_bot
from tests.handlers.talk import announced, clip_shown, in_reality_step
from tests.handlers.updates import (
    ANNA,
    BRAM,
    CATO,
    GROUP,
    bot_added,
    bot_demoted,
    command,
    message,
)


async def _removed(bot: InProcessBot) -> list[str]:
    """Taken out, and not added back in time: what the remover hears then."""
    await bot.handle(bot_added(bot.app.bot, ANNA, removed=True))
    since = await bot.tg.mark()
    await removal_grace_over(bot)
    return await bot.said(ANNA.user_id, since=since)


async def _anna_started_the_bot(bot: InProcessBot) -> None:
    await started_bot(bot, ANNA)


async def test_a_group_without_a_cycle_or_schedule_is_not_told_they_stopped(
        bot: InProcessBot) -> None:
    """In a supergroup whose topics are groups, each is told of its end: before, a topic
    just set up was told that its "running cycle" had stopped and its meetings were off."""
    await _anna_started_the_bot(bot)
    await set_up(bot, BRAM)
    [said] = await _removed(bot)
    assert said.startswith("De bot is uit de groep Intervisie 3B gehaald. Wat al is opgeslagen")
    assert "cyclus" not in said and "bijeenkomsten" not in said
    assert said.endswith("Voeg de bot opnieuw toe en stuur /setup.")


async def test_a_running_cycle_and_a_schedule_are_said_to_stop(bot: InProcessBot) -> None:
    await _anna_started_the_bot(bot)
    await announced(bot)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/schedule do 15:00 wekelijks"))
    [asked] = [m for m in await bot.tg.bot_messages(GROUP, since=since)
               if m["message"].get("reply_markup")]
    yes = next(b["callback_data"] for row in asked["message"]["reply_markup"]["inline_keyboard"]
               for b in row if ":yes:" in b["callback_data"])
    await bot.press(ANNA, yes)
    [said] = await _removed(bot)
    assert ("gehaald. De lopende cyclus is gestopt. De geplande bijeenkomsten zijn geschrapt. "
            "Wat al is opgeslagen") in said


async def test_added_again_the_bot_says_it_is_back_and_what_was_kept(bot: InProcessBot) -> None:
    """Not the greeting of a new chat ("an admin starts with /setup, members /join"), and not
    silence either (the check that keeps a supergroup upgrade from being greeted had made it
    silent): the group hears what was kept and what to set again."""
    await set_up(bot, BRAM)
    await _removed(bot)
    back = await bot.answers(bot_added(bot.app.bot, ANNA))
    assert len(back) == 1 and back[0].startswith("👋 Ik ben terug. Van Intervisie 3B"), back
    assert "/schedule" in back[0] and "/join" not in back[0]
    assert await bot.answers(bot_added(bot.app.bot, ANNA)) == []  # said once, not at every join


async def test_added_again_the_bot_names_the_cycle_its_removal_stopped(bot: InProcessBot) -> None:
    """Found by a review: taken out by mistake and added back, the group read that members,
    cycles and settings were kept, while Bram's running cycle had stopped (only the admin who
    removed it had heard so): his /next got "no cycle runs"."""
    await announced(bot)
    await _removed(bot)
    [back] = await bot.answers(bot_added(bot.app.bot, ANNA))
    assert back.startswith("👋 Ik ben terug.")
    assert "De cyclus van Bram stopte toen ik uit de groep werd gehaald" in back
    assert "/cycle Bram" in back


async def test_a_cycle_stopped_before_the_removal_is_not_named(bot: InProcessBot) -> None:
    await announced(bot)
    await bot.handle(command(bot.app.bot, ANNA, "/cancel"))
    await _removed(bot)
    [back] = await bot.answers(bot_added(bot.app.bot, ANNA))
    assert "stopte" not in back


async def test_a_turn_the_removal_stopped_is_given_back(bot: InProcessBot) -> None:
    """A review: removed while the group watched Bram's clip and added back, the group read
    "start it again with /cycle Bram" while /status named Anna next, since Bram's turn had
    counted when his clip was shown."""
    await announced(bot)
    await clip_shown(bot)
    assert await bot.db_one("SELECT turns FROM members WHERE user_id = ?", BRAM.user_id) == (1,)
    await _removed(bot)
    await bot.answers(bot_added(bot.app.bot, ANNA))
    assert await bot.db_one("SELECT turns, last_turn_at FROM members WHERE user_id = ?",
                            BRAM.user_id) == (0, None)
    [status] = await bot.answers(command(bot.app.bot, CATO, "/status"))
    assert "Bram" in status


async def test_added_back_in_time_the_talk_goes_on_where_it_was(bot: InProcessBot) -> None:
    await _anna_started_the_bot(bot)
    await in_reality_step(bot, "see")
    since = await bot.tg.mark()
    await bot.handle(bot_added(bot.app.bot, ANNA, removed=True))
    [grace] = await bot.said(ANNA.user_id, since=since)
    assert grace.startswith("Je haalde me uit Intervisie 3B. Per ongeluk? Voeg me binnen 10 "
                            "minuten weer toe"), grace
    assert await bot.db_one("SELECT phase FROM cycles") == ("reality",)  # nothing stopped yet
    [back] = await bot.answers(bot_added(bot.app.bot, ANNA))
    assert back.startswith("👋 Ik ben terug, en alles gaat verder waar het was. Wat jullie "
                           "schreven toen ik weg was, heb ik niet gelezen"), back
    assert await bot.db_one("SELECT phase FROM cycles") == ("reality",)
    assert await bot.db_all("SELECT name FROM timers WHERE fired_at IS NULL "
                            "AND name = 'bot_removed'") == []
    [status] = await bot.answers(command(bot.app.bot, CATO, "/status"))
    assert "realiteit" in status.lower(), status


async def test_added_back_as_a_plain_member_under_privacy_mode_it_says_it_cannot_read(
        bot: InProcessBot) -> None:
    """Review ux23: Telegram adds a bot back as a plain member; with privacy mode on it then
    read nothing of the talk while it had said "alles gaat verder", and being made an admin
    again was not told either."""
    await bot.tg.set_privacy_mode(True)
    await bot.tg.set_bot_admin(GROUP, True)
    await _anna_started_the_bot(bot)
    await in_reality_step(bot, "see")
    await bot.handle(bot_added(bot.app.bot, ANNA, removed=True))
    await bot.tg.set_bot_admin(GROUP, False)  # back as a plain member
    said = await bot.answers(bot_added(bot.app.bot, ANNA))
    assert said[0].startswith("👋 Ik ben terug") and "alleen commando's lezen" in said[1], said
    await bot.tg.set_bot_admin(GROUP, True)
    [admin] = await bot.answers(bot_demoted(bot.app.bot, ANNA, promoted=True))
    assert "De cyclus loopt gewoon door" in admin, admin


async def test_private_words_during_the_grace_hear_the_bot_is_out(bot: InProcessBot) -> None:
    """Review ux23: "Oeps, ik heb de bot verwijderd, wat nu?" heard "Zeg dit in de groep"."""
    await _anna_started_the_bot(bot)
    await in_reality_step(bot, "see")
    await bot.tg.start_private_chat(CATO.user_id)
    await bot.handle(bot_added(bot.app.bot, ANNA, removed=True))
    [said] = await bot.answers(message(bot.app.bot, CATO, "Is de bot weg uit onze groep?",
                                       chat_id=CATO.user_id), chat_id=CATO.user_id)
    assert said.startswith("Ik ben uit Intervisie 3B gehaald. Een beheerder kan me"), said
