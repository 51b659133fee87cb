"""A word meant for one member's private chat, when that chat is impossible (they blocked the
bot): it reaches them in the group instead, without the line that names the group, which only
makes sense in a private chat."""
from __future__ import annotations

from datetime import timedelta

from bot.engine import jobs
from bot.engine.sender import Sender
from bot.engine.services import services_of
from storage import timers
from tests.handlers.in_process import InProcessBot, started_bot
from tests.handlers.talk import announced, to_the_talk
from tests.handlers.updates import ANNA, BRAM, CATO, GROUP, GROUP_TITLE, arrived, command, message


async def test_a_member_who_blocked_the_bot_is_nudged_in_the_group_without_naming_it(
        bot: InProcessBot) -> None:
    await to_the_talk(bot)
    await started_bot(bot, CATO)
    await bot.tg.block_bot(CATO.user_id)
    since = await bot.tg.mark()
    # Through the fake Telegram, so that the message a reply points at exists there.
    tip = await bot.tg.send_text(CATO.user_id, GROUP, "Je zou meer wachttijd kunnen geven.")
    await bot.handle(arrived(bot.app.bot, tip))
    (nudge,) = [m for m in await bot.tg.bot_messages(GROUP, since=since)
                if "wachttijd" in (m["text"] or "")]
    assert not (nudge["text"] or "").startswith("Over "), nudge  # it read "Over <group>:"
    # Nor how often a nudge comes: the whole group reads it there (UX review 10, #13).
    assert "hooguit eens per" not in (nudge["text"] or ""), nudge
    assert nudge["reply_to"] == tip["message_id"]  # which of her messages it is about
    assert await bot.said(CATO.user_id, since=since) == []


async def test_a_member_who_started_the_bot_is_nudged_privately_and_told_which_group(
        bot: InProcessBot) -> None:
    """A member may be in several groups: the private nudge opens by naming this one."""
    await to_the_talk(bot)
    await started_bot(bot, CATO)
    since = await bot.tg.mark()
    await bot.handle(message(bot.app.bot, CATO, "Je zou meer wachttijd kunnen geven."))
    (nudge,) = [said for said in await bot.said(CATO.user_id, since=since) if "wachttijd" in said]
    assert nudge.startswith(f"Over {GROUP_TITLE}"), nudge
    assert nudge.endswith("Zo'n duwtje krijg je hooguit eens per 10 minuten, ook als er meer "
                          "volgt."), nudge
    assert not [said for said in await bot.said(since=since) if "wachttijd" in said]
    # Counted for the coach summary's "nudges given".
    assert await bot.db_one("SELECT COUNT(*) FROM nudges WHERE user_id = ?",
                            CATO.user_id) == (1,)


async def test_a_cycle_started_by_hand_asks_for_the_clip_a_day_later_in_the_group_if_need_be(
        bot: InProcessBot) -> None:
    """No meeting, so no meeting's reminders: the cycle's own reminder comes a day after the
    announcement. Bram blocked the bot, so it comes in the group (it used to be dropped)."""
    await announced(bot)  # Anna: /cycle Bram
    await started_bot(bot, BRAM)
    await bot.tg.block_bot(BRAM.user_id)
    svc = services_of(bot.app)
    async with svc.db.reading() as tx:
        (reminder,) = [t for t in await timers.pending(tx) if t.event == "clip_reminder"]
    assert abs(reminder.due_at - (svc.now() + timedelta(days=1))) < timedelta(minutes=1)
    svc.clock = lambda: reminder.due_at
    since = await bot.tg.mark()
    await jobs.fire(bot.app, reminder)
    assert isinstance(svc.sender, Sender)
    await svc.sender.idle()
    (said,) = await bot.said(since=since)
    assert said.startswith("Herinnering, Bram: je bent inbrenger"), said


async def test_a_tip_written_in_english_in_a_dutch_group_is_nudged_in_english(
        bot: InProcessBot) -> None:
    """A member who writes English reads the nudge about it in English (the cue quotes their
    words), privately and, where the private chat is impossible, in the group."""
    await to_the_talk(bot)
    await started_bot(bot, CATO)
    since = await bot.tg.mark()
    await bot.handle(message(bot.app.bot, CATO, "You could give them more wait time."))
    (nudge,) = [said for said in await bot.said(CATO.user_id, since=since) if "wait" in said]
    assert "I read a tip here" in nudge, nudge


async def test_a_group_that_chose_nudges_in_the_group_hears_an_english_tip_nudged_in_english(
        bot: InProcessBot) -> None:
    """`/settings bezorging groep`: the nudge is a reply in the group, in the writer's language
    as a private one would be (the group's Dutch would quote English words in Dutch)."""
    await to_the_talk(bot)
    await bot.handle(command(bot.app.bot, ANNA, "/settings bezorging groep"))
    since = await bot.tg.mark()
    tip = await bot.tg.send_text(CATO.user_id, GROUP, "You could give them more wait time.")
    await bot.handle(arrived(bot.app.bot, tip))
    (nudge,) = [m for m in await bot.tg.bot_messages(GROUP, since=since)
                if "wait" in (m["text"] or "")]
    assert "I read a tip here" in (nudge["text"] or ""), nudge
    assert "at most once every" not in (nudge["text"] or ""), nudge  # for nobody in the group
    assert nudge["reply_to"] == tip["message_id"]
