"""/audio asked again within a few minutes: the group is pointed to the timeline above only
where there is one. A clip without sound gets its own answer again (a review heard "the
timeline of speech and silence is above" for a clip whose only answer had been that it has no
sound)."""
from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

from bot.engine.delivery import Delivery
from bot.engine.outgoing import SoundTimeline, encode
from bot.engine.sender import Sender
from bot.texts.render import say
from storage import outbox
from storage.db import Database
from tests.clips import make_clip
from tests.engine.test_clip_download import TelegramWithClip
from tests.media import speech_audio

NOW = datetime(2026, 12, 8, 10, 0, tzinfo=UTC)
GROUP = -100
ABOVE = say("en", "cycle.sound_shown_above")


async def _asked_again(db: Database, bot: TelegramWithClip, data_dir: Path) -> None:
    sender = Sender(db, Delivery(bot, data_dir, asyncio.Semaphore(1)),  # type: ignore[arg-type]
                    lambda: NOW)
    item = SoundTimeline(GROUP, "en", 1, "FILE", "UNIQ", "failed", shown_above_html=ABOVE)
    async with db.transaction() as tx:
        await outbox.add(tx, GROUP, encode(item), NOW)
    await sender.wake_waiting()
    await sender.idle()


async def test_a_clip_without_sound_asked_again_hears_again_that_it_has_no_sound(
        db: Database, tmp_path: Path) -> None:
    bot = TelegramWithClip(make_clip(tmp_path / "les.mp4"), [])  # testsrc: no audio stream
    await _asked_again(db, bot, tmp_path / "data")
    assert bot.photos == []
    assert len(bot.messages) == 1 and "This clip has no sound" in bot.messages[0]
    assert "above" not in bot.messages[0]


async def test_a_clip_with_speech_asked_again_is_pointed_to_the_timeline_above(
        db: Database, tmp_path: Path) -> None:
    clip = speech_audio.build(tmp_path / "les.mp4", speech_audio.tone_layout()).path
    bot = TelegramWithClip(clip, [])
    await _asked_again(db, bot, tmp_path / "data")
    assert bot.photos == [] and bot.messages == [ABOVE]
