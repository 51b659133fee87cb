"""/settings reminder 0: the clip reminder off, said as "off" in the overview, and the
reminders of the next meeting already planned cancelled (on again with a number of hours)."""
from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.engine.services import services_of
from tests.handlers.in_process import InProcessBot, set_up
from tests.handlers.schedules import saved
from tests.handlers.updates import ANNA, command

MONDAY = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)  # Thursday's meeting: every timer still ahead
REMINDERS = "SELECT COUNT(*) FROM timers WHERE name LIKE 'meeting:%:remind%' AND fired_at IS NULL"


async def test_reminder_0_switches_the_clip_reminders_off_and_a_number_back_on(
        bot: InProcessBot) -> None:
    services_of(bot.app).clock = lambda: MONDAY
    await set_up(bot)
    await saved(bot, "do 15:00 wekelijks")
    assert await bot.db_one(REMINDERS) == (2,)  # 24 and 2 hours before

    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/settings reminder 0"))
    [answer] = await bot.said(since=since)
    assert answer.startswith("✅ Opgeslagen: herinnering → uit."), answer
    assert await bot.db_one(REMINDERS) == (0,)

    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/settings"))
    assert "herinnering uit ·" in (await bot.said(since=since))[-1]
    await bot.handle(command(bot.app.bot, ANNA, "/settings language en"))
    await bot.handle(command(bot.app.bot, ANNA, "/settings"))
    assert "reminder off ·" in (await bot.said(since=since))[-1]

    await bot.handle(command(bot.app.bot, ANNA, "/settings reminder 12"))
    assert "reminder → 12 hours before" in (await bot.said(since=since))[-1]
    assert await bot.db_one(REMINDERS) == (2,)  # 12 and 2 hours before


MEETING_TIMERS = ("SELECT name, due_at FROM timers WHERE name LIKE 'meeting:%' "
                  "AND fired_at IS NULL ORDER BY name")


@pytest.mark.parametrize("typed", ["/setup nl Europe/London", "/setup nederlands london"])
async def test_a_new_time_zone_by_setup_moves_the_meeting_timers(bot: InProcessBot,
                                                                typed: str) -> None:
    """/setup on a group that exists changes its settings like /settings does, so the
    meeting planned for 15:00 Amsterdam time moves to 15:00 London time, an hour later."""
    services_of(bot.app).clock = lambda: MONDAY
    await set_up(bot)
    await saved(bot, "do 15:00 wekelijks")
    before = await bot.db_all(MEETING_TIMERS)
    assert before

    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, typed))
    assert any("bijgewerkt" in said for said in await bot.said(since=since))
    after = await bot.db_all(MEETING_TIMERS)
    # Named by the meeting's time in UTC: 15:00 Amsterdam is 14:00Z, 15:00 London 15:00Z.
    assert all("T14:00Z" in name for name, _ in before)
    assert [name for name, _ in after] == [name.replace("T14:00Z", "T15:00Z")
                                           for name, _ in before]
    assert [_hours_between(a, b) for (_, a), (_, b) in zip(before, after, strict=True)] == \
        [1.0] * len(before)


def _hours_between(earlier: str, later: str) -> float:
    return (datetime.fromisoformat(later) - datetime.fromisoformat(earlier)).total_seconds() / 3600
