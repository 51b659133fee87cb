"""A voice note in the talk is read on this machine (bot/engine/voice_notes.py): its words
come into the cycle while it is open, with no addition for the coach (the summary will hold
them), the recording leaves no copy on the disk, and the recogniser is told the group's
language. At a start, only the notes of the last hour that a stop caught unread are read
again, and only where this machine can read the group's language."""
from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.engine import voice_notes
from bot.engine.sender import Sender
from bot.engine.services import services_of
from bot.media.transcribe import Transcript
from storage import groups
from storage.clock import to_db
from tests.handlers.in_process import InProcessBot, coach_linked, voice_note_sent
from tests.handlers.talk import to_the_talk
from tests.handlers.updates import CATO, GROUP, Person
from tests.waiting import eventually

TIP = "je zou meer wachttijd kunnen geven"
COACH = Person(4001, "Carla")
WORDS = "SELECT text FROM contributions WHERE message_id = ?"


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A stand-in recogniser that hears TIP in any note; the languages it was asked for."""
    asked: list[str] = []

    async def hears(path: object, language: str, time_limit: float) -> Transcript:
        asked.append(language)
        return Transcript(TIP, language, "whisper", 3.0)

    monkeypatch.setenv("INTERVISION_TRANSCRIBER", "whisper")
    monkeypatch.setattr(voice_notes, "transcribe", hears)
    return asked


async def _read(bot: InProcessBot, message_id: int) -> tuple[object, ...]:
    async def words() -> tuple[object, ...] | None:
        row = await bot.db_one(WORDS, message_id)
        return row if row and row[0] else None

    return await eventually(words, what="the voice note's words")


async def test_a_note_read_during_the_talk_leaves_the_coach_and_the_disk_alone(
        bot: InProcessBot, heard: list[str], tmp_path: Path) -> None:
    await to_the_talk(bot)
    await coach_linked(bot, COACH)
    since = await bot.tg.mark()
    sent = await voice_note_sent(bot, CATO, tmp_path)
    assert await _read(bot, sent["message_id"]) == (TIP,)
    sender = services_of(bot.app).sender
    assert isinstance(sender, Sender)
    await sender.idle()
    assert await bot.said(COACH.user_id, since=since) == []  # the summary will hold it
    assert heard == ["nl"]  # the group's language, as a hint
    downloads = services_of(bot.app).config.data_dir / "tmp"
    assert list(downloads.glob("voice-*")) == []  # the recording was not kept


async def test_a_start_reads_again_only_the_notes_of_the_last_hour(
        bot: InProcessBot, heard: list[str], tmp_path: Path) -> None:
    """A nudge on a note hours old would only puzzle; the recogniser hears the group's
    language as it is now (English here)."""
    await to_the_talk(bot)
    services_of(bot.app).on_voice_note = None  # stopped before it came to read them
    old = await voice_note_sent(bot, CATO, tmp_path)
    fresh = await voice_note_sent(bot, CATO, tmp_path)
    async with services_of(bot.app).db.transaction() as tx:
        await tx.execute("UPDATE contributions SET created_at = ? WHERE message_id = ?",
                         (to_db(datetime.now(UTC) - timedelta(hours=1, minutes=5)),
                          old["message_id"]))
        group = await groups.find(tx, GROUP)
        assert group is not None
        await groups.save_settings(tx, group.id, replace(group.settings, language="en"))
    assert await voice_notes.resume(bot.app) == 1
    assert await _read(bot, fresh["message_id"]) == (TIP,)
    assert heard == ["en"]
    assert await bot.db_one(WORDS, old["message_id"]) == (None,)


async def test_a_start_leaves_notes_this_machine_cannot_read(
        bot: InProcessBot, heard: list[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """pocketsphinx knows English only: a Dutch group's note is not read as English."""
    await to_the_talk(bot)
    services_of(bot.app).on_voice_note = None
    sent = await voice_note_sent(bot, CATO, tmp_path)
    monkeypatch.setenv("INTERVISION_TRANSCRIBER", "pocketsphinx")
    assert await voice_notes.resume(bot.app) == 0
    assert heard == []
    assert await bot.db_one(WORDS, sent["message_id"]) == (None,)
