"""Plain data the flows decide over: groups and their settings, members, cycles.

Values are frozen dataclasses; storage/ turns rows into these and back. States are stable
strings because they are stored: renaming one is a migration.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from flows.labels import ACTIVATING, Label


class Phase(StrEnum):
    ANNOUNCED = "announced"
    AWAITING_CLIP = "awaiting_clip"
    WATCHING = "watching"
    GOAL = "goal"
    REALITY = "reality"
    OPTIONS = "options"
    WILL = "will"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class RealityStep(StrEnum):
    """The declared sub-states of reality, in the order of the practice: what everyone sees and
    hears, each member's strong moment, then the analysis of the learning question."""

    SEE = "see"
    STRONG = "strong"
    ANALYSIS = "analysis"


class WillStep(StrEnum):
    """The declared sub-states of will: the commitment is proposed and confirmed, then the
    look back (the meta level: what helped, which move we use again) until the cycle closes."""

    COMMIT = "commit"
    LOOKBACK = "lookback"


STEPS: dict[Phase, tuple[str, ...]] = {Phase.REALITY: tuple(RealityStep),
                                       Phase.WILL: tuple(WillStep)}

BEFORE_TALK_PHASES = (Phase.ANNOUNCED, Phase.AWAITING_CLIP)  # the intake, before the meeting
TALK_PHASES = (Phase.GOAL, Phase.REALITY, Phase.OPTIONS, Phase.WILL)
FINAL_PHASES = frozenset({Phase.CLOSED, Phase.CANCELLED})


class NudgeMode(StrEnum):
    OFF = "off"
    GENTLE = "gentle"
    STRICT = "strict"


class NudgeDelivery(StrEnum):
    PRIVATE = "private"
    GROUP = "group"


@dataclass(frozen=True)
class Settings:
    """A group's choices; every timebox in minutes. Defaults suit a 60-minute meeting."""

    language: str = "nl"
    timezone: str = "Europe/Amsterdam"
    nudging: NudgeMode = NudgeMode.GENTLE
    nudge_delivery: NudgeDelivery = NudgeDelivery.PRIVATE
    watch_minutes: int = 10
    goal_minutes: int = 10
    reality_minutes: int = 20
    options_minutes: int = 15
    will_minutes: int = 10
    lookback_minutes: int = 5
    announce_hours_before: int = 48
    clip_reminder_hours: int = 24
    retention_days: int = 180

    def phase_minutes(self, phase: Phase) -> int:
        return int(getattr(self, f"{phase.value}_minutes", 0) or self.watch_minutes)

    def with_value(self, name: str, value: Any) -> Settings:
        return replace(self, **{name: value})


# What stays of a member's name after /forget (storage.privacy): the row is kept (their turns
# and counts still add up), but not who they were.
FORGOTTEN_NAME = "—"


@dataclass(frozen=True)
class Member:
    user_id: int
    name: str
    started_private: bool = False
    turns: int = 0
    last_turn_at: datetime | None = None
    agreed: bool = False
    skip_next: bool = False
    last_commitment: str | None = None  # from their previous cycle in this group
    # The number of their latest closed cycle here: their next is that + 1, as progress and the
    # coach's chain count closed cycles (a turn stopped mid-talk counts for the rotation only;
    # the latest number, not a count, so cycles numbered by turns before 2026-12-07 never
    # see their number again).
    last_closed_number: int = 0
    # When they agreed to the group's agreements and when they left it, where a report of past
    # cycles needs them (storage.members.named; None: not known, or still a member).
    agreed_at: datetime | None = None
    left_at: datetime | None = None


@dataclass(frozen=True)
class Group:
    id: int
    chat_id: int
    thread_id: int = 0
    title: str = ""
    settings: Settings = field(default_factory=Settings)


@dataclass(frozen=True)
class PastCycle:
    """A closed cycle of the group, as the views across cycles need it."""

    inbrenger_id: int
    number: int
    learning_question: str | None
    commitment: str | None
    labels: tuple[str, ...]
    tried: str | None = None  # did its clip show the commitment before it? yes/partly/no
    helpful_label: str | None = None  # the kind of contribution the inbrenger picked
    cycle_id: int = 0
    previous_commitment: str | None = None  # what its clip was asked to show (none: a 1st)

    @property
    def activating_share(self) -> float | None:
        known = [Label(label) for label in self.labels if label in Label._value2member_map_]
        if not known:
            return None
        return sum(label in ACTIVATING for label in known) / len(known)
