"""Voice notes to words: after the commit that stored a voice note, the note is downloaded,
transcribed on this machine (bot/media/transcribe.py, in the media pool, with a time limit)
and its words go back into the cycle as a `VoiceTranscribed` event, classified and nudged
like text. No words (no transcriber, silence, a failure): the note stays counted as spoken."""
from __future__ import annotations

import logging
import uuid
from datetime import timedelta
from typing import Any

from telegram.error import TelegramError

from bot.engine.events import can_transcribe, run_event
from bot.engine.services import services_of
from bot.media.transcribe import Transcript, transcribe
from flows.cycle.model import VoiceTranscribed
from flows.effects import TranscribeVoice
from storage import contributions, groups

log = logging.getLogger(__name__)

TIME_LIMIT = 120.0  # seconds of recognising for one note; a longer note stays unread
# At start, notes of the last hour that a stop caught before their words came are read again:
# the talk has moved on further by then, and a nudge that late would only puzzle.
RESUME_WITHIN = timedelta(hours=1)


async def resume(app: Any) -> int:
    """Reads the voice notes that a stop or crash caught between arriving and being read
    (their reading lives only in memory). A transcript that did come is refused by the flow,
    and one that comes after its phase is stored without a nudge. Returns how many."""
    svc = services_of(app)
    async with svc.db.reading() as tx:
        notes = await contributions.unread_voice_notes(tx, svc.now() - RESUME_WITHIN)
        languages = {group_id: group.settings.language
                     for group_id in {note.group_id for note in notes}
                     if (group := await groups.get(tx, group_id)) is not None}
    readable = [note for note in notes if note.group_id in languages
                and can_transcribe(languages[note.group_id])]
    for note in readable:
        request = TranscribeVoice(note.cycle_id, note.message_id, note.file_id,
                                  languages[note.group_id], note.user_id)
        svc.background(transcribe_later(app, note.group_id, request))
    return len(readable)


async def transcribe_later(app: Any, group_id: int, request: TranscribeVoice) -> None:
    svc = services_of(app)
    folder = svc.config.data_dir / "tmp"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"voice-{uuid.uuid4().hex}.ogg"
    try:
        async with svc.media_slots:
            telegram_file = await app.bot.get_file(request.file_id)
            await telegram_file.download_to_drive(path)
            heard = await transcribe(path, request.language, TIME_LIMIT)
    except TelegramError as error:
        log.info("voice note not downloadable: %s", error)
        return
    finally:
        path.unlink(missing_ok=True)
    if not isinstance(heard, Transcript) or not heard.text.strip():
        log.info("voice note not transcribed (%s)", getattr(heard, "reason", "no words"))
        return
    async with svc.db.reading() as tx:
        group = await groups.get(tx, group_id)
    if group is not None:
        await run_event(app, group, VoiceTranscribed(request.user_id, request.message_id,
                                                     heard.text, heard.language),
                        cycle_id=request.cycle_id)
