"""What a start picks up by itself (bot/startup/application.py post_init): mail decided
before a stop (in the outbox, not sent yet) goes out, not first when something new is said in
its chat; a group with a schedule whose next meeting has no timers (a database restored from
a backup, a schedule stored by an older version) gets them, so the meeting is announced."""
from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bot.engine.outgoing import Message, encode
from bot.engine.sender import Sender
from bot.engine.services import services_of
from bot.startup.application import build_application
from fake_telegram import FakeTelegramControl, FakeTelegramServer
from flows.model import Settings
from flows.schedule.plan import EVENT_OPEN, Schedule, parse_schedule
from storage import groups, outbox
from storage import timers as timer_store
from storage.db import Database
from tests.bot_api import config_for, start, stop

CHAT = -1001000000079
NOW = datetime(2027, 3, 26, 9, 0, tzinfo=UTC)


async def test_mail_left_in_the_outbox_by_a_stop_goes_out_at_the_next_start(
        server: FakeTelegramServer, tg: FakeTelegramControl, tmp_path: Path) -> None:
    await tg.add_user(1, "Anna")
    await tg.add_group(CHAT, "Groep", supergroup=True, admins=[1])
    config = config_for(server, tmp_path)
    db = await Database.open(config.db_path)  # what the stopped bot left behind
    try:
        async with db.transaction() as tx:
            await outbox.add(tx, CHAT, encode(Message(CHAT, "Bram is aan de beurt")), NOW)
    finally:
        await db.close()
    app = await start(build_application(config))
    try:
        sender = services_of(app).sender
        assert isinstance(sender, Sender)
        await sender.idle()
        assert [m["text"] for m in await tg.bot_messages(CHAT)] == ["Bram is aan de beurt"]
    finally:
        await stop(app)


async def test_a_scheduled_group_without_timers_gets_its_next_meetings_at_the_start(
        server: FakeTelegramServer, tmp_path: Path) -> None:
    config = config_for(server, tmp_path)
    db = await Database.open(config.db_path)
    try:
        async with db.transaction() as tx:
            group, _ = await groups.register(tx, CHAT, 0, "Groep", Settings(), NOW)
            schedule = parse_schedule("di 15:00 wekelijks", NOW, group.settings.timezone)
            assert isinstance(schedule, Schedule)
            await groups.set_schedule(tx, group.id, schedule.to_text())
    finally:
        await db.close()
    app = build_application(config)
    services_of(app).clock = lambda: NOW
    await start(app)
    try:
        async with services_of(app).db.reading() as tx:
            planned = {t.event: t.due_at for t in await timer_store.pending_of(tx, group.id)}
        # Tuesday 30 March 2027, 15:00 in Amsterdam (summer time since the 28th).
        assert planned.get(EVENT_OPEN) == datetime(2027, 3, 30, 13, 0, tzinfo=UTC), planned
    finally:
        await stop(app)
