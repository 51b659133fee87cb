"""What the bot sends, as stored values: one Bot API call each, rendered when it was decided.

A decision's messages are written to the outbox (storage/outbox.py) in the transaction of the
decision, encoded by `encode`; the sender (bot/engine/sender.py) decodes and delivers them.
Texts are rendered HTML already, so delivery needs no catalogs and no flow; media are recipes
(which clip, which moment) so that a restart can still make them.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from telegram.error import TelegramError

ButtonRows = tuple[tuple[tuple[str, str], ...], ...]  # rows of (label, callback data)


def rows_without(rows: ButtonRows, gone: Callable[[str], bool]) -> ButtonRows:
    """The rows without the buttons whose callback data is `gone`; rows left empty go."""
    kept = (tuple((label, data) for label, data in row if not gone(data)) for row in rows)
    return tuple(row for row in kept if row)


@dataclass(frozen=True)
class Message:
    """A text message. `fallback`: where it goes instead when the chat refuses it (a member
    who never started the bot or blocked it): a reply in the group, or nowhere."""

    chat_id: int
    html: str
    thread_id: int | None = None
    reply_to: int | None = None
    buttons: ButtonRows = ()
    fallback: Message | None = None
    late_lines_of: int | None = None  # the cycle a reply to it gives a late look-back line
    summary_of: int | None = None  # the cycle it summarises (a /forget edits it)
    summary_tail: str = ""  # its end that names no one's words (kept as sent by that edit)
    nudge_of: int | None = None  # the cycle of the nudge it is (its reply_to is the message)


@dataclass(frozen=True)
class Photo:
    """A picture the bot made earlier (a file in the data folder)."""

    chat_id: int
    path: str
    caption_html: str = ""
    thread_id: int | None = None
    reply_to: int | None = None


@dataclass(frozen=True)
class Document:
    chat_id: int
    filename: str
    content: str
    caption_html: str = ""


@dataclass(frozen=True)
class Edit:
    """A message of the bot changed: new words (when `html` is set) and/or other buttons."""

    chat_id: int
    message_id: int
    html: str | None = None
    buttons: ButtonRows = ()


@dataclass(frozen=True)
class Retire:
    """A cycle's buttons that have done their work (flows.effects.ButtonsDone). The sender
    turns it into an Edit of every message it recorded as showing one (bot/engine/
    live_buttons.py); it waits in the group's lane, so the messages decided before it have
    been sent, and recorded, by the time it comes."""

    chat_id: int
    cycle_id: int
    actions: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()
    outcome_html: str = ""
    last: bool = False


@dataclass(frozen=True)
class ClipMedia:
    """A storyboard, a still or a replay of a cycle's clip, made when it is sent."""

    chat_id: int
    what: str  # storyboard | still | replay
    cycle_id: int
    file_id: str
    file_unique_id: str
    caption_html: str
    failure_html: str
    thread_id: int | None = None
    reply_to: int | None = None
    start: float = 0.0
    end: float = 0.0
    duration: float = 0.0  # known from the intake: no probe before a still or storyboard


@dataclass(frozen=True)
class Chart:
    """A chart (PNG) drawn when it is sent: `kind` names the drawing in bot/media/charts.py."""

    chat_id: int
    kind: str  # participation | trend
    data: Any
    title: str
    labels: dict[str, str] = field(default_factory=dict)
    caption_html: str = ""
    filename: str = "chart.png"


@dataclass(frozen=True)
class SoundTimeline:
    """The clip's speech and silence: analysed, drawn and reported when sent."""

    chat_id: int
    language: str
    cycle_id: int
    file_id: str
    file_unique_id: str
    failure_html: str
    named_moments: tuple[float, ...] = ()
    thread_id: int | None = None
    reply_to: int | None = None
    shown_above_html: str = ""  # asked again soon: this answers, where a timeline could be made


Outgoing = Message | Photo | Document | Edit | Retire | ClipMedia | Chart | SoundTimeline
_KINDS: dict[str, type] = {cls.__name__: cls for cls in (Message, Photo, Document, Edit, Retire,
                                                          ClipMedia, Chart, SoundTimeline)}


class PartlySent(Exception):
    """The first of an item's two calls went out and the second did not: what is tried
    again (`rest`) is only the second, so the group does not get the first twice."""

    def __init__(self, rest: Outgoing, cause: TelegramError) -> None:
        super().__init__(cause.message)
        self.rest, self.cause = rest, cause


def encode(item: Outgoing) -> str:
    return json.dumps({"type": type(item).__name__, **asdict(item)}, ensure_ascii=False,
                      separators=(",", ":"))


def decode(payload: str) -> Outgoing:
    data = json.loads(payload)
    return _build(data)


def _build(data: dict[str, Any]) -> Outgoing:
    cls = _KINDS[data.pop("type", "Message")]
    known = {f.name for f in fields(cls)}
    values = {k: v for k, v in data.items() if k in known}
    if "buttons" in values:
        values["buttons"] = tuple(tuple((label, data) for label, data in row)
                                  for row in values["buttons"])
    for name in ("named_moments", "actions", "keep"):
        if name in values:
            values[name] = tuple(values[name])
    if values.get("fallback") is not None:
        values["fallback"] = _build({"type": "Message", **values["fallback"]})
    return cls(**values)  # type: ignore[no-any-return]


def lane_of(item: Outgoing) -> int:
    """Messages to one chat go out in order, one lane per chat."""
    return item.chat_id
