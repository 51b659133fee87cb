"""A cycle that ends early does not bring the next meeting's announcement forward: a weekly
group hears who brings in next at the announcement's own time (48 hours ahead), not days
before it. Only a meeting whose announcement time has already come is announced at the close
(tests/integration/test_timers_with_a_clock.py, meetings closer than the lead)."""
from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.engine.events import run_event
from fake_telegram import FakeTelegramControl, FakeTelegramServer
from flows.cycle.events import Cancel
from tests.integration import test_timers_with_a_clock as timers


@pytest.fixture
async def weekly(server: FakeTelegramServer, tg: FakeTelegramControl,
                 tmp_path: Path) -> AsyncIterator[timers.World]:
    for user_id, name in ((1, "Anna"), (2, "Bram"), (3, "Cato")):
        await tg.add_user(user_id, name)
    await tg.add_group(timers.CHAT, "Groep", supergroup=True, admins=[1], members=[2, 3])
    world = timers.World(server, tg, tmp_path,
                         timers.Clock(datetime(2027, 3, 26, 9, 0, tzinfo=UTC)))
    try:
        yield world
    finally:
        if world.app is not None:
            await world.stop_bot()


async def test_a_weekly_meeting_s_cycle_stopped_early_announces_the_next_only_in_time(
        weekly: timers.World) -> None:
    await weekly.start_bot()
    group = await timers._scheduled_group(weekly, "di 15:00 wekelijks")
    weekly.clock.now = datetime(2027, 3, 28, 14, 0, tzinfo=UTC)  # Sunday: Tuesday's announced
    await weekly.fire_due()
    weekly.clock.now = datetime(2027, 3, 30, 13, 0, tzinfo=UTC)  # Tuesday 15:00: it opens
    await weekly.fire_due()
    assert await weekly.said(timers.ANNOUNCED) == 1
    assert weekly.app is not None
    await run_event(weekly.app, group, Cancel(1, True))  # the group stops Tuesday's cycle
    assert await weekly.said(timers.ANNOUNCED) == 1  # next Tuesday's comes next Sunday
