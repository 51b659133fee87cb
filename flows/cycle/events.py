"""The events that move a cycle: what members do, what the clock and the schedule do.

`actor` is the Telegram user id of whoever caused an event (0 for the clock).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import get_args

from flows.cycle.model import Clip
from flows.effects import Text
from flows.model import Settings


@dataclass(frozen=True)
class Accept:
    actor: int
    name = "accept"


@dataclass(frozen=True)
class Swap:
    """The announced inbrenger passes the turn on: to the next member in the rotation, or to
    the member `to` (/swap Cato: they agreed to change turns)."""

    actor: int
    is_admin: bool = False
    to: int | None = None
    name = "swap"


@dataclass(frozen=True)
class ClipPosted:
    actor: int
    clip: Clip
    caption: str | None = None
    problem: Text | None = None  # set by the media check when the file itself is unusable
    name = "clip"


@dataclass(frozen=True)
class LearningQuestion:
    actor: int
    question: str
    message_id: int = 0  # an edit of the message the question came in (Cycle.question_message_id)
    name = "learning_question"


@dataclass(frozen=True)
class NewQuestionChosen:
    """The inbrenger takes the learning question the bot offered for their message (the
    button under the offer, which names that message)."""

    actor: int
    message_id: int
    name = "new_question"


@dataclass(frozen=True)
class Consent:
    actor: int
    name = "consent"


@dataclass(frozen=True)
class Wait:
    """At meeting time without a clip: the group waits a little longer."""

    actor: int
    name = "wait"


@dataclass(frozen=True)
class Watched:
    actor: int
    name = "watched"


@dataclass(frozen=True)
class Absent:
    """A member says they are not there today: the group does not wait for them to watch."""

    actor: int
    name = "absent"


@dataclass(frozen=True)
class Next:
    """Move on: typed (/next: `at` is None), or pressed under a prompt, whose button names the
    phase or step it was made in (`at`; "" for a button made before buttons said so)."""

    actor: int
    is_admin: bool = False
    at: str | None = None
    name = "next"


@dataclass(frozen=True)
class ToggleTips:
    actor: int
    to: str = ""  # "open" or "close" (a button's label, or /tips aan / uit); bare /tips: open
    name = "tips"

    @classmethod
    def typed(cls, actor: int, args: list[str]) -> ToggleTips:
        """/tips, /tips aan, /tips uit (and on/off, open/dicht): a word the command does not
        know is read as the bare command."""
        word = args[0].lower() if args else ""
        return cls(actor, "close" if word in _TIPS_CLOSE else "open" if word in _TIPS_OPEN else "")


_TIPS_OPEN = frozenset({"aan", "open", "on", "ja", "yes"})
_TIPS_CLOSE = frozenset({"uit", "dicht", "off", "close", "closed", "nee", "no", "stop"})


@dataclass(frozen=True)
class Cancel:
    actor: int  # THE_BOT: the bot itself, taken out of the chat
    is_admin: bool = False
    who: str = ""  # the actor's name as the group sees it (an admin need not be a member)
    name = "cancel"


THE_BOT = 0  # the actor of what nobody in the group chose


@dataclass(frozen=True)
class Contribution:
    """A member's message in the group while the cycle runs."""

    actor: int
    message_id: int
    text: str
    language: str | None = None
    reply_to: int | None = None  # the message it answers, if any (a reply to the clip)
    under_no_video: bool = False  # the caption of a file the inbrenger sent for the clip
    shared: bool = False  # forwarded from elsewhere: someone else's words
    name = "message"


@dataclass(frozen=True)
class VoiceNote:
    """A member's voice note in the cycle, or a round video note that is not the clip."""

    actor: int
    message_id: int
    file_id: str
    duration: int  # seconds
    name = "voice"


@dataclass(frozen=True)
class VoiceTranscribed:
    """The bot transcribed a stored voice note (after `TranscribeVoice`); `actor` is the
    member who spoke it, `language` the language the recogniser heard, if it says.
    `quotable`: the back-end's words may be shown as the member's (not pocketsphinx's)."""

    actor: int
    message_id: int
    text: str
    language: str | None = None
    quotable: bool = True
    name = "transcript"


@dataclass(frozen=True)
class AskSound:
    """The inbrenger (or an admin) asks for the clip's speech and silence (/audio, or its button)."""

    actor: int
    is_admin: bool = False
    message_id: int | None = None  # the /audio it answers; None for the button
    name = "audio"


@dataclass(frozen=True)
class LookBackChoice:
    actor: int
    choice: int  # a contribution id, or 0 for "none of these"
    name = "lookback_choice"


@dataclass(frozen=True)
class CommitmentEdited:
    """The inbrenger edits the message their proposed commitment quotes: the proposal follows
    the new words (else the button would confirm the old ones and the edit be lost)."""

    actor: int
    message_id: int
    before: str  # the message's words before the edit
    text: str
    name = "commit_edited"


@dataclass(frozen=True)
class ContributionEdited:
    """A member edits a contribution of the phase the talk is in (one of an earlier phase
    stays as it was said: bot/handlers/cycle.on_edit): what the new words ask of the bot
    that the old did not, a nudge or a still, comes as for a new message."""

    actor: int
    message_id: int
    before: str  # the message's words before the edit
    text: str
    nudged: bool  # the message was nudged already: not again
    name = "contribution_edited"


@dataclass(frozen=True)
class ConfirmCommitment:
    """The inbrenger confirms the proposed commitment (the button under the proposal, which
    names the message it quotes)."""

    actor: int
    message_id: int
    name = "commit"


@dataclass(frozen=True)
class CheckinAnswer:
    """The inbrenger answers the check-in ("is this still meaningful to you?"): yes or steer."""

    actor: int
    answer: str  # "yes" or "steer"
    name = "checkin"


@dataclass(frozen=True)
class TriedAnswer:
    """At the start of a next cycle: does the new clip show what you tried? yes/partly/no."""

    actor: int
    answer: str
    name = "tried"


@dataclass(frozen=True)
class MoveLine:
    """A peer's one line in the look back ("which move will I use again"); the handler sends
    it for a reply to the look-back question after the cycle closed."""

    actor: int
    message_id: int
    text: str
    name = "move"


@dataclass(frozen=True)
class MemberLeft:
    """A member left the group while this cycle is open: by /leave, /forget, or by leaving
    the Telegram chat. They are no longer among the context's members, so `who` is their
    name as last known. `left_chat`: by leaving the chat (perhaps a mis-tap), not by /leave
    or /forget, which are deliberate."""

    actor: int
    who: str
    left_chat: bool = False
    name = "member_left"


@dataclass(frozen=True)
class MemberBack:
    """A member who left the chat was added back to it soon after, and is a member again as
    they were (storage.members.came_back)."""

    actor: int
    who: str
    name = "member_back"


@dataclass(frozen=True)
class Arrived:
    """People were added to the group's chat while this cycle is open (`people`: their ids and
    names; none of them a member yet)."""

    people: tuple[tuple[int, str], ...]
    actor: int = 0
    name = "arrived"


@dataclass(frozen=True)
class MeetingBegan:
    """A meeting of the group's schedule has begun while this cycle is open: one announced
    for an earlier meeting, or started by hand. (The meeting a cycle was announced for opens
    it by the cycle's own timer.)"""

    meeting_at: datetime
    actor: int = 0
    name = "meeting_began"


@dataclass(frozen=True)
class ScheduleChanged:
    """An admin changed the schedule or the time zone while this cycle waits for its meeting."""

    actor: int = 0
    name = "schedule_changed"


@dataclass(frozen=True)
class TimeboxChanged:
    """An admin changed the group's settings while this cycle runs (`before`: the settings
    until now; the context has the new ones): the running phase follows a new timebox."""

    before: Settings
    actor: int = 0
    name = "timebox"


@dataclass(frozen=True)
class TimerFired:
    """A stored timer of this cycle fell due (`event` is the timer's event name)."""

    event: str
    actor: int = 0

    @property
    def name(self) -> str:
        return self.event


Event = (
    Accept | Swap | ClipPosted | LearningQuestion | NewQuestionChosen | Consent | Wait | Watched | Next | ToggleTips
    | Cancel | Contribution | LookBackChoice | ConfirmCommitment | CommitmentEdited
    | ContributionEdited
    | CheckinAnswer | TriedAnswer | MoveLine | TimerFired | VoiceNote | VoiceTranscribed
    | AskSound | Absent | MeetingBegan | MemberLeft | MemberBack
    | TimeboxChanged | ScheduleChanged | Arrived
)


def actor_of(event: Event) -> int:
    """Who caused the event: the member who pressed or wrote (0 for a timer, which has none)."""
    return getattr(event, "actor", 0)


# The events a stored timer of a cycle can fire (flows/cycle/phases.set_timer, and the meeting
# planner's clip reminder); the transition table may name only these and the events above.
TIMER_EVENTS = frozenset({"meeting_open", "watch_end", "step_reminder", "phase_reminder",
                          "tick", "lookback_end", "clip_reminder", "followup", "meeting_over",
                          "grace_end"})
EVENT_NAMES = frozenset(k.name for k in get_args(Event) if k is not TimerFired) | TIMER_EVENTS
