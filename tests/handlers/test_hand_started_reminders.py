"""A cycle started by hand (/cycle) in a group with a schedule: the schedule's next meeting
is where it is brought up, so its reminders ask for the clip, naming that meeting, and the
cycle does not add a reminder of its own a day before theirs (the UX review found the same
words three times in two days)."""
from __future__ import annotations

from datetime import UTC, datetime

from bot.engine import jobs
from bot.engine.sender import Sender
from bot.engine.services import services_of
from storage import timers
from tests.handlers.in_process import InProcessBot, set_up_agreed, started_bot
from tests.handlers.schedules import OPENINGS, saved
from tests.handlers.updates import ANNA, BRAM, CATO, command

MONDAY = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)  # the meeting: Thursday 4 March, 9:30


async def test_a_cycle_started_by_hand_is_reminded_by_the_coming_meeting_once_a_day(
        bot: InProcessBot) -> None:
    svc = services_of(bot.app)
    svc.clock = lambda: MONDAY
    await set_up_agreed(bot, BRAM, CATO)
    await saved(bot, "do 9:30 wekelijks")
    assert await bot.db_all(OPENINGS) == [("meeting:2027-03-04T08:30Z:open",)]
    await started_bot(bot, CATO)
    await bot.handle(command(bot.app.bot, ANNA, "/cycle Cato"))

    async with svc.db.reading() as tx:
        pending = await timers.pending(tx)
    assert not [t for t in pending if t.name.startswith("cycle:")
                and t.event == "clip_reminder"]  # the meeting's reminder comes Wednesday
    (day_before,) = [t for t in pending if t.name.endswith(":remind")]
    svc.clock = lambda: day_before.due_at
    since = await bot.tg.mark()
    await jobs.fire(bot.app, day_before)
    assert isinstance(svc.sender, Sender)
    await svc.sender.idle()
    (said,) = await bot.said(CATO.user_id, since=since)
    assert "Herinnering, Cato: je bent inbrenger bij de bijeenkomst van do 4 mrt 09:30, " \
        "over 24 uur." in said, said
