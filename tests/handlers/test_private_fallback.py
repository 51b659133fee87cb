"""A word meant for one member's private chat, when that chat is impossible (they blocked the
bot): it reaches them in the group instead, without the line that names the group, which only
makes sense in a private chat."""
from __future__ import annotations

from datetime import timedelta

from bot.engine import jobs
from bot.engine.sender import Sender
from bot.engine.services import services_of
from storage import timers
from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import announced, to_the_talk
from tests.handlers.updates import BRAM, CATO, command, message


async def test_a_member_who_blocked_the_bot_is_nudged_in_the_group_without_naming_it(
        bot: InProcessBot) -> None:
    await to_the_talk(bot)
    await bot.tg.start_private_chat(CATO.user_id)
    await bot.handle(command(bot.app.bot, CATO, "/start", chat_id=CATO.user_id))
    await bot.tg.block_bot(CATO.user_id)
    since = await bot.tg.mark()
    await bot.handle(message(bot.app.bot, CATO, "Je zou meer wachttijd kunnen geven."))
    (nudge,) = [said for said in await bot.said(since=since) if "wachttijd" in said]
    assert not nudge.startswith("Over "), nudge  # it read "Over <group>:" in the group itself
    assert await bot.said(CATO.user_id, since=since) == []


async def test_a_cycle_started_by_hand_asks_for_the_clip_a_day_later_in_the_group_if_need_be(
        bot: InProcessBot) -> None:
    """No meeting, so no meeting's reminders: the cycle's own reminder comes a day after the
    announcement. Bram blocked the bot, so it comes in the group (it used to be dropped)."""
    await announced(bot)  # Anna: /cycle Bram
    await bot.tg.start_private_chat(BRAM.user_id)
    await bot.handle(command(bot.app.bot, BRAM, "/start", chat_id=BRAM.user_id))
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
