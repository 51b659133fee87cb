"""Issue 6: a schedule set through the chat fires its jobs once, across restarts, and a job
that fell due while the bot was down fires once on start, with a note that it is late."""
from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from fake_telegram import FakeTelegramControl
from tests.e2e.harness import BotProcess, DemoGroup
from tests.e2e.scenes import buttons, click_and_wait, db_rows, set_up_group, settled

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DAYS = ["ma", "di", "wo", "do", "vr", "za", "zo"]
ANNOUNCED = "is aan de beurt"
MEETING = "Het is tijd voor de bijeenkomst"
# How long a meeting's opening may take to show once its minute came: on a loaded 2-core
# machine (a fresh-clone CI run, the other worker running ffmpeg) the scheduler fired the
# jobs 6.6 s late and 20 s was not enough; the tests are about firing once, not about speed.
LOADED = 45


# The two tests that wait for a real meeting minute wait up to 105 s of it by the wall clock
# (the next whole minute at least 45 s away), more than the suite's 120 s with a loaded
# machine's set-up and restarts around it.
WAITS_FOR_A_MEETING = pytest.mark.timeout(300)


def near_meeting(min_seconds: int = 45) -> datetime:
    """The first whole minute at least `min_seconds` from now, in the group's time zone."""
    moment = datetime.now(AMSTERDAM) + timedelta(seconds=min_seconds)
    return moment.replace(second=0, microsecond=0) + timedelta(minutes=1)


async def _schedule_near_meeting(tg: FakeTelegramControl, group: DemoGroup) -> datetime:
    await set_up_group(tg, group)
    meeting = near_meeting()
    since = await tg.mark()
    await tg.send_text(group.admin.user_id, group.chat_id,
                       f"/schedule {DAYS[meeting.weekday()]} {meeting:%H:%M} wekelijks")
    understood = await tg.wait_for_text(group.chat_id, f"{meeting:%H:%M}", since=since)
    assert "Europe/Amsterdam" in understood["text"] and "Opslaan?" in understood["text"]
    await click_and_wait(tg, group.admin.user_id, understood,
                         next(d for d in buttons(understood) if d.split(":")[2] == "yes"))
    # The announcement (normally two days ahead) is late, so it comes right away.
    await tg.wait_for_text(group.chat_id, ANNOUNCED, since=since)
    return meeting


async def _wait_until(moment: datetime) -> None:
    await asyncio.sleep(max(0.0, (moment - datetime.now(AMSTERDAM)).total_seconds()))


def _count(messages: list[dict], words: str) -> int:
    return sum(words in (m["text"] or "") for m in messages)


@WAITS_FOR_A_MEETING
async def test_both_jobs_fire_once_with_a_restart_in_between(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess) -> None:
    start = await tg.mark()
    meeting = await _schedule_near_meeting(tg, demo_group)
    await running_bot.stop()
    await running_bot.start()
    await _wait_until(meeting)
    opened = await tg.wait_for_text(demo_group.chat_id, MEETING, since=start, timeout=LOADED)
    assert "Later dan gepland" not in opened["text"]
    await asyncio.sleep(2)  # room for a duplicate to show up, if there were one
    everything = await tg.bot_messages(demo_group.chat_id, since=start)
    assert _count(everything, ANNOUNCED) == 1 and _count(everything, MEETING) == 1


@WAITS_FOR_A_MEETING
async def test_a_job_due_while_the_bot_was_down_fires_once_late_with_a_note(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess) -> None:
    start = await tg.mark()
    meeting = await _schedule_near_meeting(tg, demo_group)
    # Delivered and marked so before the kill: a kill between a send and its mark may repeat
    # that one message (docs/delivery.md), which is not what this test is about.
    await settled(tg, Path(running_bot.env["INTERVISION_DB"]))
    await running_bot.kill()
    await _wait_until(meeting + timedelta(seconds=35))
    await running_bot.start()
    opened = await tg.wait_for_text(demo_group.chat_id, MEETING, since=start, timeout=LOADED)
    assert "Later dan gepland" in opened["text"]
    await running_bot.stop()
    await running_bot.start()  # a second start does not fire it again
    await asyncio.sleep(2)
    everything = await tg.bot_messages(demo_group.chat_id, since=start)
    assert _count(everything, MEETING) == 1 and _count(everything, ANNOUNCED) == 1


async def test_a_malformed_schedule_is_explained_and_changes_nothing(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess,
        tmp_path: Path) -> None:
    await set_up_group(tg, demo_group)
    since = await tg.mark()
    await tg.send_text(demo_group.admin.user_id, demo_group.chat_id, "/schedule dinsdag 25:00")
    await tg.wait_for_text(demo_group.chat_id, "25:00", since=since)
    await tg.send_text(demo_group.admin.user_id, demo_group.chat_id, "/schedule")
    await tg.wait_for_text(demo_group.chat_id, "/schedule", since=since)
    members_try = demo_group.members[0].user_id
    await tg.send_text(members_try, demo_group.chat_id, "/schedule di 15:00 wekelijks")
    await tg.wait_for_text(demo_group.chat_id, "Alleen een beheerder", since=since)
    # Nothing was planned: no schedule stored, no timer set, no meeting announced.
    db = tmp_path / "intervision.db"
    assert db_rows(db, "SELECT schedule FROM groups") == [(None,)]
    assert db_rows(db, "SELECT COUNT(*) FROM timers") == [(0,)]
    assert _count(await tg.bot_messages(demo_group.chat_id, since=since), ANNOUNCED) == 0
