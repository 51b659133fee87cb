"""Timers under a controlled clock (no sleeps): the Application is built as in production
against the fake Bot API, but time is ours. `fire_due` does what the JobQueue does when the
clock reaches a timer: it runs every stored timer whose time has come."""
from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.engine import jobs
from bot.engine.events import run_event
from bot.engine.meetings import replan_in, schedule_changed
from bot.engine.sender import Sender
from bot.engine.services import services_of
from bot.engine.work import work
from bot.startup.application import build_application
from fake_telegram import FakeTelegramControl, FakeTelegramServer
from flows.cycle.events import Cancel
from flows.cycle.model import Clip, Cycle
from flows.model import Group, Phase, RealityStep, Settings
from flows.schedule.plan import Schedule, parse_schedule
from storage import cycles, groups, members
from storage import timers as timer_store
from storage.db import Database
from tests.bot_api import App, config_for, start, stop

CHAT = -1001000000077
MEETING_TEXT = "Het is tijd voor de bijeenkomst"
ANNOUNCED = "is aan de beurt"


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class World:
    """One fake Telegram, one database, and the bot as a series of processes over time."""

    def __init__(self, server: FakeTelegramServer, control: FakeTelegramControl,
                 tmp_path: Path, clock: Clock) -> None:
        self.server, self.tg, self.tmp_path, self.clock = server, control, tmp_path, clock
        self.app: App | None = None

    async def start_bot(self) -> App:
        """What `intervision run` does at start, minus polling: open, restore the timers."""
        app = build_application(config_for(self.server, self.tmp_path))
        services_of(app).clock = self.clock
        self.app = await start(app)
        return app

    async def stop_bot(self) -> None:
        assert self.app is not None
        await stop(self.app)
        self.app = None

    async def fire_due(self) -> int:
        assert self.app is not None
        db = services_of(self.app).db
        async with db.reading() as tx:
            due = [t for t in await timer_store.pending(tx) if t.due_at <= self.clock.now]
        for timer in due:
            await jobs.fire(self.app, timer)
        sender = services_of(self.app).sender
        assert isinstance(sender, Sender)
        await sender.idle()
        return len(due)

    async def said(self, words: str) -> int:
        assert self.app is not None
        sender = services_of(self.app).sender
        assert isinstance(sender, Sender)
        await sender.idle()
        return sum(words in (m["text"] or "") for m in await self.tg.bot_messages(CHAT))


async def _replan(app: App, group: Group, schedule: Schedule | None) -> None:
    async with work(app) as unit:
        assert unit is not None
        await replan_in(unit, group, schedule)


@pytest.fixture
async def world(server: FakeTelegramServer, tg: FakeTelegramControl,
                tmp_path: Path) -> AsyncIterator[World]:
    for user_id, name in ((1, "Anna"), (2, "Bram"), (3, "Cato")):
        await tg.add_user(user_id, name)
    await tg.add_group(CHAT, "Groep", supergroup=True, admins=[1], members=[2, 3])
    w = World(server, tg, tmp_path, Clock(datetime(2027, 3, 26, 9, 0, tzinfo=UTC)))
    try:
        yield w
    finally:
        if w.app is not None:
            await w.stop_bot()


async def _scheduled_group(world: World, words: str) -> Group:
    app = world.app
    assert app is not None
    db: Database = services_of(app).db
    now = world.clock.now
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, CHAT, 0, "Groep", Settings(), now)
        for user_id, name in ((1, "Anna"), (2, "Bram"), (3, "Cato")):
            await members.join(tx, group.id, user_id, name, now)
            await members.agree(tx, group.id, user_id, now)
    schedule = parse_schedule(words, now, group.settings.timezone)
    assert isinstance(schedule, Schedule)
    async with db.transaction() as tx:
        await groups.set_schedule(tx, group.id, schedule.to_text())
    await _replan(app, group, schedule)
    return group


async def _pending(world: World, group: Group) -> dict[str, datetime]:
    assert world.app is not None
    async with services_of(world.app).db.reading() as tx:
        return {t.name.rsplit(":", 1)[-1]: t.due_at for t in await timer_store.pending_of(
            tx, group.id)}


async def test_a_meeting_across_the_spring_change_opens_at_its_local_time(world: World) -> None:
    await world.start_bot()
    # Tuesday 30 March 2027 15:00 in Amsterdam is after the clocks went forward (28 March).
    group = await _scheduled_group(world, "di 15:00 wekelijks")
    pending = await _pending(world, group)
    assert pending["open"] == datetime(2027, 3, 30, 13, 0, tzinfo=UTC)  # 15:00 CEST
    assert pending["announce"] == datetime(2027, 3, 28, 13, 0, tzinfo=UTC)  # 48 real hours
    world.clock.now = datetime(2027, 3, 28, 12, 59, tzinfo=UTC)
    assert await world.fire_due() == 0
    world.clock.now = datetime(2027, 3, 28, 13, 0, tzinfo=UTC)
    assert await world.fire_due() == 1 and await world.said(ANNOUNCED) == 1
    world.clock.now = datetime(2027, 3, 30, 12, 59, tzinfo=UTC)  # 14:59 local: not yet
    await world.fire_due()
    assert await world.said(MEETING_TEXT) == 0
    world.clock.now = datetime(2027, 3, 30, 13, 0, tzinfo=UTC)
    await world.fire_due()
    assert await world.said(MEETING_TEXT) == 1


async def test_a_restart_between_announcement_and_meeting_fires_each_once(world: World) -> None:
    await world.start_bot()
    group = await _scheduled_group(world, "di 15:00 wekelijks")
    world.clock.now = datetime(2027, 3, 28, 13, 0, tzinfo=UTC)
    await world.fire_due()
    await world.stop_bot()
    await world.start_bot()  # a new process: timers come back from the database
    assert world.app is not None and world.app.job_queue is not None
    names = {job.name for job in world.app.job_queue.jobs()}
    assert any((name or "").endswith(":open") for name in names)
    await world.fire_due()  # nothing new is due: the announcement is not repeated
    world.clock.now = datetime(2027, 3, 30, 13, 0, tzinfo=UTC)
    await world.fire_due()
    await world.fire_due()
    assert await world.said(ANNOUNCED) == 1 and await world.said(MEETING_TEXT) == 1
    assert "open" not in {k for k, v in (await _pending(world, group)).items()
                          if v <= world.clock.now}


async def test_a_schedule_change_cancels_the_pending_jobs_of_the_old_one(world: World) -> None:
    await world.start_bot()
    group = await _scheduled_group(world, "di 15:00 wekelijks")
    thursday = parse_schedule("do 10:00 wekelijks", world.clock.now, "Europe/Amsterdam")
    assert isinstance(thursday, Schedule)
    assert world.app is not None
    await _replan(world.app, group, thursday)
    pending = await _pending(world, group)
    assert pending["open"] == datetime(2027, 4, 1, 8, 0, tzinfo=UTC)  # Thursday 10:00 CEST
    assert all(due.weekday() != 1 for due in pending.values() if due.hour == 13)
    world.clock.now = datetime(2027, 3, 30, 14, 0, tzinfo=UTC)  # past the old Tuesday
    await world.fire_due()
    assert await world.said(MEETING_TEXT) == 0


async def test_a_cycle_announced_for_a_meeting_that_moves_opens_at_the_new_time(
        world: World) -> None:
    """Found by a review: announced for Tuesday, the meeting moved to Thursday; the cycle
    still opened on Tuesday, for a group that would meet on Thursday."""
    await world.start_bot()
    group = await _scheduled_group(world, "di 15:00 wekelijks")
    world.clock.now = datetime(2027, 3, 28, 14, 0, tzinfo=UTC)  # Sunday: announced for Tuesday
    await world.fire_due()
    assert await world.said(ANNOUNCED) == 1
    thursday = parse_schedule("do 15:00 wekelijks", world.clock.now, "Europe/Amsterdam")
    assert isinstance(thursday, Schedule) and world.app is not None
    async with work(world.app) as unit:  # what saving /schedule does
        assert unit is not None
        await groups.set_schedule(unit.tx, group.id, thursday.to_text())
        await schedule_changed(unit, group)
    assert await world.said("De bijeenkomst is verplaatst: do 1 apr 15:00") == 1
    world.clock.now = datetime(2027, 3, 30, 13, 5, tzinfo=UTC)  # the old Tuesday, 15:05
    await world.fire_due()
    assert await world.said(MEETING_TEXT) == 0
    world.clock.now = datetime(2027, 4, 1, 13, 5, tzinfo=UTC)  # Thursday, 15:05
    await world.fire_due()
    assert await world.said(MEETING_TEXT) == 1
    assert await world.said(ANNOUNCED) == 1  # announced once, not again for Thursday


async def test_meetings_closer_than_the_announcement_lead_are_announced_when_a_cycle_ends(
        world: World) -> None:
    """Found by a review: meetings on Tuesday and Wednesday, each announced 48 hours ahead.
    Wednesday's announcement fell due during Tuesday's meeting, whose cycle was still open,
    and was refused; Wednesday's inbrenger was first asked for a clip at the meeting itself.
    Now the announcement comes as soon as Tuesday's cycle ends."""
    await world.start_bot()
    group = await _scheduled_group(world, "di,wo 15:00 wekelijks")
    world.clock.now = datetime(2027, 3, 28, 14, 0, tzinfo=UTC)  # Sunday: Tuesday's announced
    await world.fire_due()
    world.clock.now = datetime(2027, 3, 30, 13, 0, tzinfo=UTC)  # Tuesday 15:00, no clip came
    await world.fire_due()
    await world.fire_due()  # Wednesday's announcement, due at once, meets the open cycle
    assert await world.said(MEETING_TEXT) == 1 and await world.said(ANNOUNCED) == 1
    assert world.app is not None
    await run_event(world.app, group, Cancel(1, True))  # the group stops Tuesday's cycle
    assert await world.said(ANNOUNCED) == 2
    async with services_of(world.app).db.reading() as tx:
        wednesday = await cycles.open_cycle(tx, group.id)
    assert wednesday is not None and wednesday.meeting_at == datetime(2027, 3, 31, 13, 0,
                                                                      tzinfo=UTC)


async def test_a_reminder_due_while_the_bot_was_down_fires_once_late_with_a_note(
        world: World) -> None:
    await world.start_bot()
    group = await _scheduled_group(world, "di 15:00 wekelijks")
    await world.stop_bot()
    world.clock.now = datetime(2027, 3, 28, 16, 0, tzinfo=UTC)  # down for three hours
    await world.start_bot()
    await world.fire_due()
    announcement = [m for m in await world.tg.bot_messages(CHAT)
                    if ANNOUNCED in (m["text"] or "")]
    assert len(announcement) == 1 and "Later dan gepland" in announcement[0]["text"]
    await world.stop_bot()
    await world.start_bot()
    await world.fire_due()
    assert await world.said(ANNOUNCED) == 1
    assert group.id


async def test_the_next_meeting_puts_a_clip_that_never_came_to_the_group_again(
        world: World) -> None:
    await world.start_bot()
    await _scheduled_group(world, "di 15:00 wekelijks")
    for moment in (datetime(2027, 3, 28, 13, 0, tzinfo=UTC),  # the announcement
                   datetime(2027, 3, 30, 13, 0, tzinfo=UTC)):  # the first meeting
        world.clock.now = moment
        await world.fire_due()
    assert await world.said(MEETING_TEXT) == 1
    world.clock.now = datetime(2027, 4, 6, 13, 0, tzinfo=UTC)  # a week on, nobody answered
    await world.fire_due()
    asked = [m for m in await world.tg.bot_messages(CHAT) if MEETING_TEXT in (m["text"] or "")]
    assert len(asked) == 2 and "nog geen clip gedeeld" in asked[1]["text"]
    assert "Volgend lid brengt in" in str(asked[1]["reply_markup"])
    assert await world.said(ANNOUNCED) == 1  # the open cycle goes on; no second one


async def test_a_meeting_names_where_a_talk_that_stands_still_was(world: World) -> None:
    await world.start_bot()
    group = await _scheduled_group(world, "di 15:00 wekelijks")
    assert world.app is not None
    last_week = datetime(2027, 3, 23, 13, 0, tzinfo=UTC)
    async with services_of(world.app).db.transaction() as tx:
        await cycles.create(tx, Cycle(
            id=0, group_id=group.id, inbrenger_id=2, number=1, phase=Phase.REALITY,
            phase_started_at=last_week, step=RealityStep.STRONG,
            clip=Clip("file-1", "uniq-1", "video", 95, 500), learning_question="Hoe ...?",
            consent=True, meeting_at=last_week), actor_id=None, event="start", now=last_week)
    world.clock.now = datetime(2027, 3, 30, 13, 0, tzinfo=UTC)
    await world.fire_due()
    assert await world.said("De cyclus van Bram staat nog open, in de fase realiteit") == 1
    assert await world.said(ANNOUNCED) == 0  # no new cycle over the open one


async def test_an_announcement_that_comes_only_after_the_meeting_time_opens_it_too(
        world: World) -> None:
    await world.start_bot()
    await _scheduled_group(world, "di 15:00 wekelijks")
    await world.stop_bot()
    world.clock.now = datetime(2027, 3, 30, 14, 0, tzinfo=UTC)  # down until after the meeting
    await world.start_bot()
    await world.fire_due()  # the late announcement, which sets the meeting's own timer
    await world.fire_due()  # that timer, due at once
    assert await world.said(ANNOUNCED) == 1 and await world.said(MEETING_TEXT) == 1
    # The two clip reminders fell due before the meeting: too late to help now, so not sent.
    assert await world.said("Herinnering") == 0


async def test_after_one_outage_the_group_reads_later_than_planned_once(world: World) -> None:
    """The announcement and the meeting both fell due while the bot was down: the group hears
    of the outage once, on the first message, not on every overdue timer's message."""
    await world.start_bot()
    await _scheduled_group(world, "di 15:00 wekelijks")
    await world.stop_bot()
    world.clock.now = datetime(2027, 3, 30, 14, 0, tzinfo=UTC)  # down until after the meeting
    await world.start_bot()
    await world.fire_due()
    await world.fire_due()
    assert await world.said(MEETING_TEXT) == 1
    assert await world.said("Later dan gepland") == 1


async def test_reminders_overdue_after_one_outage_say_later_than_planned_once(
        world: World) -> None:
    """Mid-reality the bot was down for two hours: the step's and the phase's reminders both
    fall due now. The step's says nothing once the phase's time is up too (two "time's up"
    at once, the second UX review found, is nagging); the phase's comes, and says it is
    late, once."""
    await world.start_bot()
    group = await _scheduled_group(world, "di 15:00 wekelijks")
    assert world.app is not None
    now = world.clock.now
    async with services_of(world.app).db.transaction() as tx:
        cycle = await cycles.create(tx, Cycle(
            id=0, group_id=group.id, inbrenger_id=2, number=1, phase=Phase.REALITY,
            phase_started_at=now, step=RealityStep.SEE,
            clip=Clip("file-1", "uniq-1", "video", 95, 500), learning_question="Hoe ...?",
            consent=True), actor_id=None, event="start", now=now)
        for event, minutes in (("step_reminder", 5), ("phase_reminder", 10)):
            await timer_store.set(tx, group.id, f"cycle:{cycle.id}:{event}", event,
                                  {"cycle_id": cycle.id}, now + timedelta(minutes=minutes))
    await world.stop_bot()
    world.clock.now = now + timedelta(hours=2)
    await world.start_bot()
    assert await world.fire_due() == 2
    said = [m["text"] for m in await world.tg.bot_messages(CHAT)]
    assert len(said) == 1 and "De tijd voor deze fase (20 min) is om" in said[0]
    assert await world.said("Later dan gepland") == 1


async def test_a_meeting_whose_announcement_met_a_cycle_started_by_hand_is_announced_then(
        world: World) -> None:
    """The group ran a cycle by hand over the weekend; Sunday's announcement found it open.
    It closed on Monday, so on Tuesday at 15:00 the meeting is announced and opened."""
    await world.start_bot()
    group = await _scheduled_group(world, "di 15:00 wekelijks")
    assert world.app is not None
    db = services_of(world.app).db
    saturday = datetime(2027, 3, 27, 10, 0, tzinfo=UTC)
    async with db.transaction() as tx:
        by_hand = await cycles.create(tx, Cycle(
            id=0, group_id=group.id, inbrenger_id=2, number=1, phase=Phase.OPTIONS,
            phase_started_at=saturday, clip=Clip("file-1", "uniq-1", "video", 95, 500),
            learning_question="Hoe ...?", consent=True), actor_id=None, event="start",
            now=saturday)
    world.clock.now = datetime(2027, 3, 28, 13, 0, tzinfo=UTC)  # the announcement's time
    await world.fire_due()
    assert await world.said(ANNOUNCED) == 0  # a cycle is open: none is started over it
    async with db.transaction() as tx:
        closed = replace(by_hand, phase=Phase.CLOSED)
        await cycles.save(tx, by_hand, closed, event="next", actor_id=2, now=world.clock.now)
    world.clock.now = datetime(2027, 3, 30, 13, 0, tzinfo=UTC)  # the meeting
    await world.fire_due()  # the meeting: announced now
    await world.fire_due()  # its own opening, due at once
    assert await world.said(ANNOUNCED) == 1 and await world.said(MEETING_TEXT) == 1


async def test_a_meeting_the_group_cancelled_before_its_time_is_not_announced_again(
        world: World) -> None:
    await world.start_bot()
    group = await _scheduled_group(world, "di 15:00 wekelijks")
    assert world.app is not None
    world.clock.now = datetime(2027, 3, 28, 13, 0, tzinfo=UTC)
    await world.fire_due()
    assert await world.said(ANNOUNCED) == 1
    async with services_of(world.app).db.transaction() as tx:  # "Cancel the meeting"
        announced = await cycles.open_cycle(tx, group.id)
        assert announced is not None
        await cycles.save(tx, announced, replace(announced, phase=Phase.CANCELLED),
                          event="cancel", actor_id=1, now=world.clock.now)
    world.clock.now = datetime(2027, 3, 30, 13, 0, tzinfo=UTC)
    await world.fire_due()
    await world.fire_due()
    assert await world.said(ANNOUNCED) == 1 and await world.said(MEETING_TEXT) == 0


async def test_a_timer_that_comes_late_while_the_bot_runs_has_no_note_about_being_down(
        world: World) -> None:
    """Only a timer that fell due before the bot started was held up by an outage. The
    sandbox's clock moved on (or a busy moment) is none: the announcement says nothing of
    "later than planned" then."""
    await world.start_bot()
    await _scheduled_group(world, "di 15:00 wekelijks")
    world.clock.now = datetime(2027, 3, 28, 16, 0, tzinfo=UTC)  # the same three hours, running
    await world.fire_due()
    announcement = [m for m in await world.tg.bot_messages(CHAT)
                    if ANNOUNCED in (m["text"] or "")]
    assert len(announcement) == 1 and "Later dan gepland" not in announcement[0]["text"]


async def _announced_then_down_until(world: World, back: datetime) -> list[str]:
    """Bram's cycle announced on time for Tuesday's meeting (13:00 UTC), then the bot down
    until `back`: what the group and Bram are told once the overdue timers fired."""
    await world.start_bot()
    await _scheduled_group(world, "di 15:00 wekelijks")
    world.clock.now = datetime(2027, 3, 28, 13, 0, tzinfo=UTC)  # the announcement's time
    await world.fire_due()
    assert await world.said(ANNOUNCED) == 1
    await world.stop_bot()
    world.clock.now = back
    since = await world.tg.mark()
    await world.start_bot()
    await world.fire_due()
    await world.fire_due()
    return [m["text"] or "" for chat in (CHAT, 2)
            for m in await world.tg.bot_messages(chat, since=since) if m["created"] > since]


async def test_a_clip_reminder_that_fell_due_while_the_bot_was_down_says_it_is_late(
        world: World) -> None:
    """The day-before reminder (Monday 13:00) comes three hours late, still a day before
    the meeting: it comes, and says it is late. (Sweep 6 found it cancelled at the start:
    the re-plan leaves out a reminder whose time has passed, and replan_in kept an overdue
    timer from being set again but not from being cancelled.)"""
    said = await _announced_then_down_until(world, datetime(2027, 3, 29, 16, 0, tzinfo=UTC))
    assert len(said) == 1 and "Later dan gepland" in said[0]

