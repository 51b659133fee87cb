"""The hourly retention job as a whole (SPEC section 6), as the JobQueue runs it: the real
Application on a real database and data directory, under a clock the test sets. Contribution
texts go after their group's retention, local derivatives after a day, mail Telegram refused
after a day; mail still on its way stays."""
from __future__ import annotations

import os
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.engine.outgoing import Message, encode
from bot.engine.services import services_of
from bot.startup.application import build_application
from fake_telegram import FakeTelegramServer
from flows.cycle.model import Cycle
from flows.model import Group, Phase, Settings
from storage import (
    button_messages,
    contributions,
    cycles,
    groups,
    inbox,
    late_line_invitations,
    outbox,
)
from storage.button_messages import ButtonMessage
from storage.db import Database
from tests.bot_api import App, config_for, start, stop

NOW = datetime(2027, 6, 1, 12, 0, tzinfo=UTC)
DAY = timedelta(days=1)


@pytest.fixture
async def app(server: FakeTelegramServer, tmp_path: Path) -> AsyncIterator[App]:
    """The bot as `intervision run` starts it (minus polling), its clock at NOW."""
    application = build_application(config_for(server, tmp_path))
    services_of(application).clock = lambda: NOW
    await start(application)
    try:
        yield application
    finally:
        await stop(application)


async def _said(db: Database, group: Group, words: str, days_ago: int) -> None:
    """A closed cycle in which Bram said `words`, `days_ago` days before NOW."""
    then = NOW - days_ago * DAY
    async with db.transaction() as tx:
        cycle = await cycles.create(tx, Cycle(0, group.id, 1, days_ago, Phase.CLOSED, then),
                                    actor_id=None, event="test", now=then)
        await contributions.add(tx, cycle.id, 2, "reality", days_ago, words, "observation", then)


async def _texts(db: Database) -> dict[str, str | None]:
    async with db.reading() as tx:
        rows = await tx.all("SELECT c.message_id, c.text, g.title FROM contributions c "
                            "JOIN cycles y ON y.id = c.cycle_id JOIN groups g ON g.id = y.group_id")
    return {f"{r['title']} {r['message_id']} days": r["text"] for r in rows}


def _file(path: Path, age: timedelta) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"frame")
    then = time.time() - age.total_seconds()  # files age by the wall clock (their mtime)
    os.utime(path, (then, then))
    return path


async def test_the_hourly_job_erases_what_is_past_its_retention_and_keeps_the_rest(
        app: App) -> None:
    svc = services_of(app)
    db = svc.db
    async with db.transaction() as tx:
        month, _ = await groups.register(tx, -1001, 0, "Maand", Settings(retention_days=30), NOW)
        year, _ = await groups.register(tx, -1002, 0, "Jaar", Settings(retention_days=365), NOW)
    await _said(db, month, "Ik zag dat ze wachtten.", days_ago=40)
    await _said(db, month, "Ik hoorde drie vragen.", days_ago=10)
    await _said(db, month, "Een dag te lang bewaard.", days_ago=31)  # a day past 30: gone
    await _said(db, year, "Ze keken naar het bord.", days_ago=40)

    data = svc.config.data_dir
    old = [_file(data / "clips" / "5" / "clip.mp4", 2 * DAY),
           _file(data / "tmp" / "still-12.jpg", 2 * DAY),
           _file(data / "charts" / "balance.png", 25 * timedelta(hours=1))]
    fresh = [_file(data / "clips" / "6" / "clip.mp4", timedelta(minutes=5)),
             _file(data / "tmp" / "storyboard.jpg", 23 * timedelta(hours=1))]

    mail = encode(Message(-1001, "Bram: „Ik zag dat ze wachtten.”"))
    async with db.transaction() as tx:
        refused_long_ago = await outbox.add(tx, -1001, mail, NOW - 3 * DAY)
        await outbox.failed(tx, refused_long_ago, "Bad Request: can't parse entities", NOW - 2 * DAY)
        refused_just_now = await outbox.add(tx, -1001, mail, NOW - DAY)
        await outbox.failed(tx, refused_just_now, "Bad Request", NOW - timedelta(hours=2))
        still_tried = await outbox.add(tx, -1002, mail, NOW - 400 * DAY)  # never sent yet
        await outbox.tried(tx, still_tried)

    assert app.job_queue is not None
    [job] = app.job_queue.get_jobs_by_name("housekeeping")
    await job.run(app)

    assert await _texts(db) == {"Maand 40 days": None, "Maand 31 days": None,
                                "Maand 10 days": "Ik hoorde drie vragen.",
                                "Jaar 40 days": "Ze keken naar het bord."}
    assert [path.exists() for path in old] == [False, False, False]
    assert [path.exists() for path in fresh] == [True, True]
    async with db.reading() as tx:
        left = [r["id"] for r in await tx.all("SELECT id FROM outbox ORDER BY id")]
    assert left == [refused_just_now, still_tried]
    async with db.reading() as tx:
        assert [w.id for w in await outbox.waiting(tx, -1002, 10)] == [still_tried]


async def test_the_copy_of_a_clip_goes_once_its_cycle_ended_not_a_day_later(app: App) -> None:
    """A recording of a classroom on the bot's disk only while its cycle is open (with the
    still made next to it): a closed or cancelled cycle's copy goes at the next hourly run."""
    svc = services_of(app)
    async with svc.db.transaction() as tx:
        group, _ = await groups.register(tx, -1003, 0, "Klas", Settings(), NOW)
        ended = await cycles.create(tx, Cycle(0, group.id, 1, 1, Phase.CLOSED, NOW),
                                    actor_id=None, event="test", now=NOW)
        running = await cycles.create(tx, Cycle(0, group.id, 2, 1, Phase.REALITY, NOW),
                                      actor_id=None, event="test", now=NOW)
    clips = svc.config.data_dir / "clips"
    gone = [_file(clips / f"cycle-{ended.id}-u1.mp4", timedelta(minutes=20)),
            _file(clips / f"cycle-{ended.id}-u1.still-12.jpg", timedelta(minutes=20))]
    kept = [_file(clips / f"cycle-{running.id}-u2.mp4", timedelta(minutes=20))]
    assert app.job_queue is not None
    [job] = app.job_queue.get_jobs_by_name("housekeeping")
    await job.run(app)
    assert [path.exists() for path in gone] == [False, False]
    assert [path.exists() for path in kept] == [True]


async def test_words_past_their_retention_leave_no_copy_in_the_database_files(app: App) -> None:
    """Erased rows are not enough: the hourly job also empties the write-ahead log, whose
    older page copies still hold the words (tests/storage/test_no_trace_on_disk.py)."""
    db = services_of(app).db
    async with db.transaction() as tx:
        month, _ = await groups.register(tx, -1001, 0, "Maand", Settings(retention_days=30), NOW)
    words = "Op 0:40 kijkt Tim uit het raam terwijl ik uitleg."
    await _said(db, month, words, days_ago=40)
    assert app.job_queue is not None
    [job] = app.job_queue.get_jobs_by_name("housekeeping")
    await job.run(app)
    database = Path(db.path)
    copies = [f.name for f in database.parent.glob(database.name + "*")
              if words.encode() in f.read_bytes()]
    assert copies == []


async def test_handled_updates_and_the_records_that_quote_a_cycle_go_in_their_time(
        app: App) -> None:
    """A handled update holds a member's message as Telegram sent it, and a message with a
    cycle's buttons quotes the talk (the look back's buttons): kept a week (Telegram sends
    an update again within a day), and until the cycle ended, not for ever. An invitation
    to a late look-back line is known for a week."""
    db = services_of(app).db
    words = "Ik zag dat Tim uit het raam keek."

    def update(update_id: int) -> inbox.Arrival:
        return inbox.Arrival(update_id, -1004, f'{{"update_id":{update_id},"text":"{words}"}}')

    async with db.transaction() as tx:
        group, _ = await groups.register(tx, -1004, 0, "Week", Settings(), NOW)
        ended = await cycles.create(tx, Cycle(0, group.id, 1, 1, Phase.CLOSED, NOW - DAY),
                                    actor_id=None, event="test", now=NOW - DAY)
        await button_messages.record(tx, ButtonMessage(
            -1004, 70, ended.id, f"Wat hielp je het meest? „{words}”",
            ((("„Ik zag dat Tim ...”", "x"),),)), NOW - DAY)
        await inbox.store(tx, [update(1), update(2)], NOW - 8 * DAY)
        await inbox.mark(tx, 1, NOW - 8 * DAY)
        await inbox.mark(tx, 2, NOW - DAY)
        await late_line_invitations.record(tx, -1004, 71, ended.id, NOW - 8 * DAY)
        await late_line_invitations.record(tx, -1004, 72, ended.id, NOW - DAY)
    assert app.job_queue is not None
    [job] = app.job_queue.get_jobs_by_name("housekeeping")
    await job.run(app)
    async with db.reading() as tx:
        assert [r["update_id"] for r in await tx.all("SELECT update_id FROM inbox")] == [2]
        assert await button_messages.of_cycle(tx, ended.id) == []
        assert await late_line_invitations.cycle_of(tx, -1004, 71) is None
        assert await late_line_invitations.cycle_of(tx, -1004, 72) == ended.id
