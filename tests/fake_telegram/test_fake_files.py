"""Files both ways: people upload clips (measured by ffprobe), the bot uploads photos."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from telegram import InputMediaPhoto
from telegram.error import BadRequest

from tests.clips import ffmpeg

if TYPE_CHECKING:
    from telegram import Bot, Message

    from tests.fake_telegram.conftest import Cast


async def latest_message(bot: Bot) -> Message:
    updates = await bot.get_updates(timeout=0)
    await bot.get_updates(offset=updates[-1].update_id + 1, timeout=0)
    message = updates[-1].message
    assert message is not None, updates[-1]
    return message


async def test_uploaded_video_is_measured_and_downloadable(
    bot: Bot, cast: Cast, clip: Path
) -> None:
    sent = await cast.tg.send_video(cast.bram, cast.group, clip, caption="Hoe stel ik vragen?")
    message = await latest_message(bot)
    video = message.video
    assert video is not None
    assert message.caption == "Hoe stel ik vragen?" and message.message_id == sent["message_id"]
    assert sent["video"]["duration"] == 2  # raw dict: PTB's int/timedelta switch aside
    assert (video.width, video.height) == (160, 120)
    assert video.mime_type == "video/mp4" and video.file_size == clip.stat().st_size
    assert video.file_name == "clip.mp4" and video.file_unique_id
    telegram_file = await bot.get_file(video.file_id)
    assert telegram_file.file_path and telegram_file.file_path.endswith(".mp4")
    assert bytes(await telegram_file.download_as_bytearray()) == clip.read_bytes()


async def test_video_as_document_note_and_animation(bot: Bot, cast: Cast, clip: Path) -> None:
    await cast.tg.send_video(cast.anna, cast.group, clip, kind="document", mime_type="video/mp4")
    document = (await latest_message(bot)).document
    assert document is not None and document.mime_type == "video/mp4" and document.file_name == "clip.mp4"
    await cast.tg.send_video(cast.anna, cast.group, clip, kind="video_note", caption="ignored")
    note_message = await latest_message(bot)
    note = note_message.video_note
    assert note is not None and note.length == 160 and note_message.caption is None
    await cast.tg.send_video(cast.anna, cast.group, clip, kind="animation")
    animation_message = await latest_message(bot)
    # Telegram fills `document` too for animations, for backward compatibility.
    animation = animation_message.animation
    assert animation is not None and animation.width == 160
    assert animation_message.document is not None


async def test_unreadable_upload_gets_zero_measurements(bot: Bot, cast: Cast) -> None:
    await cast.tg.send_video(cast.anna, cast.group, b"not a video at all", file_name="kapot.mp4")
    video = (await latest_message(bot)).video
    assert video is not None and (video.width, video.height) == (0, 0) and video.file_size == 18


async def test_files_above_20_mb_cannot_be_downloaded(bot: Bot, cast: Cast) -> None:
    big = b"\0" * (20 * 1024 * 1024 + 1)
    await cast.tg.send_video(cast.anna, cast.group, big, kind="document", mime_type="video/mp4")
    document = (await latest_message(bot)).document
    assert document is not None and document.file_size == len(big)
    with pytest.raises(BadRequest, match="(?i)file is too big"):
        await bot.get_file(document.file_id)


async def test_unknown_file_id(bot: Bot, cast: Cast) -> None:
    with pytest.raises(BadRequest, match="(?i)wrong file_id"):
        await bot.get_file("nope")


async def test_bot_photo_upload_is_visible_and_downloadable(
    bot: Bot, cast: Cast, still: Path
) -> None:
    with still.open("rb") as handle:
        sent = await bot.send_photo(
            cast.group, handle, caption="<b>Storyboard</b>", parse_mode="HTML"
        )
    assert sent.photo[-1].width == 64 and sent.caption == "Storyboard"
    view = await cast.tg.wait_for_text(cast.group, "Storyboard")
    assert view["media"] == "photo" and view["file_id"] == sent.photo[-1].file_id
    assert await cast.tg.download(view["file_id"]) == still.read_bytes()
    again = await bot.send_photo(cast.anna, sent.photo[-1].file_id)  # re-send by file_id
    assert again.photo[-1].file_unique_id == sent.photo[-1].file_unique_id


async def test_bot_resends_a_users_clip_and_sends_a_media_group(
    bot: Bot, cast: Cast, clip: Path, still: Path
) -> None:
    sent = await cast.tg.send_video(cast.bram, cast.group, clip)
    reposted = await bot.send_video(cast.anna, sent["video"]["file_id"], caption="Terugkijken")
    assert reposted.video is not None and reposted.video.file_id == sent["video"]["file_id"]
    album = await bot.send_media_group(
        cast.group, [InputMediaPhoto(still.read_bytes()), InputMediaPhoto(still.read_bytes())]
    )
    assert len(album) == 2 and album[0].media_group_id == album[1].media_group_id
    with pytest.raises(BadRequest, match="(?i)type of file mismatch"):
        await bot.send_photo(cast.anna, sent["video"]["file_id"])
    as_document = await cast.tg.send_video(cast.bram, cast.group, clip, kind="document")
    with pytest.raises(BadRequest, match="(?i)type of file mismatch"):
        await bot.send_video(cast.anna, as_document["document"]["file_id"])
    assert await bot.send_document(cast.anna, as_document["document"]["file_id"])


async def test_empty_files_are_refused(bot: Bot, cast: Cast) -> None:
    with pytest.raises(BadRequest, match="(?i)file must be non-empty"):
        await bot.send_document(cast.anna, b"", filename="leeg.json")
    assert await cast.tg.bot_messages(cast.anna) == []


async def test_photo_limits(bot: Bot, cast: Cast, tmp_path: Path) -> None:
    """sendPhoto: at most 10 MB, width + height at most 10000, sides at most 1:20."""
    with pytest.raises(BadRequest, match="(?i)PHOTO_SAVE_FILE_INVALID"):
        await bot.send_photo(cast.anna, b"\xff" * (10 * 1024 * 1024 + 1))
    strip = tmp_path / "strip.png"
    ffmpeg("-f", "lavfi", "-i", "color=white:size=2100x100", "-frames:v", "1", str(strip))
    with pytest.raises(BadRequest, match="(?i)PHOTO_INVALID_DIMENSIONS"):
        await bot.send_photo(cast.anna, strip.read_bytes())
    assert await bot.send_document(cast.anna, strip.read_bytes(), filename="strip.png")
    wide = tmp_path / "wide.png"
    ffmpeg("-f", "lavfi", "-i", "color=white:size=2000x100", "-frames:v", "1", str(wide))
    assert (await bot.send_photo(cast.anna, wide.read_bytes())).photo[-1].width == 2000
