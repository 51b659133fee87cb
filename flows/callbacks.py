"""Callback data of every inline button, typed: one frozen dataclass per kind of button, with
`pack()` inside Telegram's 64 bytes and one `parse()` for all of them that never raises.

A button that acts on a cycle carries the cycle's id, so that a button from a closed or
another cycle is recognised as stale (and one pressed in a private chat still finds its
group). Forged or old data parses to None; the handler then answers the press kindly.

    cy:<cycle>:<action>[:<argument>]     the cycle's own buttons (accept, watched, next, ...)
    still:<cycle>:<seconds>              show the clip at a moment
    agree:<group>                        agree to the group agreements
    leave:<group>:<yes|no>:<user>        confirm one's /leave (only that member's press counts)
    forget:<yes|no>:<user>:<issued>      confirm erasing one's own data (issued: unix seconds)
    set:<group>:<view>:<name>:<value>    an admin's choice of a setting (view: s settings, u setup)
    sched:<group>:<yes|no>:<rhythm>      confirm a rhythm of meetings (rhythm: compact, or #row)
    who:<group>:<action>:<user>          a person a typed name did not pin (cycle, swap, uncoach)
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

MAX_BYTES = 64  # Telegram's limit for callback_data
# A confirmation to erase everything should not stay clickable for days.
FORGET_VALID = timedelta(minutes=15)


def _fits(packed: str) -> str:
    if len(packed.encode()) > MAX_BYTES:
        raise ValueError(f"callback data too long: {packed!r}")
    return packed


def mark_of(state: str) -> str:
    """Six characters that change with `state`: carried in a button, they tell whether what
    the message showed is still so when it is pressed (a rhythm, the settings)."""
    return hashlib.sha256(state.encode()).hexdigest()[:6]


def _number(part: str) -> int | None:
    """Plain ASCII digits only: '²' and '٣' are digits to Python, not to us."""
    return int(part) if part.isascii() and part.isdigit() and len(part) < 16 else None


@dataclass(frozen=True)
class CycleButton:
    cycle_id: int
    action: str
    argument: str = ""

    PREFIX = "cy"

    def pack(self) -> str:
        packed = f"{self.PREFIX}:{self.cycle_id}:{self.action}"
        return _fits(packed + (f":{self.argument}" if self.argument else ""))

    @classmethod
    def unpack(cls, data: str) -> CycleButton | None:
        parts = data.split(":", 3)
        cycle_id = _number(parts[1]) if len(parts) >= 3 else None
        if parts[0] != cls.PREFIX or cycle_id is None or not parts[2].isidentifier():
            return None
        return cls(cycle_id, parts[2], parts[3] if len(parts) > 3 else "")


@dataclass(frozen=True)
class StillButton:
    """`cycle_id` is None for buttons made before it was carried: the open cycle is meant."""

    cycle_id: int | None
    seconds: int

    PREFIX = "still"

    def pack(self) -> str:
        return _fits(f"{self.PREFIX}:{self.cycle_id or 0}:{self.seconds}")

    @classmethod
    def unpack(cls, data: str) -> StillButton | None:
        parts = data.split(":")
        numbers = [_number(p) for p in parts[1:]]
        if parts[0] != cls.PREFIX or not numbers or None in numbers or len(numbers) > 2:
            return None
        if len(numbers) == 1:
            return cls(None, numbers[0] or 0)
        return cls(numbers[0] or None, numbers[1] or 0)


@dataclass(frozen=True)
class AgreeButton:
    group_id: int

    PREFIX = "agree"

    def pack(self) -> str:
        return _fits(f"{self.PREFIX}:{self.group_id}")

    @classmethod
    def unpack(cls, data: str) -> AgreeButton | None:
        prefix, _, rest = data.partition(":")
        group_id = _number(rest)
        return cls(group_id) if prefix == cls.PREFIX and group_id is not None else None


@dataclass(frozen=True)
class LeaveButton:
    """A member's "yes, I stop" or "no, I stay" under their /leave (only theirs counts)."""

    group_id: int
    answer: str  # yes | no
    user_id: int

    PREFIX = "leave"

    def pack(self) -> str:
        return _fits(f"{self.PREFIX}:{self.group_id}:{self.answer}:{self.user_id}")

    @classmethod
    def unpack(cls, data: str) -> LeaveButton | None:
        parts = data.split(":")
        if len(parts) != 4 or parts[0] != cls.PREFIX or parts[2] not in ("yes", "no"):
            return None
        group_id, user_id = _number(parts[1]), _number(parts[3])
        if group_id is None or user_id is None:
            return None
        return cls(group_id, parts[2], user_id)


@dataclass(frozen=True)
class StopButton:
    """"Yes, stop the talk" or "no, we go on" under a /cancel typed during the talk: only
    the one who asked or an admin decides, and only for the cycle it was asked in."""

    group_id: int
    answer: str  # yes | no
    user_id: int
    cycle_id: int

    PREFIX = "stop"

    def pack(self) -> str:
        return _fits(f"{self.PREFIX}:{self.group_id}:{self.answer}:{self.user_id}:"
                     f"{self.cycle_id}")

    @classmethod
    def unpack(cls, data: str) -> StopButton | None:
        parts = data.split(":")
        if len(parts) != 5 or parts[0] != cls.PREFIX or parts[2] not in ("yes", "no"):
            return None
        group_id, user_id, cycle_id = _number(parts[1]), _number(parts[3]), _number(parts[4])
        if group_id is None or user_id is None or cycle_id is None:
            return None
        return cls(group_id, parts[2], user_id, cycle_id)


@dataclass(frozen=True)
class ForgetButton:
    """Whose question it was and when, so a foreign or old confirmation does nothing; and
    what "yes" erases: one group's (its id), or everything in every group (0). A button
    made before groups were chosen has four parts and meant everything: it still does."""

    answer: str  # yes | no
    user_id: int
    issued: int
    group_id: int = 0  # 0: everything, in every group

    PREFIX = "forget"

    def pack(self) -> str:
        group = f":{self.group_id}" if self.group_id else ""
        return _fits(f"{self.PREFIX}:{self.answer}:{self.user_id}:{self.issued}{group}")

    @classmethod
    def unpack(cls, data: str) -> ForgetButton | None:
        parts = data.split(":")
        if len(parts) not in (4, 5) or parts[0] != cls.PREFIX or parts[1] not in ("yes", "no"):
            return None
        user_id, issued = _number(parts[2]), _number(parts[3])
        group_id = _number(parts[4]) if len(parts) == 5 else 0
        if user_id is None or issued is None or group_id is None:
            return None
        return cls(parts[1], user_id, issued, group_id)

    def is_stale(self, now: datetime) -> bool:
        return abs(now.timestamp() - self.issued) > FORGET_VALID.total_seconds()


def _word(part: str, extra: str = "") -> bool:
    """ASCII letters, digits, '_' and a few `extra` characters: nothing else rides in a button."""
    return bool(part) and part.isascii() and all(ch.isalnum() or ch in "_" + extra
                                                  for ch in part)


@dataclass(frozen=True)
class SettingButton:
    """One value of one setting, chosen by pressing it under /settings or /setup (`view`
    says which message to show again afterwards: s settings, u setup). `mark`: the settings
    the message showed (flows.settings_choice.settings_mark); "" on buttons made before."""

    group_id: int
    view: str
    name: str
    value: str
    mark: str = ""

    PREFIX = "set"

    def pack(self) -> str:
        mark = f":{self.mark}" if self.mark else ""
        return _fits(f"{self.PREFIX}:{self.group_id}:{self.view}:{self.name}:{self.value}{mark}")

    @classmethod
    def unpack(cls, data: str) -> SettingButton | None:
        parts = data.split(":")
        if len(parts) not in (5, 6) or parts[0] != cls.PREFIX or parts[2] not in ("s", "u"):
            return None
        group_id = _number(parts[1])
        if group_id is None or not _word(parts[3]) or not _word(parts[4], "/+-"):
            return None
        mark = parts[5] if len(parts) == 6 else ""
        if mark and not _word(mark):
            return None
        return cls(group_id, parts[2], parts[3], parts[4], mark)


@dataclass(frozen=True)
class ScheduleButton:
    """Save (yes) or drop (no) the rhythm /schedule understood, or show it a week later
    (later: the other week of a rhythm of several weeks, or a weekly one begun a week on).
    `rhythm` is its compact form (flows/schedule/compact.py) when that fits, else '#<id>' of
    a pending row; `asked` when the question was asked and `base` a mark of the rhythm saved
    then, so an older question does not decide after another rhythm was saved (compact.py).
    A button from before these two (four parts) reads with both empty: out of date."""

    group_id: int
    answer: str  # yes | no | later
    rhythm: str
    asked: str = ""
    base: str = ""

    PREFIX = "sched"

    def pack(self) -> str:
        return _fits(f"{self.PREFIX}:{self.group_id}:{self.answer}:{self.rhythm}:"
                     f"{self.asked}:{self.base}")

    @classmethod
    def unpack(cls, data: str) -> ScheduleButton | None:
        parts = data.split(":")
        if len(parts) == 4:
            parts += ["", ""]
        if len(parts) != 6 or parts[0] != cls.PREFIX or parts[2] not in ("yes", "no", "later"):
            return None
        group_id = _number(parts[1])
        if group_id is None or not _word(parts[3], "#~*,-/"):
            return None
        if any(part and not _word(part) for part in parts[4:]):
            return None
        return cls(group_id, parts[2], parts[3], parts[4], parts[5])


@dataclass(frozen=True)
class PersonButton:
    """A person chosen by an admin where a typed name fitted several (or none was typed):
    the inbrenger of a cycle to start (`cycle`), the member who takes the turn (`swap`), or a
    coach to unlink (`uncoach`). A swap is about one cycle's turn, so its button names that
    cycle (`cycle_id`): pressed in a later cycle it is stale, not that cycle's swap."""

    group_id: int
    action: str
    user_id: int
    cycle_id: int | None = None

    PREFIX = "who"
    ACTIONS = ("cycle", "swap", "uncoach")

    def pack(self) -> str:
        cycle = "" if self.cycle_id is None else f":{self.cycle_id}"
        return _fits(f"{self.PREFIX}:{self.group_id}:{self.action}:{self.user_id}{cycle}")

    @classmethod
    def unpack(cls, data: str) -> PersonButton | None:
        parts = data.split(":")
        if len(parts) not in (4, 5) or parts[0] != cls.PREFIX or parts[2] not in cls.ACTIONS:
            return None
        group_id, user_id = _number(parts[1]), _number(parts[3])
        cycle_id = _number(parts[4]) if len(parts) == 5 else None
        if group_id is None or user_id is None or (len(parts) == 5 and cycle_id is None):
            return None
        return cls(group_id, parts[2], user_id, cycle_id)


Button = (CycleButton | StillButton | AgreeButton | LeaveButton | StopButton | ForgetButton
          | SettingButton | ScheduleButton | PersonButton)
ButtonKind = type[CycleButton | StillButton | AgreeButton | LeaveButton | StopButton
                  | ForgetButton | SettingButton | ScheduleButton | PersonButton]
_KINDS: dict[str, ButtonKind] = {
    kind.PREFIX: kind for kind in (CycleButton, StillButton, AgreeButton, LeaveButton,
                                   StopButton, ForgetButton, SettingButton, ScheduleButton,
                                   PersonButton)}


def parse(data: str | None) -> Button | None:
    """The button behind callback data; None for anything forged, broken or unknown."""
    kind = _KINDS.get((data or "").partition(":")[0])
    return kind.unpack(data or "") if kind is not None else None


def pattern(kind: ButtonKind) -> str:
    """The regular expression that routes a kind of button to its handler."""
    return f"^{kind.PREFIX}:"
