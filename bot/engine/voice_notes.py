"""Voice notes to words: after the commit that stored a voice note, the note is downloaded,
transcribed on this machine (bot/media/transcribe.py, in the media pool, with a time limit)
and its words go back into the cycle as a `VoiceTranscribed` event, classified and nudged
like text. No words (no transcriber, silence, a failure): the note stays counted as spoken.
A note whose cycle closed before its words came (a spoken look-back line often closes it)
was in the summaries as unread: its words then go to the coaches as an addition."""
from __future__ import annotations

import logging
import uuid
from datetime import timedelta
from typing import Any

from telegram.error import TelegramError

from bot.engine import effects
from bot.engine.events import can_transcribe, decide_in
from bot.engine.patience import patiently
from bot.engine.services import services_of
from bot.engine.work import work
from bot.media.transcribe import TIME_LIMIT, Transcript, TranscriptionUnavailable, transcribe
from flows.cycle.events import VoiceTranscribed
from flows.cycle.model import CycleContext
from flows.effects import SendCoachAddition, TranscribeVoice
from flows.reports.coach_summary import read_after_summary
from storage import contributions, cycles, groups, members

log = logging.getLogger(__name__)

# At start, notes of the last hour that a stop caught before their words came are read again:
# the talk has moved on further by then, and a nudge that late would only puzzle.
RESUME_WITHIN = timedelta(hours=1)
# A passing failure of Telegram while the note is fetched (a 5xx, a timeout) is tried again.
ATTEMPTS = 3
RETRY_SECONDS = 2.0


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
        svc.background(transcribe_later(app, note.group_id, request),
                       f"reading voice note {note.message_id} of group {note.group_id}")
    return len(readable)


async def transcribe_later(app: Any, group_id: int, request: TranscribeVoice) -> None:
    svc = services_of(app)
    folder = svc.config.data_dir / "tmp"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"voice-{uuid.uuid4().hex}.ogg"

    async def fetched_and_heard() -> Transcript | TranscriptionUnavailable:
        try:
            async with svc.media_slots:
                telegram_file = await app.bot.get_file(request.file_id)
                await telegram_file.download_to_drive(path)
                return await transcribe(path, request.language, TIME_LIMIT)
        finally:
            path.unlink(missing_ok=True)

    try:
        heard = await patiently(fetched_and_heard, tries=ATTEMPTS, pause=RETRY_SECONDS,
                                longest=4 * RETRY_SECONDS)
    except TelegramError as error:
        log.info("voice note not downloadable: %s", error)
        return
    if not isinstance(heard, Transcript) or not heard.text.strip():
        log.info("voice note not transcribed (%s)", getattr(heard, "reason", "no words"))
        return
    await take_words(app, group_id, request, heard.text, heard.language,
                     quotable=heard.quotable)


async def take_words(app: Any, group_id: int, request: TranscribeVoice, words: str,
                     language: str | None, *, quotable: bool = True) -> None:
    """The note's words into its cycle, in one unit with the coaches' addition when the
    cycle closed while the note was still unread (not for words that may not be quoted:
    the summaries showed the note by its length, and so it stays)."""
    async with work(app) as unit:
        assert unit is not None  # no update id: never handled before
        group = await groups.get(unit.tx, group_id)
        cycle = await cycles.get(unit.tx, request.cycle_id)
        if group is None or cycle is None:
            return
        before = CycleContext(cycle, group.settings, await members.named(unit.tx, group.id),
                              unit.now, await contributions.of_cycle(unit.tx, cycle.id))
        decision = await decide_in(unit, group, VoiceTranscribed(
            request.user_id, request.message_id, words, language, quotable),
            cycle_id=cycle.id)
        addition = read_after_summary(before, request.message_id, words) if quotable else ()
        if decision is not None and not decision.refused and addition:
            await effects.store(unit, group, decision.cycle,
                                (SendCoachAddition(cycle.id, addition),))
