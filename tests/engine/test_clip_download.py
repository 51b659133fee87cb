"""The clip's copy on disk is fetched when a storyboard, still, replay or sound timeline is
sent. A passing failure of Telegram (a 502, a timeout) is tried again a few times, so the group
still gets its storyboard; a refusal for good (a file too big to download), or a failure that
lasts (a download outage), is told to the group as a failure, and what waits behind it in the
group's lane (the watch button, the talk's opening) goes on (review ux9)."""
from __future__ import annotations

import asyncio
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from telegram.error import BadRequest, NetworkError

from bot.engine.delivery import Delivery
from bot.engine.outgoing import ClipMedia, encode
from bot.engine.sender import Sender
from storage import outbox
from storage.db import Database
from tests.clips import make_clip

NOW = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)
GROUP = -100


class _File:
    def __init__(self, clip: Path) -> None:
        self.clip = clip

    async def download_to_drive(self, path: Path) -> None:
        shutil.copyfile(self.clip, path)


class TelegramWithClip:
    """Telegram's side: getFile fails as told, then hands out the clip."""

    def __init__(self, clip: Path, failures: list[Exception]) -> None:
        self.clip, self.failures = clip, failures
        self.photos: list[str] = []
        self.messages: list[str] = []

    async def get_file(self, file_id: str) -> _File:
        if self.failures:
            raise self.failures.pop(0)
        return _File(self.clip)

    async def send_photo(self, chat_id: int, photo: Any, **kwargs: Any) -> None:
        self.photos.append(kwargs.get("caption") or "")

    async def send_message(self, chat_id: int, text: str, **kwargs: Any) -> Any:
        self.messages.append(text)
        return type("Sent", (), {"message_id": len(self.messages)})()


async def _storyboard_sent(db: Database, bot: TelegramWithClip, data_dir: Path) -> None:
    deliver = Delivery(bot, data_dir, asyncio.Semaphore(1))  # type: ignore[arg-type]
    sender = Sender(db, deliver, lambda: NOW)
    item = ClipMedia(GROUP, "storyboard", 1, "FILE", "UNIQ", "🎞️ Overzicht", "mislukt",
                     duration=2.0)
    async with db.transaction() as tx:
        await outbox.add(tx, GROUP, encode(item), NOW)
    await sender.wake_waiting()
    await sender.idle()


async def test_a_passing_502_on_the_download_is_tried_again_and_the_storyboard_comes(
        db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.engine.sender.FIRST_RETRY", 0.01)
    bot = TelegramWithClip(make_clip(tmp_path / "les.mp4"), [NetworkError("Bad Gateway")])
    await _storyboard_sent(db, bot, tmp_path / "data")
    assert bot.photos == ["🎞️ Overzicht"] and bot.messages == []


async def test_a_clip_telegram_will_not_hand_out_is_told_as_a_failure(
        db: Database, tmp_path: Path) -> None:
    bot = TelegramWithClip(make_clip(tmp_path / "les.mp4"), [BadRequest("File is too big")])
    await _storyboard_sent(db, bot, tmp_path / "data")
    assert bot.photos == [] and bot.messages == ["mislukt"]


async def test_a_download_outage_gives_the_failure_line_and_lets_the_lane_go_on(
        db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.engine.delivery.DOWNLOAD_PAUSE", 0.01)
    outage: list[Exception] = [NetworkError("Bad Gateway") for _ in range(10)]
    bot = TelegramWithClip(make_clip(tmp_path / "les.mp4"), outage)
    await _storyboard_sent(db, bot, tmp_path / "data")
    assert bot.photos == [] and bot.messages == ["mislukt"]
    assert len(outage) == 7  # three tries, then the failure line
    async with db.reading() as tx:
        assert await outbox.count_waiting(tx) == 0
