"""What a flow decides should happen, as plain data; `bot/engine/effects.py` carries it out.

Flows never talk to Telegram, the database or ffmpeg. They return these values, so that a
decision can be tested by comparing lists.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Text:
    """A sentence from the nl/en catalogs, by key. String params are HTML-escaped when
    rendered, except params whose name ends in `_html` (already safe markup)."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)


def text(key: str, **params: Any) -> Text:
    return Text(key, params)


@dataclass(frozen=True)
class Button:
    """An inline button: a label from the catalogs and callback data (see flows/callbacks.py)."""

    label: Text
    data: str


Keyboard = tuple[tuple[Button, ...], ...]


@dataclass(frozen=True)
class Say:
    """A message in the group (its forum topic when it has one). `language` overrides the
    group's language for this one message (a nudge follows the language it reacts to)."""

    texts: tuple[Text, ...]
    buttons: Keyboard = ()
    reply_to: int | None = None
    language: str | None = None
    # A reply to this message is a late look-back line of the cycle (and a reply to no other
    # message of the bot is: flows/cycle/lookback.late_line_invitation).
    invites_late_lines: bool = False
    summary: bool = False  # the cycle's summary (a member's /forget edits it)
    summary_tail: tuple[Text, ...] = ()  # its last texts, kept as they were by such an edit
    nudge: bool = False  # a nudge about `reply_to`: edited when that message is (review ux21)


@dataclass(frozen=True)
class SayPrivately:
    """A message in a member's private chat with the bot, opened by `about` (the line naming
    the group: a member may be in several). When that chat is impossible (the member never
    started the bot, or blocked it), the same text without `about` and `footnote` goes to the
    group instead, as a reply to `fallback_reply_to` where it is set: nothing meant for someone
    is dropped. `footnote`: lines for the member alone (how often a nudge comes), which the
    whole group would read as noise."""

    user_id: int
    texts: tuple[Text, ...]
    buttons: Keyboard = ()
    fallback_reply_to: int | None = None
    language: str | None = None
    about: tuple[Text, ...] = ()
    footnote: tuple[Text, ...] = ()
    nudge: bool = False  # a nudge: its group fallback is one (Say.nudge)


@dataclass(frozen=True)
class ButtonsDone:
    """A cycle's buttons that have done their work (the phase moved on, the question was
    answered): they go from every message of the bot that still shows one, the message's
    other buttons stay, and `outcome` (when set) is added under its words. `actions` names
    them by their action (flows/callbacks.CycleButton); empty: every action but `keep`.
    `last`: the cycle is over, so its messages are not followed any more."""

    cycle_id: int
    actions: frozenset[str] = frozenset()
    keep: frozenset[str] = frozenset()
    outcome: Text | None = None
    last: bool = False


@dataclass(frozen=True)
class SendStoryboard:
    """Post the contact sheet of the cycle's clip in the group."""

    cycle_id: int


@dataclass(frozen=True)
class SendStill:
    """Post the still of the cycle's clip at `seconds`."""

    cycle_id: int
    seconds: float
    reply_to: int | None = None


@dataclass(frozen=True)
class SendReplay:
    """Post the fragment [start, end] of the cycle's clip."""

    cycle_id: int
    start: float
    end: float
    reply_to: int | None = None


@dataclass(frozen=True)
class SetTimer:
    """Fire `event` with `payload` at `due`. A timer with the same name replaces the older one."""

    name: str
    due: datetime
    event: str
    payload: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CancelTimer:
    name: str


@dataclass(frozen=True)
class SendCoachSummary:
    """Send the summary of a closed cycle to every coach linked to the group."""

    cycle_id: int


@dataclass(frozen=True)
class SendCoachStopped:
    """Tell every coach linked to the group that a cycle whose talk had begun stopped before
    its end: no summary will come of it (they wait for one for every cycle, SPEC 5)."""

    cycle_id: int


@dataclass(frozen=True)
class SendCoachAddition:
    """A short addition to a summary the coaches already have (a late look-back answer), sent
    to every coach linked to the group; never the whole summary again."""

    cycle_id: int
    texts: tuple[Text, ...]


@dataclass(frozen=True)
class StoreContribution:
    """Keep a member's message as a contribution of the current phase (once per message).
    A voice note has `kind` "voice", its Telegram `file_id` and `duration` in seconds, no
    words and the label "voice" until a transcript comes (StoreTranscript)."""

    user_id: int
    phase: str
    message_id: int
    text: str
    label: str
    kind: str = "text"
    file_id: str = ""
    duration: int = 0
    step: str = ""  # the step of the phase it was said in (reality's see, strong, analysis)


@dataclass(frozen=True)
class TranscribeVoice:
    """Transcribe this voice note on the bot's own machine (its media pool), then send the
    cycle a `VoiceTranscribed` event for it; nothing when no words come out."""

    cycle_id: int
    message_id: int
    file_id: str
    language: str  # the group's language: a hint for the recogniser
    user_id: int = 0  # who spoke it: the actor of the VoiceTranscribed event


@dataclass(frozen=True)
class StoreTranscript:
    """A voice note's transcript becomes its stored words and label (once per note; the
    same retention and /forget as any text)."""

    message_id: int
    text: str
    label: str


@dataclass(frozen=True)
class RecordVoiceNotice:
    """Remember that the group has been told that voice notes are counted but not read."""


@dataclass(frozen=True)
class SendSoundTimeline:
    """Analyse the sound of the cycle's clip and post its speech-and-silence timeline with
    `flows.reports.sound.sound_report` under it; `named_moments` (seconds) are the time stamps
    members named in reality, marked on the timeline. `shown_above`: the same timeline was
    posted a few minutes ago, so where the clip has speech to show the group is pointed to it
    ("cycle.sound_shown_above") instead; a clip without it gets the same answer as before."""

    cycle_id: int
    named_moments: tuple[float, ...] = ()
    reply_to: int | None = None
    shown_above: bool = False


@dataclass(frozen=True)
class RecordTurn:
    """The member's turn as inbrenger counts from now (the clip was shown to the group)."""

    user_id: int


@dataclass(frozen=True)
class ReturnTurn:
    """The turn counted when the clip was shown did not take place: its cycle stopped because
    the inbrenger left before their commitment (fair rotation counts turns that were had)."""

    user_id: int


@dataclass(frozen=True)
class LogNudge:
    user_id: int | None
    kind: str
    message_id: int | None = None


Effect = (
    Say | SayPrivately | ButtonsDone | SendStoryboard | SendStill | SendReplay | SetTimer | CancelTimer
    | SendCoachSummary | SendCoachStopped | SendCoachAddition | StoreContribution | RecordTurn | ReturnTurn
    | LogNudge | TranscribeVoice | StoreTranscript | RecordVoiceNotice | SendSoundTimeline
)


def about_group(group_title: str) -> tuple[Text, ...]:
    """The line that opens a private message: the group it is about (a member may be in
    several)."""
    return (text("nudge.about_group", group=group_title or "—"),)
