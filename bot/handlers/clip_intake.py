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

from bot.engine.patience import passing, patiently
from bot.engine.services import services
from bot.handlers.common import length_of
from bot.media import ffmpeg as media
from flows.cycle.clip_check import ClipLimits, found_problem, metadata_problem
from flows.cycle.events import ClipPosted
from flows.cycle.model import Clip
from flows.effects import Text, text

log = logging.getLogger(__name__)

# A passing failure of Telegram while the clip is fetched for its check is tried again while
# the inbrenger waits for the answer (about 3 s at most), before they are asked to send it again.
FETCH_TRIES, FETCH_PAUSE, FETCH_LONGEST = 3, 1.0, 2.0

CLIP_FILTER = (filters.VIDEO | filters.VIDEO_NOTE | filters.ANIMATION | filters.Document.ALL)
# A photo, a voice-less file: whatever can carry words besides the text of a message.
MEDIA_FILTER = CLIP_FILTER | filters.CAPTION


def limits(context: ContextTypes.DEFAULT_TYPE) -> ClipLimits:
    """20 MB through Telegram's Bot API; more with a local server (INTERVISION_MAX_CLIP_MB)."""
    return ClipLimits(max_mb=services(context).config.max_clip_mb)


def kind_of(message: Message) -> str | None:
    """What a clip of this message would be (video, video_note, animation, document: a video
    file); "file" for any other document; None without either (a photo)."""
    kind, _ = _attachment(message)
    return kind or ("file" if message.document else None)


def seconds_of(message: Message) -> int:
    """The length Telegram gives for the message's video, animation or video note (0: none)."""
    _, attachment = _attachment(message)
    return length_of(getattr(attachment, "duration", None))


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


async def _probe(context: ContextTypes.DEFAULT_TYPE, file_id: str) -> tuple[int, Text | None]:
    """Downloads, probes and deletes the file. Returns its duration and any problem."""
    directory = services(context).config.data_dir / "tmp"
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"probe-{uuid.uuid4().hex}"
    allowed = limits(context)

    async def fetched() -> None:
        telegram_file = await context.bot.get_file(file_id)
        await telegram_file.download_to_drive(path)

    try:
        await patiently(fetched, tries=FETCH_TRIES, pause=FETCH_PAUSE, longest=FETCH_LONGEST)
        found = await media.probe(path, max_bytes=allowed.max_bytes,
                                  max_seconds=allowed.max_seconds,
                                  min_seconds=allowed.min_seconds)
    except TelegramError as error:
        log.info("clip could not be downloaded for checking: %s", error)
        if passing(error):  # Telegram's hiccup outlasted the tries: send the same clip again
            return 0, text("clip.not_fetched")
        return 0, found_problem(allowed, "unreadable")
    except media.ToolMissing as error:
        log.error("a clip could not be checked (%s): install ffmpeg, which brings ffprobe "
                  "(README, 'For the people who run it')", error.reason)
        return 0, text("clip.check_unavailable")
    finally:
        path.unlink(missing_ok=True)
    if isinstance(found, media.ClipProblem):
        return 0, found_problem(allowed, found.reason)
    return round(found.duration), None


async def clip_event(context: ContextTypes.DEFAULT_TYPE, user_id: int, message: Message, *,
                     probe: bool = True) -> ClipPosted | None:
    """None when the message holds no video at all. Without `probe` (a clip from someone who
    owes none) nothing is downloaded: Telegram's metadata is all there is."""
    kind, attachment = _attachment(message)
    if kind is None or attachment is None:
        return None
    size = attachment.file_size or 0
    duration = seconds_of(message)
    problem = metadata_problem(limits(context), size, duration)
    if probe and problem is None and (kind == "document" or duration == 0):
        async with services(context).media_slots:
            duration, problem = await _probe(context, attachment.file_id)
    clip = Clip(attachment.file_id, attachment.file_unique_id, kind, duration,
                message.message_id, message.media_group_id)
    return ClipPosted(user_id, clip, message.caption, problem)
