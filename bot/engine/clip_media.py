"""Storyboards, stills and replays of a cycle's clip: downloaded once by `file_id`, turned
into derivatives by bot/media/ffmpeg.py, sent, and deleted by the retention job."""
from __future__ import annotations

import logging
from pathlib import Path

from telegram.error import TelegramError
from telegram.ext import Application

from bot.engine import send as outbox
from bot.engine.services import services_of
from bot.media import ffmpeg as media
from bot.texts.render import render, say
from flows.cycle.model import Cycle
from flows.effects import SendReplay, SendStill, SendStoryboard, text
from flows.model import Group

log = logging.getLogger(__name__)

def clip_dir(app: Application) -> Path:
    directory = services_of(app).config.data_dir / "clips"
    directory.mkdir(parents=True, exist_ok=True)
    return directory


async def local_clip(app: Application, cycle: Cycle) -> Path | None:
    if cycle.clip is None:
        return None
    path = clip_dir(app) / f"cycle-{cycle.id}-{cycle.clip.file_unique_id}.mp4"
    if not path.exists():
        try:
            telegram_file = await app.bot.get_file(cycle.clip.file_id)
            await telegram_file.download_to_drive(path)
        except TelegramError as error:
            log.warning("cycle %s: clip not downloadable: %s", cycle.id, error)
            return None
    return path


async def send_clip_media(app: Application, group: Group, cycle: Cycle,
               effect: SendStoryboard | SendStill | SendReplay) -> None:
    language = group.settings.language
    source = await local_clip(app, cycle)
    if source is None:
        await outbox.to_group(app.bot, group, say(language, "clip.media_unavailable"))
        return
    thread = group.thread_id or None
    try:
        if isinstance(effect, SendStoryboard):
            sheet = await media.storyboard(source, source.with_suffix(".storyboard.png"))
            with sheet.open("rb") as picture:
                await app.bot.send_photo(group.chat_id, picture, message_thread_id=thread,
                                         caption=say(language, "clip.storyboard_caption"))
        elif isinstance(effect, SendStill):
            out = source.with_suffix(f".still-{int(effect.seconds)}.jpg")
            frame = await media.still(source, effect.seconds, out)
            with frame.open("rb") as picture:
                await app.bot.send_photo(
                    group.chat_id, picture, message_thread_id=thread,
                    caption=say(language, "clip.still_caption",
                                time=media.format_timestamp(effect.seconds)),
                    reply_to_message_id=effect.reply_to)
        else:
            out = source.with_suffix(f".replay-{int(effect.start)}-{int(effect.end)}.mp4")
            fragment = await media.replay(source, effect.start, effect.end, out)
            with fragment.open("rb") as video:
                await app.bot.send_video(
                    group.chat_id, video, message_thread_id=thread,
                    caption=render(language, text(
                        "clip.replay_caption", start=media.format_timestamp(effect.start),
                        end=media.format_timestamp(effect.end))),
                    reply_to_message_id=effect.reply_to)
    except (media.MediaError, ValueError) as error:
        log.warning("cycle %s: media failed: %s", cycle.id, error)
        await outbox.to_group(app.bot, group, say(language, "clip.media_failed"))

