"""Voice notes during the talk (SPEC 4): a spoken contribution counts like a written one. It
is stored with its length; where the bot's machine can transcribe, the transcript is
classified and nudged like text, and otherwise the group hears once that voice notes are
counted but not read, and nudging leaves them alone."""
from __future__ import annotations

from dataclasses import replace

from flows.cycle.commitment import propose_words
from flows.cycle.model import (
    LOOKBACK,
    MOVE,
    VOICE,
    ContributionRef,
    Cycle,
    CycleContext,
    Decision,
    Event,
    VoiceNote,
)
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
    """In the look back a peer's note is their line; the inbrenger's note in will is their
    commitment once it is read (and where it cannot be, they are asked to type it)."""
    assert isinstance(event, VoiceNote)
    cycle = ctx.cycle
    line = _in_lookback(cycle) and event.actor != cycle.inbrenger_id
    phase = LOOKBACK if line else cycle.phase.value
    store = StoreContribution(event.actor, phase, event.message_id, "", VOICE,
                              kind=VOICE, file_id=event.file_id, duration=event.duration)
    history = cycle.nudge_history.spoke(
        event.actor, inbrenger_id=cycle.inbrenger_id, message_id=event.message_id, now=ctx.now)
    cycle = replace(cycle, nudge_history=history)
    effects: tuple[Effect, ...] = (store,)
    if ctx.can_transcribe:
        effects += (TranscribeVoice(cycle.id, event.message_id, event.file_id,
                                    ctx.settings.language, event.actor),)
    elif _speaks_commitment(cycle, event.actor):
        effects += (Say((text("voice.commitment_typed"),), reply_to=event.message_id),)
    elif not ctx.voice_notice_given:
        effects += (Say((text("voice.not_read"),), reply_to=event.message_id),
                    RecordVoiceNotice())
    return Decision(cycle, effects)


def _in_lookback(cycle: Cycle) -> bool:
    return cycle.phase is Phase.WILL and current_step(cycle) == WillStep.LOOKBACK


def _speaks_commitment(cycle: Cycle, actor: int) -> bool:
    return (actor == cycle.inbrenger_id and cycle.phase is Phase.WILL
            and current_step(cycle) == WillStep.COMMIT)


def stored_note(ctx: CycleContext, message_id: int) -> ContributionRef | None:
    return next((c for c in ctx.contributions if c.message_id == message_id and c.is_voice),
                None)


def transcript_open(ctx: CycleContext, event: Event) -> Text | None:
    """A transcript belongs to a stored voice note without words yet: once per note."""
    note = stored_note(ctx, getattr(event, "message_id", 0))
    if note is None or note.text or not getattr(event, "text", "").strip():
        return text("cycle.refused.transcript")
    return None


def take_transcript(ctx: CycleContext, event: Event) -> Decision:
    """The note's words are stored and classified; they are reacted to (nudge, still offer,
    strong moment) only while the talk is still in the phase the note was spoken in."""
    note = stored_note(ctx, getattr(event, "message_id", 0))
    assert note is not None
    cycle = ctx.cycle
    words, language = getattr(event, "text", ""), getattr(event, "language", None)
    if note.phase == LOOKBACK:  # a peer's spoken look-back line: their move, in their words
        return Decision(cycle, (StoreTranscript(note.message_id, words.strip(), MOVE),))
    if _speaks_commitment(cycle, note.user_id) and note.phase == Phase.WILL.value:
        return propose_words(ctx, note.user_id, note.message_id, words, language, voice=True)
    talking = (cycle.phase in TALK_PHASES and cycle.phase.value == note.phase
               and cycle.step != WillStep.LOOKBACK)
    return respond_to_words(ctx, note.user_id, note.message_id, words, language,
                            nudge=talking, voice=True)
