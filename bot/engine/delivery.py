"""Carrying out one stored Bot API call (bot/engine/outgoing.py).

Telegram's errors pass through to the sender, which decides between waiting, retrying,
a fallback and giving up. Media are made here, in a small bounded pool, so that a storyboard
or a still never holds up the handling of updates.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from html import unescape
from pathlib import Path

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, ReplyParameters
from telegram.constants import ParseMode
from telegram.error import BadRequest, TelegramError

from bot.engine.outgoing import (
    ButtonRows,
    Chart,
    ClipMedia,
    Document,
    Edit,
    Message,
    Outgoing,
    PartlySent,
    Photo,
    SoundTimeline,
)
from bot.engine.patience import passing, patiently
from bot.media import ffmpeg, retention
from bot.texts.fit import fit
from bot.texts.render import render, render_all
from flows.reports.sound import sound_report, timeline_caption, timeline_labels, timeline_title

log = logging.getLogger(__name__)
# A clip's download for a storyboard, still or replay: tried this often, this many seconds
# apart (then twice that), before the picture's failure line goes instead.
DOWNLOAD_TRIES, DOWNLOAD_PAUSE = 3, 1.0

def markup(rows: ButtonRows) -> InlineKeyboardMarkup | None:
    if not rows:
        return None
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=data)
                                  for label, data in row] for row in rows])


def _reply(message_id: int | None) -> ReplyParameters | None:
    # A reply to a message deleted meanwhile still goes out, as a plain message.
    return ReplyParameters(message_id, allow_sending_without_reply=True) if message_id else None


@contextmanager
def made_for_one_message(path: Path) -> Iterator[None]:
    """A still, storyboard, fragment, chart or timeline made for one message: deleted once
    sent, or once Telegram refused it (a retry makes it again). Stills and fragments show
    pupils (SPEC 6: derivatives are deleted after use)."""
    try:
        yield
    finally:
        path.unlink(missing_ok=True)


class Delivery:
    def __init__(self, bot: Bot, data_dir: Path, media_slots: asyncio.Semaphore) -> None:
        self.bot = bot
        self.data_dir = data_dir
        self.media_slots = media_slots

    async def __call__(self, item: Outgoing) -> int | None:
        """Carries the call out; a message's id, for the sender to record its buttons."""
        if isinstance(item, Message):
            return await self.message(item)
        if isinstance(item, Photo):
            await self._photo(item.chat_id, Path(item.path), item.caption_html, item.thread_id,
                              item.reply_to)
        elif isinstance(item, Document):
            await self.bot.send_document(item.chat_id, item.content.encode(),
                                         filename=item.filename, caption=item.caption_html or None,
                                         parse_mode=ParseMode.HTML)
        elif isinstance(item, Edit):
            await self._edit(item)
        elif isinstance(item, ClipMedia):
            await self._clip_media(item)
        elif isinstance(item, Chart):
            await self._chart(item)
        elif isinstance(item, SoundTimeline):
            await self._sound_timeline(item)
        return None

    async def message(self, item: Message) -> int:
        body, parse_mode = fit(item.html)
        sent = await self.bot.send_message(item.chat_id, body, parse_mode=parse_mode,
                                           message_thread_id=item.thread_id,
                                           reply_parameters=_reply(item.reply_to),
                                           reply_markup=markup(item.buttons))
        return sent.message_id

    async def _photo(self, chat_id: int, path: Path, caption: str, thread_id: int | None,
                     reply_to: int | None) -> None:
        with path.open("rb") as picture:
            await self.bot.send_photo(chat_id, picture, caption=caption or None,
                                      parse_mode=ParseMode.HTML, message_thread_id=thread_id,
                                      reply_parameters=_reply(reply_to))

    async def _edit(self, item: Edit) -> None:
        try:
            if item.html is not None:
                body, parse_mode = fit(item.html)
                await self.bot.edit_message_text(body, item.chat_id, item.message_id,
                                                 parse_mode=parse_mode,
                                                 reply_markup=markup(item.buttons))
            else:
                await self.bot.edit_message_reply_markup(item.chat_id, item.message_id,
                                                         reply_markup=markup(item.buttons))
        except BadRequest as error:
            if "not modified" not in error.message.lower():
                raise

    async def _clip_media(self, item: ClipMedia) -> None:
        async with self.media_slots:
            made = await self._make_clip_media(item)
        if made is None:
            await self.message(Message(item.chat_id, item.failure_html, item.thread_id))
            return
        with made_for_one_message(made):
            if item.what == "replay":
                with made.open("rb") as video:
                    await self.bot.send_video(item.chat_id, video, caption=item.caption_html,
                                              parse_mode=ParseMode.HTML,
                                              message_thread_id=item.thread_id,
                                              reply_parameters=_reply(item.reply_to))
            else:
                await self._photo(item.chat_id, made, item.caption_html, item.thread_id,
                                  item.reply_to)

    async def _make_clip_media(self, item: ClipMedia) -> Path | None:
        source = await self.local_clip(item.cycle_id, item.file_id, item.file_unique_id)
        if source is None:
            return None
        duration = item.duration or None
        try:
            if item.what == "storyboard":
                return await ffmpeg.storyboard(source, source.with_suffix(".storyboard.png"),
                                               duration=duration)
            if item.what == "still":
                out = source.with_suffix(f".still-{int(item.start)}.jpg")
                return (await ffmpeg.still_frame(source, item.start, out, duration=duration)).path
            out = source.with_suffix(f".replay-{int(item.start)}-{int(item.end)}.mp4")
            return await ffmpeg.replay(source, item.start, item.end, out)
        except ffmpeg.ToolMissing as error:
            log.error("cycle %s: no %s (%s): install ffmpeg (README, 'For the people who run "
                      "it')", item.cycle_id, item.what, error)
            return None
        except (ffmpeg.MediaError, ValueError, OSError) as error:
            log.warning("cycle %s: %s failed: %s", item.cycle_id, item.what, error)
            return None

    async def local_clip(self, cycle_id: int, file_id: str, unique_id: str) -> Path | None:
        """The cycle's clip on disk, downloaded once by its file_id (deleted by the retention
        job once its cycle ended; the clip itself stays on Telegram). None where Telegram
        refuses it, for good (too big) or still after a few quick tries: the picture's
        failure line goes instead, and the group's lane goes on. Retried in the lane with
        growing pauses, a download outage held up everything behind the storyboard, the
        watch button and the talk's opening included (review ux9: a minute and more)."""
        folder = self.data_dir / "clips"
        folder.mkdir(parents=True, exist_ok=True)
        path = retention.clip_copy(folder, cycle_id, unique_id)
        if not path.exists():
            partial = path.with_suffix(".part")

            async def fetched() -> None:
                telegram_file = await self.bot.get_file(file_id)
                await telegram_file.download_to_drive(partial)

            try:
                await patiently(fetched, tries=DOWNLOAD_TRIES, pause=DOWNLOAD_PAUSE,
                                longest=DOWNLOAD_PAUSE * 2)
                partial.replace(path)
            except TelegramError as error:
                partial.unlink(missing_ok=True)
                log.warning("cycle %s: clip not downloadable%s: %s", cycle_id,
                            " for now" if passing(error) else "", error)
                return None
            except OSError:  # no room (the sender waits and tries again): no half file left
                partial.unlink(missing_ok=True)
                raise
        return path

    async def _chart(self, item: Chart) -> None:
        from bot.media import charts  # matplotlib is loaded only when a chart is drawn

        draw = charts.participation_chart if item.kind == "participation" else charts.trend_chart
        folder = self.data_dir / "charts"
        folder.mkdir(parents=True, exist_ok=True)
        data = [tuple(row) for row in item.data]
        try:
            async with self.media_slots:
                # One file per chat: the same chart for two coaches is drawn side by side in
                # their own lanes, each copy deleted once sent.
                path = await asyncio.to_thread(draw, data,
                                               folder / f"{item.chat_id}-{item.filename}",
                                               title=item.title, labels=item.labels)
        except (ValueError, OSError):
            log.exception("chart %s failed; left out", item.filename)
            return
        with made_for_one_message(path):
            await self._photo(item.chat_id, path, item.caption_html, None, None)

    async def _sound_timeline(self, item: SoundTimeline) -> None:
        """The clip's speech and silence: the timeline picture, then the pauses in words."""
        from bot.media.sound import SoundProblem, analyse_sound
        from bot.media.timeline import TimelineLabels, timeline_chart

        language = item.language
        source = await self.local_clip(item.cycle_id, item.file_id, item.file_unique_id)
        if source is None:
            await self.message(Message(item.chat_id, item.failure_html, item.thread_id,
                                       item.reply_to))
            return
        try:
            async with self.media_slots:
                profile = await analyse_sound(source)
                if isinstance(profile, SoundProblem):
                    report = sound_report(problem=profile.reason)
                    picture = None
                elif item.shown_above_html:  # posted a few minutes ago: pointed to, not again
                    report, picture = None, None
                else:
                    labels = TimelineLabels(**{k: unescape(render(language, v)) for k, v
                                               in timeline_labels(profile.min_pause).items()})
                    picture = await asyncio.to_thread(
                        timeline_chart, profile, source.with_suffix(".sound.png"),
                        title=unescape(render(language, timeline_title())), labels=labels,
                        named_moments=item.named_moments)
                    report = sound_report(duration=profile.duration,
                                          pauses=[(s.start, s.end) for s in profile.pauses],
                                          speech_share=profile.speech_share,
                                          min_pause=profile.min_pause,
                                          named_moments=item.named_moments)
        except (ffmpeg.MediaError, ValueError, OSError) as error:
            log.warning("cycle %s: sound analysis failed: %s", item.cycle_id, error)
            await self.message(Message(item.chat_id, item.failure_html, item.thread_id,
                                       item.reply_to))
            return
        # Under the picture the report follows it; without one it answers the request itself.
        html = item.shown_above_html if report is None else render_all(language, report)
        words = Message(item.chat_id, html, item.thread_id,
                        item.reply_to if picture is None else None)
        if picture is None:
            await self.message(words)
            return
        with made_for_one_message(picture):
            await self._photo(item.chat_id, picture, render(language, timeline_caption()),
                              item.thread_id, item.reply_to)
        try:
            await self.message(words)
        except TelegramError as error:  # the picture is out: only the words are tried again
            raise PartlySent(words, error) from error
