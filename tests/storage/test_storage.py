"""Storage on real temporary SQLite files: migrations, repositories, and concurrency."""
from __future__ import annotations

import asyncio
import json
import sqlite3
from dataclasses import MISSING, fields, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiosqlite
import pytest

from flows.cycle.model import Clip, Cycle
from flows.cycle.start import new_cycle
from flows.model import Member, NudgeMode, Phase, Settings
from flows.nudging.history import NudgeHistory
from flows.reports.portfolio import Held
from storage import contributions, cycles, groups, inbox, members, portfolios, timers
from storage.db import Database
from storage.migrations import LATEST_VERSION, apply_pending, current_version, pending

NOW = datetime(2026, 12, 2, 14, 0, tzinfo=UTC)


async def test_a_fresh_database_is_migrated_to_the_latest_version_in_wal_mode(tmp_path: Path) -> None:
    database = await Database.open(tmp_path / "fresh.db")
    async with database.reading() as tx:
        mode = await tx.one("PRAGMA journal_mode")
        keys = await tx.one("PRAGMA foreign_keys")
        version = await tx.one("PRAGMA user_version")
    await database.close()
    assert mode is not None and keys is not None and version is not None
    assert mode[0] == "wal" and keys[0] == 1 and version[0] == LATEST_VERSION >= 2


async def test_an_older_schema_is_upgraded_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    async with aiosqlite.connect(path, isolation_level=None) as conn:
        assert await apply_pending(conn, up_to=1) == [1]
        await conn.execute("INSERT INTO groups (chat_id, thread_id, title, created_at) "
                           "VALUES (-100, 0, 'Oude groep', '2026-01-01T00:00:00+00:00')")
        assert await current_version(conn) == 1
    database = await Database.open(path)
    async with database.reading() as tx:
        group = await groups.find(tx, -100)
        assert group is not None and group.title == "Oude groep"
        assert await groups.schedule_of(tx, group.id) is None  # the column of migration 2
    await database.close()


async def test_an_older_database_is_copied_beside_itself_before_it_is_upgraded(
        tmp_path: Path) -> None:
    """Rolling back the program means restoring the data as it was: a downgrade is refused."""
    path = tmp_path / "db.sqlite"
    async with aiosqlite.connect(path, isolation_level=None) as conn:
        await apply_pending(conn, up_to=6)
        await conn.execute("INSERT INTO groups (chat_id, thread_id, title, created_at) "
                           "VALUES (-100, 0, 'Oude groep', '2026-01-01T00:00:00+00:00')")
    database = await Database.open(path)
    await database.close()
    kept = tmp_path / f"db.sqlite.before-schema-{LATEST_VERSION}"
    assert database.upgrade is not None and database.upgrade.backup == kept
    assert database.upgrade.described() == (
        f"upgraded from schema 6 to {LATEST_VERSION} (migrations 7-{LATEST_VERSION}); "
        f"the database as it was is kept in {kept}")
    async with aiosqlite.connect(kept) as copy:
        assert await current_version(copy) == 6
        async with copy.execute("SELECT title FROM groups") as cursor:
            assert await cursor.fetchall() == [("Oude groep",)]
    # A new database, and one already up to date, are not copied.
    fresh = await Database.open(tmp_path / "fresh.db")
    await fresh.close()
    again = await Database.open(path)
    await again.close()
    assert fresh.upgrade is not None and fresh.upgrade.backup is None
    assert again.upgrade is not None and again.upgrade.described() == (
        f"schema {LATEST_VERSION}, up to date")
    assert sorted(p.name for p in tmp_path.iterdir() if "before" in p.name) == [kept.name]


async def test_migrating_again_changes_nothing(tmp_path: Path) -> None:
    database = await Database.open(tmp_path / "twice.db")
    assert (await database.migrate()).applied == []
    await database.close()
    async with aiosqlite.connect(tmp_path / "twice.db") as conn:
        assert await pending(conn) == []


async def test_a_newer_database_is_refused_rather_than_damaged(tmp_path: Path) -> None:
    async with aiosqlite.connect(tmp_path / "new.db") as conn:
        await conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    with pytest.raises(RuntimeError, match="newer"):
        await Database.open(tmp_path / "new.db")


async def test_a_group_registered_twice_stays_one_group_and_topics_are_separate(db: Database) -> None:
    async with db.transaction() as tx:
        first, new = await groups.register(tx, -1001, 0, "Groep", Settings(), NOW)
        again, new_again = await groups.register(tx, -1001, 0, "Groep", Settings(language="en"),
                                                 NOW)
        topic, topic_new = await groups.register(tx, -1001, 42, "Topic", Settings(), NOW)
        everyone = await groups.all_groups(tx)
    assert new and not new_again and topic_new
    assert first.id == again.id != topic.id and len(everyone) == 2
    assert again.settings.language == "en"


async def test_settings_round_trip_and_store_only_changes(db: Database) -> None:
    settings = Settings(nudging=NudgeMode.STRICT, reality_minutes=25)
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, -5, 0, "G", settings, NOW)
        row = await tx.one("SELECT settings FROM groups WHERE id = ?", (group.id,))
        loaded = await groups.get(tx, group.id)
    assert loaded is not None and loaded.settings == settings
    assert row is not None and "language" not in row["settings"]


async def test_join_is_idempotent_and_leave_keeps_the_history(db: Database) -> None:
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, -7, 0, "G", Settings(), NOW)
        assert await members.join(tx, group.id, 1, "Anna", NOW)
        assert not await members.join(tx, group.id, 1, "Anna", NOW)
        await members.record_turn(tx, group.id, 1, NOW)
        assert await members.leave(tx, group.id, 1, NOW)
        assert await members.active(tx, group.id) == ()
        assert await members.join(tx, group.id, 1, "Anna", NOW)  # back again
        back = await members.active(tx, group.id)
    assert len(back) == 1 and back[0].turns == 1


async def test_the_portfolio_knows_when_a_member_agreed_and_left(db: Database) -> None:
    """So a report of an earlier cycle names who was a member then (UX review 12). One who
    left before it was kept counts as leaving when they joined: not known to have been
    there."""
    later = NOW + timedelta(days=2)
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, -9, 0, "G", Settings(), NOW)
        for user_id, name in ((1, "Anna"), (2, "Bo"), (3, "Cas")):
            await members.join(tx, group.id, user_id, name, NOW)
            await members.agree(tx, group.id, user_id, NOW)
        await members.leave(tx, group.id, 1, later)
        await members.leave(tx, group.id, 2, later)
        await members.join(tx, group.id, 2, "Bo", later)  # back again
        await tx.execute("UPDATE members SET active = 0 WHERE user_id = 3")  # left long ago
        named = {m.name: m for m in await members.named(tx, group.id)}
    assert (named["Anna"].agreed_at, named["Anna"].left_at) == (NOW, later)
    assert named["Bo"].left_at is None and named["Cas"].left_at == NOW


async def test_agreeing_again_keeps_the_moment_of_the_first_agreement(db: Database) -> None:
    """/summary shows who had agreed when the cycle closed; a second press of an agree button
    (an old agree button pressed again) must not move a member to after it."""
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, -8, 0, "G", Settings(), NOW)
        await members.join(tx, group.id, 1, "Anna", NOW)
        assert await members.agree(tx, group.id, 1, NOW)
        assert not await members.agree(tx, group.id, 1, NOW + timedelta(days=3))
        assert await members.agreed_by(tx, group.id, NOW + timedelta(days=1)) == {1}


def _cycle(group_id: int, phase: Phase = Phase.ANNOUNCED) -> Cycle:
    return Cycle(id=0, group_id=group_id, inbrenger_id=1, number=1, phase=phase,
                 phase_started_at=NOW)


async def test_a_cycle_round_trips_exactly_and_a_second_open_cycle_is_refused(db: Database) -> None:
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, -9, 0, "G", Settings(), NOW)
        cycle = await cycles.create(tx, _cycle(group.id), actor_id=5, event="start", now=NOW)
    full = Cycle(id=cycle.id, group_id=group.id, inbrenger_id=1, number=1, phase=Phase.REALITY,
                 phase_started_at=NOW, learning_question="Hoe kan ik ...?",
                 clip=Clip("f", "u", "video", 60, 12), consent=True,
                 watched_by=frozenset({2, 3}), watched_before_talk=True, tips_open=True,
                 previous_commitment="oud", meeting_at=NOW, lookback_options=(4, 5),
                 skipped_by=frozenset({9}), watch_gate=frozenset({1, 2}),
                 nudge_history=NudgeHistory(closed_run=2),
                 step="strong", step_started_at=NOW + timedelta(minutes=4),
                 proposed_commitment="Morgen al", proposal_message_id=31,
                 reminded_to_agree=frozenset({6}), strong_moments=frozenset({2}),
                 welcome_tips=frozenset({44}), checkin_open=True, tried="partly",
                 corrected_question="Waarom is Tim zo druk?", clip_awaited_told=True)
    full = replace(full, question_message_id=11, absent=frozenset({7}), commitment="Wachten",
                   proposal_message_id=32, commitment_message_id=30, lookback_choice=4, told_outsiders=frozenset({8}),
                   next_turn_at=NOW + timedelta(days=7), stopped_by="Anna",
                   told_to_wait=frozenset({3}),
                   offered_question="Hoe wacht ik langer?", offered_message_id=33,
                   sound_shown_at=NOW + timedelta(minutes=5), sound_shown_moments=(45.0,),
                   watched_at_talk=frozenset({2}), watch_time_over=True,
                   turn_doubt_told=True, question_example_shown=True, erased_by_inbrenger=True,
                   welcomed=frozenset({10}), away_since=NOW + timedelta(minutes=6))
    # Every field holds a value other than its default, so a new field whose storage
    # fails (a datetime in the JSON column, say) fails here, not in a group's chat.
    defaults = {f.name: f.default_factory() if f.default is MISSING else f.default  # type: ignore[operator]
                for f in fields(Cycle)
                if f.default is not MISSING or f.default_factory is not MISSING}
    unset = [name for name, default in defaults.items() if getattr(full, name) == default]
    assert not unset, f"give these a value here: {unset}"
    async with db.transaction() as tx:
        await cycles.save(tx, cycle, full, event="next", actor_id=1, now=NOW)
        assert await cycles.get(tx, cycle.id) == full
        assert await cycles.transitions(tx, cycle.id) == [(None, "announced", "start"),
                                                          ("announced", "reality", "next")]
    with pytest.raises(sqlite3.IntegrityError):
        async with db.transaction() as tx:
            await cycles.create(tx, _cycle(group.id), actor_id=5, event="start", now=NOW)


async def test_a_cycle_stored_before_the_intake_fields_loads_with_their_defaults(
        db: Database) -> None:
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, -9, 0, "G", Settings(), NOW)
        cycle = await cycles.create(tx, _cycle(group.id), actor_id=5, event="start", now=NOW)
        row = await tx.one("SELECT data FROM cycles WHERE id = ?", (cycle.id,))
        assert row is not None
        data = json.loads(row["data"])
        assert {"corrected_question", "clip_awaited_told"} <= data.keys()
        for name in ("corrected_question", "clip_awaited_told"):
            del data[name]
        await tx.execute("UPDATE cycles SET data = ? WHERE id = ?", (json.dumps(data), cycle.id))
        loaded = await cycles.get(tx, cycle.id)
    assert loaded is not None
    assert loaded.corrected_question is None and loaded.clip_awaited_told is False


async def test_a_redelivered_contribution_is_stored_once(db: Database) -> None:
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, -11, 0, "G", Settings(), NOW)
        cycle = await cycles.create(tx, _cycle(group.id), actor_id=1, event="start", now=NOW)
        assert await contributions.add(tx, cycle.id, 2, "goal", 77, "Wat wil je?", "open_question",
                                       NOW)
        assert not await contributions.add(tx, cycle.id, 2, "goal", 77, "Wat wil je?",
                                           "open_question", NOW)
        assert await contributions.count(tx, cycle.id) == 1


async def test_look_back_lines_and_message_ids_come_back_with_the_closed_cycles(db: Database) -> None:
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, -12, 0, "G", Settings(), NOW)
        cycle = await cycles.create(tx, _cycle(group.id), actor_id=1, event="start", now=NOW)
        await contributions.add(tx, cycle.id, 2, "reality", 77, "Op 1:23 zie ik ...",
                                "observation", NOW)
        await contributions.add(tx, cycle.id, 2, "lookback", 78, "Doorvragen", "move", NOW)
        assert await contributions.of_closed_cycles(tx, group.id) == {}
        await cycles.save(tx, cycle, replace(cycle, phase=Phase.CLOSED), event="next",
                          actor_id=1, now=NOW)
        stored = await contributions.of_closed_cycles(tx, group.id)
    refs = stored[cycle.id]
    assert [(c.phase, c.label, c.message_id) for c in refs] == [
        ("reality", "observation", 77), ("lookback", "move", 78)]


async def test_a_timer_is_claimed_once_and_a_replaced_timer_can_fire_again(db: Database) -> None:
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, -13, 0, "G", Settings(), NOW)
        timer = await timers.set(tx, group.id, "cycle:1:tick", "tick", {"cycle_id": 1}, NOW)
        assert await timers.claim(tx, timer.id, timer.due_at, NOW)
        assert not await timers.claim(tx, timer.id, timer.due_at, NOW)
        later = await timers.set(tx, group.id, "cycle:1:tick", "tick", {"cycle_id": 1},
                                 NOW + timedelta(minutes=2))
        assert later.id == timer.id
        assert not await timers.claim(tx, timer.id, timer.due_at, NOW)  # the old due time
        assert await timers.claim(tx, later.id, later.due_at, NOW)
        assert await timers.pending(tx) == []


async def test_an_update_is_marked_once(db: Database) -> None:
    async with db.transaction() as tx:
        assert await inbox.mark(tx, 1001, NOW)
        assert not await inbox.mark(tx, 1001, NOW)


async def test_a_failed_transaction_leaves_nothing_behind(db: Database) -> None:
    with pytest.raises(RuntimeError):
        async with db.transaction() as tx:
            await groups.register(tx, -15, 0, "G", Settings(), NOW)
            raise RuntimeError("crash halfway")
    async with db.reading() as tx:
        assert await groups.find(tx, -15) is None


async def test_concurrent_handlers_lose_no_write(db: Database) -> None:
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, -17, 0, "G", Settings(), NOW)
        cycle = await cycles.create(tx, _cycle(group.id), actor_id=1, event="start", now=NOW)

    async def contribute(message_id: int) -> None:
        async with db.transaction() as tx:
            await contributions.add(tx, cycle.id, message_id % 4, "goal", message_id, "x",
                                    "other", NOW)
            await asyncio.sleep(0)  # yield inside the transaction, as a handler awaiting I/O

    await asyncio.gather(*(contribute(i) for i in range(200)))
    async with db.reading() as tx:
        assert await contributions.count(tx, cycle.id) == 200


async def test_a_skip_is_used_up_by_the_next_turn_of_the_group(db: Database) -> None:
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, -19, 0, "G", Settings(), NOW)
        for user_id, name in ((1, "Anna"), (2, "Bram")):
            await members.join(tx, group.id, user_id, name, NOW)
        await members.set_skip_next(tx, group.id, 1, True)
        assert [m.skip_next for m in await members.active(tx, group.id)] == [True, False]
        await members.record_turn(tx, group.id, 2, NOW)
        assert [m.skip_next for m in await members.active(tx, group.id)] == [False, False]



async def test_a_members_next_cycle_number_follows_their_latest_closed_cycle(
        db: Database) -> None:
    """Anna's second cycle stopped mid-talk (her turn counted): her next is her cycle 2, as
    the progress line and the coach's chain count closed cycles (found by a review). Cycles
    numbered by turns before (closed 1 and 3) are followed by 4, never a 3 again."""
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, -21, 0, "G", Settings(), NOW)
        await members.join(tx, group.id, 1, "Anna", NOW)
        await members.agree(tx, group.id, 1, NOW)
        for number, phase in ((1, Phase.CLOSED), (2, Phase.CANCELLED)):
            cycle = await cycles.create(tx, replace(_cycle(group.id), number=number),
                                        actor_id=1, event="start", now=NOW)
            await members.record_turn(tx, group.id, 1, NOW)
            await cycles.save(tx, cycle, replace(cycle, phase=phase), event="next",
                              actor_id=1, now=NOW)
        bram = Member(2, "Bram", agreed=True)
        [anna] = await members.active(tx, group.id)
        assert (anna.turns, anna.last_closed_number) == (2, 1)
        nxt = new_cycle(group.id, (anna, bram), NOW, inbrenger_id=1)
        assert isinstance(nxt, Cycle) and nxt.number == 2
        old = await cycles.create(tx, replace(_cycle(group.id), number=3), actor_id=1,
                                  event="start", now=NOW)
        await cycles.save(tx, old, replace(old, phase=Phase.CLOSED), event="next", actor_id=1,
                          now=NOW)
        [anna] = await members.active(tx, group.id)
        nxt = new_cycle(group.id, (anna, bram), NOW, inbrenger_id=1)
        assert isinstance(nxt, Cycle) and nxt.number == 4


async def test_retention_erases_old_words_of_finished_cycles_only(db: Database) -> None:
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, -21, 0, "G", Settings(), NOW)
        done = await cycles.create(tx, _cycle(group.id, Phase.CLOSED), actor_id=1, event="start",
                                   now=NOW)
        running = await cycles.create(tx, _cycle(group.id), actor_id=1, event="start", now=NOW)
        old, recent = NOW - timedelta(days=200), NOW - timedelta(days=10)
        await contributions.add(tx, done.id, 2, "goal", 1, "oud", "open_question", old)
        await contributions.add(tx, done.id, 2, "goal", 2, "recent", "open_question", recent)
        await contributions.add(tx, running.id, 2, "goal", 3, "lopend", "tip", old)
        erased = await contributions.erase_texts_before(tx, group.id, NOW - timedelta(days=180))
        kept = [c.text for c in await contributions.of_cycle(tx, done.id)]
        running_texts = [c.text for c in await contributions.of_cycle(tx, running.id)]
    assert erased == 1 and kept == ["", "recent"] and running_texts == ["lopend"]


async def test_handled_update_ids_are_kept_a_week(db: Database) -> None:
    async with db.transaction() as tx:
        await inbox.mark(tx, 1, NOW - timedelta(days=8))
        await inbox.mark(tx, 2, NOW - timedelta(days=1))
        assert await inbox.forget_old(tx, NOW) == 1
        assert await inbox.mark(tx, 1, NOW) and not await inbox.mark(tx, 2, NOW)


async def test_a_cycle_keeps_the_moment_it_closed_when_saved_again_later(db: Database) -> None:
    """A late look-back answer saves the closed cycle again: its portfolio date stays the day
    it closed, not the day it started."""
    started, closed = NOW - timedelta(days=3), NOW - timedelta(days=2)
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, -31, 0, "G", Settings(), NOW)
        cycle = await cycles.create(tx, _cycle(group.id, Phase.WILL), actor_id=1, event="start",
                                    now=started)
        done = replace(cycle, phase=Phase.CLOSED)
        await cycles.save(tx, cycle, done, event="lookback_end", actor_id=None, now=closed)
        await cycles.save(tx, done, replace(done, lookback_choice=0), event="look", actor_id=1,
                          now=NOW)
        assert await cycles.closed_at(tx, cycle.id) == closed
        rows = await portfolios.group_rows(tx, group.id)
    assert rows is not None
    assert rows[3][cycle.id] == Held(started, closed)


async def test_the_history_holds_the_closed_cycles_only(db: Database) -> None:
    """A cancelled cycle is no cycle done: not in anyone's progress towards three."""
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, -32, 0, "G", Settings(), NOW)
        for number, phase in ((1, Phase.CLOSED), (2, Phase.CANCELLED)):
            cycle = await cycles.create(tx, replace(_cycle(group.id), number=number),
                                        actor_id=1, event="start", now=NOW)
            await cycles.save(tx, cycle, replace(cycle, phase=phase), event="next",
                              actor_id=1, now=NOW)
        history = await cycles.history(tx, group.id)
    assert [past.number for past in history] == [1]


async def test_only_a_next_turn_still_to_come_may_need_correcting(db: Database) -> None:
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, -33, 0, "G", Settings(), NOW)
        told = {}
        for inbrenger, turn in ((1, NOW + timedelta(days=7)), (2, NOW - timedelta(days=1))):
            cycle = await cycles.create(tx, replace(_cycle(group.id), inbrenger_id=inbrenger),
                                        actor_id=1, event="start", now=NOW)
            await cycles.save(tx, cycle, replace(cycle, phase=Phase.CLOSED, next_turn_at=turn),
                              event="next", actor_id=1, now=NOW)
            told[inbrenger] = cycle.id
        assert await cycles.told_turns(tx, group.id, NOW) == [told[1]]


async def test_cancelling_a_timer_that_fired_keeps_it_fired(db: Database) -> None:
    """A planned meeting's job that fired already is not set again when the plan is redone."""
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, -34, 0, "G", Settings(), NOW)
        timer = await timers.set(tx, group.id, "meeting:1:announce", "announce", {}, NOW)
        assert await timers.claim(tx, timer.id, timer.due_at, NOW)
        assert not await timers.cancel(tx, group.id, "meeting:1:announce")
        assert await timers.fired_names(tx, group.id, "meeting:") == ["meeting:1:announce"]


async def test_an_update_still_waiting_after_a_week_is_not_forgotten(db: Database) -> None:
    async with db.transaction() as tx:
        await inbox.store(tx, [inbox.Arrival(3001, -5, '{"update_id": 3001}')],
                          NOW - timedelta(days=8))
        assert await inbox.forget_old(tx, NOW) == 0
        assert await inbox.waiting(tx, -5, 10) == [(3001, '{"update_id": 3001}')]


async def test_a_group_is_welcomed_back_once_after_the_bot_was_removed(db: Database) -> None:
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, -35, 0, "G", Settings(), NOW)
        await groups.bot_removed(tx, -35, NOW)
        assert [g.id for g in await groups.bot_back(tx, -35)] == [group.id]
        assert await groups.bot_back(tx, -35) == []
