"""Carrying out what a flow decided, inside the unit's transaction: storage writes, timers,
and every message as an outbox entry (sent after the commit by bot/engine/sender.py)."""
from __future__ import annotations

from html import unescape
from typing import assert_never

from bot.engine import coach_reports
from bot.engine.outgoing import ButtonRows, ClipMedia, Message, Retire, SoundTimeline
from bot.engine.work import Unit
from bot.texts.render import render, render_all, say
from flows.classifier.timestamps import clock
from flows.cycle.model import Cycle
from flows.effects import (
    ButtonsDone,
    CancelTimer,
    Effect,
    Keyboard,
    LogNudge,
    RecordTurn,
    RecordVoiceNotice,
    ReturnTurn,
    Say,
    SayPrivately,
    SendCoachAddition,
    SendCoachStopped,
    SendCoachSummary,
    SendReplay,
    SendSoundTimeline,
    SendStill,
    SendStoryboard,
    SetTimer,
    StoreContribution,
    StoreTranscript,
    Text,
    TranscribeVoice,
    text,
)
from flows.model import Group
from storage import contributions, groups, members


def buttons(language: str, rows: Keyboard) -> ButtonRows:
    # Button labels are plain text in Telegram: the HTML escaping of render() would show.
    return tuple(tuple((unescape(render(language, b.label)), b.data) for b in row)
                 for row in rows)


def to_group(group: Group, html: str, *, reply_to: int | None = None,
             rows: ButtonRows = (), late_lines_of: int | None = None,
             summary_of: int | None = None, summary_tail: str = "",
             nudge_of: int | None = None) -> Message:
    return Message(group.chat_id, html, group.thread_id or None, reply_to, rows,
                   late_lines_of=late_lines_of, summary_of=summary_of,
                   summary_tail=summary_tail, nudge_of=nudge_of)


async def store(unit: Unit, group: Group, cycle: Cycle, effects: tuple[Effect, ...], *,
                late: bool = False) -> None:
    language = group.settings.language
    for effect in effects:
        if isinstance(effect, StoreContribution):
            await contributions.add(unit.tx, cycle.id, effect.user_id, effect.phase,
                                    effect.message_id, effect.text, effect.label, unit.now,
                                    kind=effect.kind, file_id=effect.file_id or None,
                                    duration=effect.duration or None, step=effect.step)
        elif isinstance(effect, StoreTranscript):
            await contributions.set_transcript(unit.tx, cycle.id, effect.message_id,
                                               effect.text, effect.label)
        elif isinstance(effect, RecordVoiceNotice):
            await groups.record_voice_notice(unit.tx, group.id, unit.now)
        elif isinstance(effect, TranscribeVoice):
            unit.voice_notes.append((group.id, effect))
        elif isinstance(effect, SendSoundTimeline):
            await unit.send(sound_timeline(group, cycle, effect))
        elif isinstance(effect, RecordTurn):
            await members.record_turn(unit.tx, group.id, effect.user_id, unit.now)
        elif isinstance(effect, ReturnTurn):
            await members.return_turn(unit.tx, group.id, effect.user_id, cycle.id)
        elif isinstance(effect, LogNudge):
            await contributions.log_nudge(unit.tx, cycle.id, effect.user_id, effect.kind,
                                          effect.message_id, unit.now)
        elif isinstance(effect, (SetTimer, CancelTimer)):
            await unit.set_timer(group.id, effect)
        elif isinstance(effect, Say):
            texts, said_in = effect.texts, effect.language or language
            if late and group.id not in unit.told_late:  # the first message after an outage
                texts, late = (Text("bot.late_note"),) + texts, False
                unit.told_late.add(group.id)
            await unit.send(to_group(group, render_all(said_in, texts),
                                     reply_to=effect.reply_to,
                                     rows=buttons(said_in, effect.buttons),
                                     late_lines_of=cycle.id if effect.invites_late_lines
                                     else None, summary_of=cycle.id if effect.summary else None,
                                     summary_tail=render_all(said_in, effect.summary_tail)
                                     if effect.summary_tail else "",
                                     nudge_of=cycle.id if effect.nudge else None))
        elif isinstance(effect, ButtonsDone):
            outcome = render(language, effect.outcome) if effect.outcome else ""
            await unit.send(Retire(group.chat_id, effect.cycle_id, tuple(sorted(effect.actions)),
                                   tuple(sorted(effect.keep)), outcome, effect.last))
        elif isinstance(effect, SayPrivately):
            said_in = effect.language or language
            rows = buttons(said_in, effect.buttons)
            fallback = to_group(group, render_all(said_in, effect.texts),
                                reply_to=effect.fallback_reply_to, rows=rows,
                                nudge_of=cycle.id if effect.nudge else None)
            private = effect.about + effect.texts + effect.footnote
            await members.told_privately(unit.tx, group.id, effect.user_id, unit.now)
            await unit.send(Message(effect.user_id, render_all(said_in, private),
                                    buttons=rows, fallback=fallback))
        elif isinstance(effect, (SendStoryboard, SendStill, SendReplay)):
            await unit.send(clip_media(group, cycle, effect))
        elif isinstance(effect, SendCoachSummary):
            for item in await coach_reports.summary(unit.tx, group, effect.cycle_id, unit.now):
                await unit.send(item)
        elif isinstance(effect, SendCoachStopped):
            for item in await coach_reports.stopped(unit.tx, group, effect.cycle_id):
                await unit.send(item)
        elif isinstance(effect, SendCoachAddition):
            added = await coach_reports.addition(unit.tx, group, effect.cycle_id, effect.texts)
            for item in added:
                await unit.send(item)
        else:  # a new kind of effect must be carried out here; mypy says so where it is not
            assert_never(effect)


def clip_media(group: Group, cycle: Cycle,
               effect: SendStoryboard | SendStill | SendReplay) -> ClipMedia | Message:
    """The recipe of a storyboard, still or replay; made by the sender's media workers."""
    language = group.settings.language
    if cycle.clip is None:
        return to_group(group, say(language, "clip.media_unavailable"))
    if isinstance(effect, SendStoryboard):
        what, start, end, reply_to = "storyboard", 0.0, 0.0, None
        caption = say(language, "clip.storyboard_caption")
    elif isinstance(effect, SendStill):
        what, start, end, reply_to = "still", effect.seconds, 0.0, effect.reply_to
        caption = say(language, "clip.still_caption", time=clock(effect.seconds))
    else:
        what, start, end, reply_to = "replay", effect.start, effect.end, effect.reply_to
        caption = render(language, text("clip.replay_caption", start=clock(start),
                                        end=clock(end)))
    return ClipMedia(group.chat_id, what, cycle.id, cycle.clip.file_id,
                     cycle.clip.file_unique_id, caption, say(language, "clip.media_failed"),
                     group.thread_id or None, reply_to, start, end, float(cycle.clip.duration))


def sound_timeline(group: Group, cycle: Cycle, effect: SendSoundTimeline) -> SoundTimeline | Message:
    """The recipe of the clip's speech-and-silence timeline; made by the media workers."""
    language = group.settings.language
    if cycle.clip is None:
        return to_group(group, say(language, "clip.media_unavailable"))
    return SoundTimeline(group.chat_id, language, cycle.id, cycle.clip.file_id,
                         cycle.clip.file_unique_id, say(language, "clip.media_failed"),
                         effect.named_moments, group.thread_id or None, effect.reply_to,
                         say(language, "cycle.sound_shown_above") if effect.shown_above else "")
