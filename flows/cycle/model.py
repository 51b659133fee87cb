"""The data of one reflective cycle, what a decision may look at, and what it decides.

The events that move a cycle are in `flows.cycle.events`."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from flows.effects import Effect, Text
from flows.model import FORGOTTEN_NAME, Member, PastCycle, Phase, Settings
from flows.nudging.history import NudgeHistory


@dataclass(frozen=True)
class Clip:
    file_id: str
    file_unique_id: str
    kind: str  # video, video_note or document (a video file); an animation before 2026-12
    duration: int
    message_id: int
    album: str | None = None  # the media_group_id of the album the clip came in, if any


@dataclass(frozen=True)
class Cycle:
    id: int
    group_id: int
    inbrenger_id: int
    number: int  # the inbrenger's 1st, 2nd, ... cycle in this group
    phase: Phase
    phase_started_at: datetime
    step: str = ""  # the sub-state inside a phase that has steps (flows.model.STEPS), else ""
    step_started_at: datetime | None = None  # when that step began (None: stored before)
    learning_question: str | None = None
    question_message_id: int | None = None  # its message (or the last corrected try): edited
    clip: Clip | None = None
    consent: bool = False
    watched_by: frozenset[int] = frozenset()
    watched_before_talk: bool = False
    # Who had watched when the talk began (None: a cycle stored before it was kept); the coach
    # summary names who took part in the talk without it (flows/cycle/watching.py).
    watched_at_talk: frozenset[int] | None = None
    # The watch timebox ended before any peer had watched: the talk waits for the first press.
    watch_time_over: bool = False
    absent: frozenset[int] = frozenset()  # members who said they are not there today
    tips_open: bool = False
    commitment: str | None = None  # only what the inbrenger confirmed
    proposed_commitment: str | None = None  # proposed by the bot, waiting for the confirmation
    proposal_message_id: int | None = None  # the inbrenger's message the proposal quotes
    # The message the confirmed commitment quotes: its edit is proposed again (review ux21 #4).
    commitment_message_id: int | None = None
    previous_commitment: str | None = None
    meeting_at: datetime | None = None
    lookback_options: tuple[int, ...] = ()  # contribution ids offered as buttons
    lookback_choice: int | None = None  # a contribution id, or 0 for "none of these"
    skipped_by: frozenset[int] = frozenset()  # members who passed this turn on
    # Who was a member when the watching began (the inbrenger too, so it is never empty once
    # set): who joins later is not waited for to watch. Empty: a cycle from before it was kept.
    watch_gate: frozenset[int] = frozenset()
    told_outsiders: frozenset[int] = frozenset()
    # Welcomed when added to the chat during this cycle: their first words, before /join, get
    # a short pointer to /join instead of the welcome's news again (flows/cycle/arrivals.py).
    welcomed: frozenset[int] = frozenset()
    reminded_to_agree: frozenset[int] = frozenset()  # members who have not agreed, told once
    strong_moments: frozenset[int] = frozenset()  # members who named a strong moment
    welcome_tips: frozenset[int] = frozenset()  # message ids of tips given on the floor's invite
    checkin_open: bool = False  # the inbrenger's check-in waits for its one answer
    tried: str | None = None  # does the new clip show the previous commitment? yes/partly/no
    corrected_question: str | None = None  # told it is not about own actions; sent again, taken
    offered_question: str | None = None  # a new learning question offered with a button
    offered_message_id: int | None = None  # the message of the cycle's one offer (stays)
    clip_awaited_told: bool = False  # the inbrenger's chat before the clip was answered once
    turn_doubt_told: bool = False  # their "no clip yet, Bram, wil jij?" was answered once
    question_example_shown: bool = False  # a next correction of the question is one line
    next_turn_at: datetime | None = None  # closed: the next turn the inbrenger was told of
    stopped_by: str | None = None  # cancelled: the name of who stopped it (None: the bot)
    told_to_wait: frozenset[int] = frozenset()  # peers who spoke up while watching, told once
    sound_shown_at: datetime | None = None  # the speech-and-silence timeline last posted
    sound_shown_moments: tuple[float, ...] = ()  # the moments marked on it
    # The inbrenger left the chat during the talk: it waits for them from then, for a while
    # (flows/cycle/leaving.py, GRACE_MINUTES); None while they are here.
    away_since: datetime | None = None
    nudge_history: NudgeHistory = field(default_factory=NudgeHistory)
    # The inbrenger erased their words since (/forget, storage.privacy.ERASED_MARK): no
    # commitment reads as "erased", not "none confirmed", and the cycle no longer names them,
    # not even by the name they have if they join again.
    erased_by_inbrenger: bool = False

    @property
    def is_open(self) -> bool:
        return self.phase not in (Phase.CLOSED, Phase.CANCELLED)


TEXT = "text"
VOICE = "voice"  # the kind of a spoken contribution, and its label until a transcript comes


@dataclass(frozen=True)
class ContributionRef:
    """A stored contribution, as the flow needs it for the look back and the summaries."""

    id: int
    user_id: int
    phase: str
    text: str
    label: str
    message_id: int = 0
    kind: str = TEXT  # TEXT or VOICE (a voice note, or a round video note during the talk)
    duration: int = 0  # a voice note's length in seconds
    erased: bool = False  # its words (and a voice note's recording) erased: /forget, retention
    step: str = ""  # the step of the phase it was said in; "" before steps were stored

    @property
    def is_voice(self) -> bool:
        return self.kind == VOICE

LOOKBACK = "lookback"  # the phase name of a look-back line ("which move will we use again")
MOVE = "move"  # its label: not one of the nine kinds of contribution


@dataclass(frozen=True)
class CycleContext:
    """Everything a decision may look at besides the event."""

    cycle: Cycle
    settings: Settings
    members: tuple[Member, ...]
    now: datetime
    contributions: tuple[ContributionRef, ...] = ()
    group_title: str = ""  # named in private messages, which are read outside the group
    history: tuple[PastCycle, ...] = ()  # the group's closed cycles, oldest first
    upcoming_meetings: tuple[datetime, ...] = ()  # from the group's schedule, if it has one
    # Those of them a cancelled cycle was for: they stay cancelled (docs/scheduling.md).
    cancelled_meetings: frozenset[datetime] = frozenset()
    can_transcribe: bool = False  # a speech-to-text back-end is configured on this machine
    transcripts_quotable: bool = True  # and its words may be quoted (whisper; not pocketsphinx)
    voice_notice_given: bool = False  # the group was told voice notes are counted, not read
    former: tuple[Member, ...] = ()  # who left the group: named where their words are quoted

    def member(self, user_id: int) -> Member | None:
        return next((m for m in self.members if m.user_id == user_id), None)

    def someone(self, user_id: int) -> Member:
        """The member, or one who left (by the name they had), or a stand-in named "?"."""
        return self.member(user_id) or next(
            (m for m in self.former if m.user_id == user_id), Member(user_id, "?"))

    def name_of(self, user_id: int) -> str:
        if user_id == self.cycle.inbrenger_id and self.cycle.erased_by_inbrenger:
            return FORGOTTEN_NAME  # their words went, and their name with them
        return self.someone(user_id).name

    @property
    def inbrenger(self) -> Member | None:
        return self.member(self.cycle.inbrenger_id)


@dataclass(frozen=True)
class Decision:
    """One event's outcome: the cycle after it and what to do, or (unchanged) why refused."""

    cycle: Cycle
    effects: tuple[Effect, ...] = ()
    refusal: Text | None = None
    ack: Text | None = None  # a short confirmation for the actor (a button's answer)

    @property
    def refused(self) -> bool:
        return self.refusal is not None
