"""From a Telegram message with a video to the flow's ClipPosted event.

Telegram's own metadata answers most checks (size, duration); a video sent as a file, or one
whose duration Telegram could not read, is downloaded and probed with ffprobe, then deleted:
we keep the `file_id`, never the video.
"""
from __future__ import annotations

import logging
import uuid

from telegram import Message
from telegram.error import TelegramError
from telegram.ext import ContextTypes, filters

from bot.engine.services import services
from bot.media import ffmpeg as media
from bot.startup.config import max_clip_bytes
from flows.cycle.model import Clip, ClipPosted
from flows.effects import Text, text

log = logging.getLogger(__name__)

CLIP_FILTER = (filters.VIDEO | filters.VIDEO_NOTE | filters.ANIMATION | filters.Document.ALL)
MAX_BYTES = max_clip_bytes()  # 20 MB through Telegram's Bot API; more with a local server
MAX_SECONDS = 10 * 60
MIN_SECONDS = 2


def _attachment(message: Message):  # type: ignore[no-untyped-def]
    if message.video:
        return "video", message.video
    if message.video_note:
        return "video_note", message.video_note
    if message.animation:
        return "animation", message.animation
    document = message.document
    if document and (document.mime_type or "").startswith("video/"):
        return "document", document
    return None, None


def _problem_from_metadata(size: int, duration: int) -> Text | None:
    if size > MAX_BYTES:
        return text("clip.too_large", max_mb=MAX_BYTES // (1024 * 1024))
    if duration > MAX_SECONDS:
        return text("clip.too_long", max_minutes=MAX_SECONDS // 60)
    if 0 < duration < MIN_SECONDS:
        return text("clip.too_short", min_seconds=MIN_SECONDS)
    return None


async def _probe(context: ContextTypes.DEFAULT_TYPE, file_id: str) -> tuple[int, Text | None]:
    """Downloads, probes and deletes the file. Returns its duration and any problem."""
    directory = services(context).config.data_dir / "tmp"
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"probe-{uuid.uuid4().hex}"
    try:
        telegram_file = await context.bot.get_file(file_id)
        await telegram_file.download_to_drive(path)
        found = await media.probe(path, max_bytes=MAX_BYTES, max_seconds=MAX_SECONDS,
                                  min_seconds=MIN_SECONDS)
    except TelegramError as error:
        log.info("clip could not be downloaded for checking: %s", error)
        return 0, text("clip.unreadable")
    except media.ToolMissing as error:
        log.error("a clip could not be checked (%s): install ffmpeg, which brings ffprobe "
                  "(README, 'For the people who run it')", error.reason)
        return 0, text("clip.check_unavailable")
    finally:
        path.unlink(missing_ok=True)
    if isinstance(found, media.ClipProblem):
        return 0, text(f"clip.{found.reason}", max_mb=MAX_BYTES // (1024 * 1024),
                       max_minutes=MAX_SECONDS // 60, min_seconds=MIN_SECONDS)
    return round(found.duration), None


async def clip_event(context: ContextTypes.DEFAULT_TYPE, user_id: int, message: Message, *,
                     probe: bool = True) -> ClipPosted | None:
    """None when the message holds no video at all. Without `probe` (a clip from someone who
    owes none) nothing is downloaded: Telegram's metadata is all there is."""
    kind, attachment = _attachment(message)
    if kind is None or attachment is None:
        return None
    size = attachment.file_size or 0
    duration = int(getattr(attachment, "duration", 0) or 0)
    problem = _problem_from_metadata(size, duration)
    if probe and problem is None and (kind == "document" or duration == 0):
        async with services(context).media_slots:
            duration, problem = await _probe(context, attachment.file_id)
    clip = Clip(attachment.file_id, attachment.file_unique_id, kind, duration,
                message.message_id)
    return ClipPosted(user_id, clip, message.caption, problem)
