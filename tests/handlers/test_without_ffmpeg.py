"""ffmpeg missing on the bot's machine (a PATH without it, a container built without it): a
clip that must be checked is not blamed on the member ("the file seems damaged"); the group
hears that a part is missing on the bot's computer and the operator reads what to install."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.media.process import missing_tools
from fake_telegram.scenes import make_clip
from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import QUESTION, announced
from tests.handlers.updates import BRAM, GROUP, arrived


async def test_a_clip_that_must_be_checked_is_not_called_damaged_when_ffprobe_is_missing(
        bot: InProcessBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
        tmp_path: Path) -> None:
    await announced(bot)
    sent = await bot.tg.send_video(BRAM.user_id, GROUP, make_clip(tmp_path), caption=QUESTION,
                                   kind="document", mime_type="video/mp4")  # checked first
    monkeypatch.setenv("PATH", "/nonexistent")  # from here on, for the bot
    since = await bot.tg.mark()
    await bot.handle(arrived(bot.app.bot, sent))
    said = await bot.said(since=since)
    assert any("ontbreekt een onderdeel (ffmpeg)" in words for words in said), said
    assert not any("beschadigd" in words for words in said)
    assert "a clip could not be checked (probe: ffprobe not available): install ffmpeg" \
        in caplog.text
    assert await bot.db_one("SELECT json_extract(data, '$.clip') FROM cycles") == (None,)


def test_the_tools_missing_are_named_at_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    assert missing_tools() == ["ffmpeg", "ffprobe"]
