"""What the nudging policy remembers of one group's cycle, stored between messages as JSON."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class NudgeHistory:
    """What the policy remembers of one group's cycle; the bot stores it between messages.

    Start each cycle with an empty history. Mappings are never changed in place: every
    decision builds a new history.
    """

    last_nudge_at: Mapping[int, datetime] = field(default_factory=dict)
    sent_at: tuple[datetime, ...] = ()
    closed_run: int = 0
    closed_askers: tuple[int, ...] = ()  # who asked the run's closed questions, in order
    closed_hint_at: datetime | None = None
    last_contribution_at: Mapping[int, datetime] = field(default_factory=dict)
    inbrenger_last_at: datetime | None = None
    inbrenger_last_message_id: int | None = None
    silence_invitation_at: datetime | None = None
    invited_at: Mapping[int, datetime] = field(default_factory=dict)
    checkin_at: datetime | None = None
    inbrenger_asked_at: datetime | None = None  # the inbrenger's last question to the group
    stills_offered: tuple[int, ...] = ()  # the moments (whole seconds) offered in this phase

    def spoke(self, user_id: int, *, inbrenger_id: int, message_id: int,
              now: datetime) -> NudgeHistory:
        """A member spoke without words the policy can read (a voice note): they are not
        quiet, and an inbrenger who speaks needs no check-in; a run of closed questions is
        neither continued nor broken."""
        if user_id == inbrenger_id:
            return replace(self, inbrenger_last_at=now, inbrenger_last_message_id=message_id)
        return replace(self, last_contribution_at={**self.last_contribution_at, user_id: now})

    def posted(self, now: datetime) -> NudgeHistory:
        """The bot said something in the group at `now`: it counts against the group's room
        for bot messages (a message sent privately does not)."""
        return replace(self, sent_at=self.sent_at + (now,))

    def after_prompt(self) -> NudgeHistory:
        """A new phase's or step's prompt is a fresh invitation to everyone: a run of closed
        questions counts from there, not from the questions asked before it."""
        return replace(self, closed_run=0, closed_askers=())

    def new_phase(self) -> NudgeHistory:
        """A new phase: its prompt (`after_prompt`), and a moment offered as a still before
        may be offered again (within a phase the same offer twice read as an echo)."""
        return replace(self.after_prompt(), stills_offered=())

    def offered(self, seconds: int) -> NudgeHistory:
        """The still of `seconds` was offered with a button in this phase."""
        if seconds in self.stills_offered:
            return self
        return replace(self, stills_offered=self.stills_offered + (seconds,))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: times as ISO strings, member ids as string keys."""
        return {
            "last_nudge_at": _times_to_dict(self.last_nudge_at),
            "sent_at": [moment.isoformat() for moment in self.sent_at],
            "closed_run": self.closed_run,
            "closed_askers": list(self.closed_askers),
            "closed_hint_at": _iso(self.closed_hint_at),
            "last_contribution_at": _times_to_dict(self.last_contribution_at),
            "inbrenger_last_at": _iso(self.inbrenger_last_at),
            "inbrenger_last_message_id": self.inbrenger_last_message_id,
            "silence_invitation_at": _iso(self.silence_invitation_at),
            "invited_at": _times_to_dict(self.invited_at),
            "checkin_at": _iso(self.checkin_at),
            "inbrenger_asked_at": _iso(self.inbrenger_asked_at),
            "stills_offered": list(self.stills_offered),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> NudgeHistory:
        """The inverse of `to_dict`; missing keys take their defaults, so older rows load."""
        return cls(
            last_nudge_at=_times_from_dict(data.get("last_nudge_at")),
            sent_at=tuple(datetime.fromisoformat(s) for s in data.get("sent_at") or ()),
            closed_run=int(data.get("closed_run") or 0),
            closed_askers=tuple(int(u) for u in data.get("closed_askers") or ()),
            closed_hint_at=_time(data.get("closed_hint_at")),
            last_contribution_at=_times_from_dict(data.get("last_contribution_at")),
            inbrenger_last_at=_time(data.get("inbrenger_last_at")),
            inbrenger_last_message_id=data.get("inbrenger_last_message_id"),
            silence_invitation_at=_time(data.get("silence_invitation_at")),
            invited_at=_times_from_dict(data.get("invited_at")),
            checkin_at=_time(data.get("checkin_at")),
            inbrenger_asked_at=_time(data.get("inbrenger_asked_at")),
            stills_offered=tuple(int(s) for s in data.get("stills_offered") or ()),
        )


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _times_to_dict(times: Mapping[int, datetime]) -> dict[str, str]:
    return {str(user_id): moment.isoformat() for user_id, moment in times.items()}


def _times_from_dict(data: Mapping[str, str] | None) -> dict[int, datetime]:
    return {int(user_id): datetime.fromisoformat(s) for user_id, s in (data or {}).items()}
