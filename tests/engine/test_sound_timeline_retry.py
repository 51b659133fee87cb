"""The sound timeline is two calls: the picture, then the pauses in words. When the second
fails for a moment (a 502), only the words are tried again (found by a review: the whole item
was, and the group got the picture twice)."""
from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from telegram.error import NetworkError

from bot.engine.delivery import Delivery
from bot.engine.outgoing import SoundTimeline, encode
from bot.engine.sender import Sender
from storage import outbox
from storage.db import Database
from tests.engine.test_clip_download import TelegramWithClip
from tests.media import speech_audio

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
GROUP = -100


class _Bot(TelegramWithClip):
    """Telegram's side: hands out the clip; the first message after the picture fails."""

    def __init__(self, clip: Path) -> None:
        super().__init__(clip, [])
        self.message_failures = 1

    async def send_message(self, chat_id: int, text: str, **kwargs: Any) -> Any:
        if self.message_failures:
            self.message_failures -= 1
            raise NetworkError("Bad Gateway")
        return await super().send_message(chat_id, text, **kwargs)


async def test_a_failed_report_under_the_timeline_is_sent_again_without_the_picture(
        db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.engine.sender.FIRST_RETRY", 0.01)
    clip = speech_audio.build(tmp_path / "les.mp4", speech_audio.tone_layout()).path
    bot = _Bot(clip)
    sender = Sender(db, Delivery(bot, tmp_path / "data", asyncio.Semaphore(1)),  # type: ignore[arg-type]
                    lambda: NOW)
    item = SoundTimeline(GROUP, "nl", 1, "FILE", "UNIQ", "mislukt")
    async with db.transaction() as tx:
        await outbox.add(tx, GROUP, encode(item), NOW)
    await sender.wake_waiting()
    await sender.idle()
    assert len(bot.photos) == 1 and len(bot.messages) == 1 and "mislukt" not in bot.messages[0]
    async with db.reading() as tx:
        assert await outbox.count_waiting(tx) == 0
