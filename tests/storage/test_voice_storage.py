"""Voice notes in storage: stored once with their file_id and length, a transcript sets their
words once, and retention and /forget erase the recording's file_id with the words."""
from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import aiosqlite
import pytest

from flows.cycle.model import VOICE, Cycle
from flows.model import Phase, Settings
from storage import contributions, cycles, groups, late_line_invitations, privacy
from storage.db import Database
from storage.migrations import apply_pending

NOW = datetime(2026, 12, 2, 14, 0, tzinfo=UTC)


@pytest.fixture
async def db(tmp_path):  # type: ignore[no-untyped-def]
    database = await Database.open(tmp_path / "voice.db")
    yield database
    await database.close()


async def _setup(db: Database, phase: Phase = Phase.REALITY, chat_id: int = -31
                 ) -> tuple[int, int]:
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, chat_id, 0, "G", Settings(), NOW)
        cycle = await cycles.create(tx, Cycle(id=0, group_id=group.id, inbrenger_id=1, number=1,
                                              phase=phase, phase_started_at=NOW),
                                    actor_id=1, event="start", now=NOW)
    return group.id, cycle.id


async def test_a_voice_note_is_stored_once_with_its_length_and_no_words(db):  # type: ignore[no-untyped-def]
    _, cycle_id = await _setup(db)
    async with db.transaction() as tx:
        for _ in range(2):
            await contributions.add(tx, cycle_id, 2, "reality", 70, "", VOICE, NOW, kind=VOICE,
                                    file_id="voice-file", duration=35)
        await contributions.add(tx, cycle_id, 3, "reality", 71, "Wat zie je?", "open_question",
                                NOW)
        refs = await contributions.of_cycle(tx, cycle_id)
        stored = await tx.one("SELECT text, file_id FROM contributions WHERE message_id = 70")
    assert [(c.kind, c.duration, c.text, c.label) for c in refs] == [
        ("voice", 35, "", "voice"), ("text", 0, "Wat zie je?", "open_question")]
    assert refs[0].is_voice and not refs[1].is_voice
    assert stored["text"] is None and stored["file_id"] == "voice-file"


async def test_a_transcript_sets_the_words_and_label_once_and_only_of_a_voice_note(db):  # type: ignore[no-untyped-def]
    _, cycle_id = await _setup(db)
    async with db.transaction() as tx:
        await contributions.add(tx, cycle_id, 2, "reality", 70, "", VOICE, NOW, kind=VOICE,
                                file_id="f", duration=12)
        await contributions.add(tx, cycle_id, 3, "reality", 71, "Tekst", "other", NOW)
        assert await contributions.set_transcript(tx, cycle_id, 70, "Je zou kunnen wachten.",
                                                  "tip")
        assert not await contributions.set_transcript(tx, cycle_id, 70, "Anders", "other")
        assert not await contributions.set_transcript(tx, cycle_id, 71, "Anders", "other")
        refs = await contributions.of_cycle(tx, cycle_id)
    assert [(c.text, c.label, c.kind) for c in refs] == [
        ("Je zou kunnen wachten.", "tip", "voice"), ("Tekst", "other", "text")]


async def test_unread_voice_notes_are_those_a_restart_should_still_read(db):  # type: ignore[no-untyped-def]
    group_id, cycle_id = await _setup(db)
    async with db.transaction() as tx:
        for message_id, at in ((70, NOW), (71, NOW), (72, NOW - timedelta(hours=2)), (73, NOW)):
            await contributions.add(tx, cycle_id, 2, "will", message_id, "", VOICE, at,
                                    kind=VOICE, file_id=f"f{message_id}", duration=9)
        await contributions.add(tx, cycle_id, 3, "will", 74, "Tekst", "other", NOW)
        await contributions.set_transcript(tx, cycle_id, 71, "Al gelezen.", "other")
        await tx.execute("UPDATE contributions SET file_id = NULL WHERE message_id = 73")
        unread = await contributions.unread_voice_notes(tx, NOW - timedelta(hours=1))
    assert unread == [contributions.UnreadNote(group_id, cycle_id, 2, 70, "f70")]
    async with db.transaction() as tx:  # a cycle called off has nobody waiting for words
        await tx.execute("UPDATE cycles SET phase = 'cancelled' WHERE id = ?", (cycle_id,))
        assert await contributions.unread_voice_notes(tx, NOW - timedelta(hours=1)) == []


async def test_retention_erases_a_voice_notes_file_id_but_keeps_its_length(db):  # type: ignore[no-untyped-def]
    group_id, cycle_id = await _setup(db)
    async with db.transaction() as tx:
        cycle = await cycles.get(tx, cycle_id)
        assert cycle is not None
        await cycles.save(tx, cycle, replace(cycle, phase=Phase.CLOSED), event="next",
                          actor_id=1, now=NOW)
        await contributions.add(tx, cycle_id, 2, "reality", 70, "", VOICE,
                                NOW - timedelta(days=200), kind=VOICE, file_id="f", duration=9)
        assert await contributions.erase_texts_before(tx, group_id, NOW - timedelta(days=180))
        row = await tx.one("SELECT file_id, duration, label FROM contributions")
        closed = await contributions.of_closed_cycles(tx, group_id)
    assert row["file_id"] is None and row["duration"] == 9 and row["label"] == "voice"
    assert closed[cycle_id][0].duration == 9


async def test_forget_erases_a_members_voice_notes_and_export_shows_them(db):  # type: ignore[no-untyped-def]
    _, cycle_id = await _setup(db)
    async with db.transaction() as tx:
        await contributions.add(tx, cycle_id, 2, "reality", 70, "", VOICE, NOW, kind=VOICE,
                                file_id="f", duration=35)
        await contributions.add(tx, cycle_id, 3, "reality", 71, "", VOICE, NOW, kind=VOICE,
                                file_id="g", duration=5)
        data = await privacy.member_data(tx, 2)
        assert privacy.has_anything(data)
        [note] = data["groups"][0]["contributions"]
        assert note["kind"] == "voice" and note["seconds"] == 35 and note["recording_kept"]
        await privacy.forget_member(tx, 2)
        assert not privacy.has_anything(await privacy.member_data(tx, 2))
        rows = await tx.all("SELECT user_id, file_id, duration FROM contributions ORDER BY id")
    assert [(r["user_id"], r["file_id"], r["duration"]) for r in rows] == [
        (2, None, 35), (3, "g", 5)]


async def test_words_erased_by_forget_do_not_come_back_by_an_edit_or_a_transcript(db):  # type: ignore[no-untyped-def]
    """Found by a review: a peer who used /forget during an open cycle, then corrected an old
    message, had its words stored again; so did a voice note whose transcript came in after
    the /forget. Both now stay erased, and the flow sees them as erased."""
    _, cycle_id = await _setup(db)
    async with db.transaction() as tx:
        await contributions.add(tx, cycle_id, 2, "reality", 70, "", VOICE, NOW, kind=VOICE,
                                file_id="f", duration=35)
        await contributions.add(tx, cycle_id, 2, "reality", 71, "Wat deed je toen?",
                                "open_question", NOW)
        await contributions.add(tx, cycle_id, 3, "reality", 72, "Wat zag je?", "open_question",
                                NOW)
        await privacy.forget_member(tx, 2)
        assert not await contributions.set_transcript(tx, cycle_id, 70, "mijn woorden", "tip")
        assert not await contributions.edit_text(tx, cycle_id, 71, "Wat deed jij?", "tip")
        assert await contributions.edit_text(tx, cycle_id, 72, "Wat zag jij?", "open_question")
        refs = await contributions.of_cycle(tx, cycle_id)
        rows = await tx.all("SELECT text FROM contributions ORDER BY id")
    assert [r["text"] for r in rows] == [None, None, "Wat zag jij?"]
    assert [r.erased for r in refs] == [True, True, False]


async def test_the_voice_notice_is_recorded_once_per_group(db):  # type: ignore[no-untyped-def]
    group_id, _ = await _setup(db)
    async with db.transaction() as tx:
        assert not await groups.voice_notice_given(tx, group_id)
        await groups.record_voice_notice(tx, group_id, NOW)
        await groups.record_voice_notice(tx, group_id, NOW + timedelta(days=1))
        assert await groups.voice_notice_given(tx, group_id)
        row = await tx.one("SELECT voice_notice_at FROM groups WHERE id = ?", (group_id,))
    assert row["voice_notice_at"].startswith("2026-12-02")


async def _one_contribution_at(path, version: int, phase: str, words: str,  # type: ignore[no-untyped-def]
                               label: str) -> None:
    """A database at an older migration `version` holding one cycle and one contribution."""
    async with aiosqlite.connect(path, isolation_level=None) as conn:
        assert (await apply_pending(conn, up_to=version))[-1] == version
        await conn.execute("INSERT INTO groups (chat_id, title, created_at) "
                           "VALUES (-1, 'G', '2026-01-01T00:00:00+00:00')")
        await conn.execute("INSERT INTO cycles (group_id, inbrenger_id, number, phase, "
                           "created_at, phase_started_at) VALUES (1, 1, 1, ?, "
                           "'2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00')", (phase,))
        await conn.execute("INSERT INTO contributions (cycle_id, user_id, phase, message_id, "
                           "text, label, created_at) VALUES (1, 2, ?, 5, ?, ?, "
                           "'2026-01-01T00:00:00+00:00')", (phase, words, label))


async def test_contributions_stored_before_migration_4_are_text(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "three.db"
    await _one_contribution_at(path, 3, "goal", "Wat wil je?", "open_question")
    database = await Database.open(path)
    async with database.reading() as tx:
        [ref] = await contributions.of_cycle(tx, 1)
        assert not await groups.voice_notice_given(tx, 1)
    await database.close()
    assert ref.kind == "text" and ref.duration == 0 and ref.text == "Wat wil je?"


async def test_one_contribution_and_who_spoke_are_read_without_the_whole_talk(db):  # type: ignore[no-untyped-def]
    """An edit looks up just its own message, /status just who spoke: both as the whole
    talk would say it (the hot paths no longer load every contribution of the cycle)."""
    _, cycle_id = await _setup(db)
    _, other_cycle = await _setup(db, chat_id=-32)
    async with db.transaction() as tx:
        await contributions.add(tx, cycle_id, 2, "reality", 70, "", VOICE, NOW, kind=VOICE,
                                file_id="f", duration=12)
        await contributions.add(tx, cycle_id, 3, "reality", 71, "Wat zie je?", "open_question",
                                NOW)
        await contributions.add(tx, cycle_id, 3, "reality", 72, "En daarna?", "open_question",
                                NOW)
        await contributions.add(tx, other_cycle, 4, "reality", 71, "Elders", "other", NOW)
        whole = {c.message_id: c for c in await contributions.of_cycle(tx, cycle_id)}
        assert await contributions.one(tx, cycle_id, 71) == whole[71]
        assert await contributions.one(tx, cycle_id, 70) == whole[70]
        assert await contributions.one(tx, cycle_id, 73) is None
        assert await contributions.speakers(tx, cycle_id) == {2, 3}
        assert await contributions.speakers(tx, other_cycle) == {4}



async def test_a_late_line_invitation_names_its_cycle_for_a_week(db):  # type: ignore[no-untyped-def]
    """A reply to the invitation finds its cycle; any other message, or one after a week
    (the housekeeping's forget_old), finds none."""
    _, cycle_id = await _setup(db)
    async with db.transaction() as tx:
        await late_line_invitations.record(tx, -31, 500, cycle_id, NOW)
        assert await late_line_invitations.cycle_of(tx, -31, 500) == cycle_id
        assert await late_line_invitations.cycle_of(tx, -31, 501) is None
        assert await late_line_invitations.cycle_of(tx, -32, 500) is None
        await late_line_invitations.forget_old(tx, NOW + timedelta(days=6))
        assert await late_line_invitations.cycle_of(tx, -31, 500) == cycle_id
        await late_line_invitations.forget_old(tx, NOW + timedelta(days=8))
        assert await late_line_invitations.cycle_of(tx, -31, 500) is None


async def test_the_step_a_contribution_was_said_in_is_kept(db):  # type: ignore[no-untyped-def]
    _, cycle_id = await _setup(db)
    async with db.transaction() as tx:
        await contributions.add(tx, cycle_id, 2, "reality", 80, "Op 0:31 wacht je, dat werkt.",
                                "observation", NOW, step="strong")
        await contributions.add(tx, cycle_id, 3, "reality", 81, "", VOICE, NOW, kind=VOICE,
                                file_id="f", duration=9, step="analysis")
        await contributions.add(tx, cycle_id, 3, "goal", 82, "Wat wil je?", "open_question", NOW)
    async with db.reading() as tx:
        steps = {c.message_id: c.step for c in await contributions.of_cycle(tx, cycle_id)}
        assert (await contributions.one(tx, cycle_id, 80)).step == "strong"
    assert steps == {80: "strong", 81: "analysis", 82: ""}


async def test_contributions_stored_before_migration_10_have_no_step(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "nine.db"
    await _one_contribution_at(path, 9, "reality", "Op 0:03 ...", "observation")
    database = await Database.open(path)
    async with database.reading() as tx:
        [ref] = await contributions.of_cycle(tx, 1)
    await database.close()
    assert ref.step == "" and ref.text == "Op 0:03 ..."
