"""A voice note in the talk is read even when Telegram stumbles once while handing it out
(a 502): the download is tried again, so a spoken tip is still read and nudged like text;
before, it stayed unread, counted only by its length."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import voice_notes
from bot.engine.services import services_of
from bot.media.transcribe import Transcript
from bot.startup.application import build_application
from fake_telegram import FakeTelegramServer
from tests.bot_api import config_for, start, stop
from tests.handlers.in_process import InProcessBot, voice_note_sent
from tests.handlers.talk import to_the_talk
from tests.handlers.updates import CATO
from tests.waiting import eventually

TIP = "je zou meer wachttijd kunnen geven"


async def test_a_voice_note_is_read_after_a_passing_502(
        bot: InProcessBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    async def hears(path: object, language: str, time_limit: float) -> Transcript:
        return Transcript(TIP, "nl", "whisper", 3.0)

    monkeypatch.setenv("INTERVISION_TRANSCRIBER", "whisper")
    monkeypatch.setattr(voice_notes, "transcribe", hears)
    monkeypatch.setattr(voice_notes, "RETRY_SECONDS", 0.01)
    await to_the_talk(bot)
    await bot.tg.arm_error("getFile", error_code=502, description="Bad Gateway")
    sent = await voice_note_sent(bot, CATO, tmp_path)

    async def read() -> tuple[object, ...] | None:
        row = await bot.db_one("SELECT text, label FROM contributions WHERE message_id = ?",
                               sent["message_id"])
        return row if row and row[0] else None

    assert await eventually(read, what="the voice note's words") == (TIP, "tip")


async def test_a_voice_note_a_stop_caught_unread_is_read_after_the_next_start(
        bot: InProcessBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        server: FakeTelegramServer) -> None:
    """Its reading lives only in memory: a stop between the note's arrival and its words
    would leave a spoken tip counted by its length for ever."""
    async def hears(path: object, language: str, time_limit: float) -> Transcript:
        return Transcript(TIP, "nl", "whisper", 3.0)

    monkeypatch.setenv("INTERVISION_TRANSCRIBER", "whisper")
    monkeypatch.setattr(voice_notes, "transcribe", hears)
    await to_the_talk(bot)
    services_of(bot.app).on_voice_note = None  # stopped before it came to read the note
    sent = await voice_note_sent(bot, CATO, tmp_path)
    words = "SELECT text FROM contributions WHERE message_id = ?"
    assert await bot.db_one(words, sent["message_id"]) == (None,)
    again = await start(build_application(config_for(server, tmp_path)))  # the next start
    try:
        async def read() -> tuple[object, ...] | None:
            row = await bot.db_one(words, sent["message_id"])
            return row if row and row[0] else None

        assert await eventually(read, what="the voice note's words") == (TIP,)
    finally:
        await stop(again)
