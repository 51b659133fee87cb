"""Voice notes during the talk (SPEC 4): a spoken contribution counts like a written one. It
is stored with its length; where the bot's machine can transcribe, the transcript is
classified and nudged like text, and otherwise the group hears once that voice notes are
counted but not read, and nudging leaves them alone."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from flows.cycle.commitment import propose_words
from flows.cycle.events import Event, VoiceNote, VoiceTranscribed
from flows.cycle.model import LOOKBACK, MOVE, VOICE, ContributionRef, Cycle, CycleContext, Decision
from flows.cycle.phases import current_step
from flows.cycle.talk import respond_to_words
from flows.effects import (
    Effect,
    RecordVoiceNotice,
    Say,
    StoreContribution,
    StoreTranscript,
    Text,
    TranscribeVoice,
    text,
)
from flows.model import TALK_PHASES, Phase, WillStep


def take_voice(ctx: CycleContext, event: Event) -> Decision:
    """A voice note in the talk: counted, read where the machine can, and where it cannot the
    group hears so once."""
    return _take(ctx, event, ctx.cycle.phase.value, _notice_once)


def take_spoken_line(ctx: CycleContext, event: Event) -> Decision:
    """A peer's voice note in the look back is their line: kept there, read where it can be."""
    return _take(ctx, event, LOOKBACK, _notice_once)


def take_spoken_commitment(ctx: CycleContext, event: Event) -> Decision:
    """The inbrenger's voice note in will: proposed as the commitment once read (voice.py's
    `take_transcript`). Reading takes a while and may fail, so they hear it is coming and that
    typing it serves too; where nothing reads voice notes, or nothing reads them well enough
    to note their words (pocketsphinx), they are asked to type it."""
    def answer(ctx: CycleContext, message_id: int) -> tuple[Effect, ...]:
        key = ("voice.commitment_typed" if not ctx.can_transcribe
               else "voice.commitment_listening" if ctx.transcripts_quotable
               else "voice.commitment_not_quotable")
        return (Say((text(key),), reply_to=message_id),)
    return _take(ctx, event, ctx.cycle.phase.value, answer)


Answer = Callable[[CycleContext, int], tuple[Effect, ...]]


def _notice_once(ctx: CycleContext, message_id: int) -> tuple[Effect, ...]:
    if ctx.can_transcribe or ctx.voice_notice_given:
        return ()
    return (Say((text("voice.not_read"),), reply_to=message_id), RecordVoiceNotice())


def _take(ctx: CycleContext, event: Event, phase: str, answer: Answer) -> Decision:
    assert isinstance(event, VoiceNote)
    cycle = ctx.cycle
    store = StoreContribution(event.actor, phase, event.message_id, "", VOICE,
                              kind=VOICE, file_id=event.file_id, duration=event.duration,
                              step=cycle.step if phase == cycle.phase.value else "")
    history = cycle.nudge_history.spoke(
        event.actor, inbrenger_id=cycle.inbrenger_id, message_id=event.message_id, now=ctx.now)
    cycle = replace(cycle, nudge_history=history)
    effects: tuple[Effect, ...] = (store,)
    if ctx.can_transcribe:
        effects += (TranscribeVoice(cycle.id, event.message_id, event.file_id,
                                    ctx.settings.language, event.actor),)
    return Decision(cycle, effects + answer(ctx, event.message_id))


def _speaks_commitment(cycle: Cycle, actor: int) -> bool:
    return (actor == cycle.inbrenger_id and cycle.phase is Phase.WILL
            and current_step(cycle) == WillStep.COMMIT)


def stored_note(ctx: CycleContext, message_id: int) -> ContributionRef | None:
    return next((c for c in ctx.contributions if c.message_id == message_id and c.is_voice),
                None)


def transcript_open(ctx: CycleContext, event: Event) -> Text | None:
    """A transcript belongs to a stored voice note without words yet: once per note (a note
    read without keeping its words has its label), and not to a note its speaker erased
    (/forget) while it was read."""
    note = stored_note(ctx, getattr(event, "message_id", 0))
    if note is None or note.text or note.label != VOICE or note.erased \
            or not getattr(event, "text", "").strip():
        return text("cycle.refused.transcript")
    return None


def take_transcript(ctx: CycleContext, event: Event) -> Decision:
    """The note's words are stored and classified; they are reacted to (nudge, still offer,
    strong moment) only while the talk is still in the phase the note was spoken in. Words
    that may not be quoted (`quotable`: pocketsphinx's, whose small words are often wrong)
    are classified and nudged all the same, but not kept: the note is shown by its length as
    an unread one is, a look-back line stays unread, and no commitment is proposed from them
    (the inbrenger was asked to type it)."""
    assert isinstance(event, VoiceTranscribed)
    note = stored_note(ctx, event.message_id)
    assert note is not None
    cycle, words, language = ctx.cycle, event.text, event.language
    if note.phase == LOOKBACK:  # a peer's spoken look-back line: their move, in their words
        if not event.quotable:
            return Decision(cycle)
        return Decision(cycle, (StoreTranscript(note.message_id, words.strip(), MOVE),))
    commitment = _speaks_commitment(cycle, note.user_id) and note.phase == Phase.WILL.value
    if commitment and event.quotable:
        return propose_words(ctx, note.user_id, note.message_id, words, language, voice=True)
    talking = (cycle.phase in TALK_PHASES and cycle.phase.value == note.phase
               and cycle.step != WillStep.LOOKBACK and not commitment)
    return respond_to_words(ctx, note.user_id, note.message_id, words, language,
                            nudge=talking, voice=True, quotable=event.quotable)
