"""A group's cycles as a portfolio: for each cycle the inbrenger, learning question,
the confirmed commitment (never a mere proposal), whether the clip showed the previous one,
what helped most, the moves the group will use again and the balance of contributions, as
plain data (JSON); flows/reports/written.py writes it down for people (Markdown, HTML)."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flows.cycle.model import LOOKBACK, VOICE, ContributionRef, Cycle
from flows.cycle.watching import late_to_watch
from flows.model import FORGOTTEN_NAME, Group, Member, Phase
from flows.reports.balance import WELCOME, balance, peers_talk, talk
from flows.reports.group_summary import Participation, members_balance


@dataclass(frozen=True)
class Held:
    """When a cycle ran (kept with its stored row, not in the flow's Cycle)."""

    started_at: datetime
    closed_at: datetime | None = None

    @property
    def on(self) -> datetime:
        """When it ran, for a cycle without a scheduled meeting: when it closed, or when it
        started while it runs (flows/reports/written.py names the meeting's day)."""
        return self.closed_at or self.started_at


CycleRows = list[tuple[Cycle, tuple[ContributionRef, ...]]]
HeldAt = Mapping[int, Held]  # by cycle id
# A group's portfolio is told from these (storage/portfolios.group_rows reads them).
GroupRows = tuple[Group, tuple[Member, ...], CycleRows, HeldAt]

# How the inbrenger answered "which contribution helped you most?" (the look back).
CHOSEN, NONE_OF_THESE, UNANSWERED = "contribution", "none_of_these", "unanswered"


def helped_answer(cycle: Cycle) -> str | None:
    """A contribution chosen, "none of these", or no answer in a closed cycle (a late one is
    still added); None while the cycle has not closed."""
    if cycle.lookback_choice == 0:
        return NONE_OF_THESE
    if cycle.lookback_choice is not None:
        return CHOSEN
    return UNANSWERED if cycle.phase is Phase.CLOSED else None


def members_of_cycle(cycle: Cycle, members: Iterable[Member],
                     contributions: tuple[ContributionRef, ...],
                     held: Held | None = None) -> tuple[Member, ...]:
    """Whom a cycle's balance per member names: who spoke in its talk or said they were away
    (also one who left or erased their data since: their counts stay), and who was a member
    quietly, as its summary named them: agreed to the group's agreements by its close (by now
    while it runs) and not gone by then. Never someone who joined later or had gone before
    (a coach read "Eva: 0 / 0 / 0" as "there, and quiet"). Without the times (a live
    context), `Member.agreed` says it."""
    there = {c.user_id for c in talk(contributions)} | set(cycle.absent)
    end = held.closed_at if held else None

    def member_then(m: Member) -> bool:
        agreed = m.agreed if m.agreed_at is None else end is None or m.agreed_at <= end
        return agreed and (m.left_at is None or end is not None and m.left_at > end)

    return tuple(m for m in members if m.user_id in there or member_then(m))


def cycle_balance(cycle: Cycle, members: Iterable[Member],
                  contributions: tuple[ContributionRef, ...],
                  held: Held | None = None) -> list[Participation]:
    """A cycle's balance per member, of whom it names (`members_of_cycle`): the JSON and the
    written portfolio list the same rows."""
    return members_balance(cycle, members_of_cycle(cycle, members, contributions, held),
                           contributions)


@dataclass(frozen=True)
class CycleRecord:
    cycle: Cycle
    inbrenger: str
    contributions: tuple[ContributionRef, ...]
    held: Held | None = None
    members: tuple[Member, ...] = ()

    def _watched_before_talk(self) -> bool:
        late = late_to_watch(self.cycle, self.members, self.contributions)
        return self.cycle.watched_before_talk if late is None else late.everyone_in_time

    def as_data(self, names: dict[int, str] | None = None, for_coach: bool = False
                ) -> dict[str, Any]:
        """`for_coach`: a running cycle is its heading alone (whose, which, when, its phase):
        the coach is not in the group and gets its summary when it closes."""
        names = names or {}
        held = self.held
        heading = {
            "cycle_id": self.cycle.id, "inbrenger": self.inbrenger, "number": self.cycle.number,
            "phase": self.cycle.phase.value,
            "started_at": _moment(held.started_at) if held else None,
            "closed_at": _moment(held.closed_at) if held else None,
            # The scheduled meeting (the day the written portfolio names); null when started
            # by hand, which met when it ran.
            "meeting_at": _moment(self.cycle.meeting_at)}
        if for_coach and self.cycle.is_open:
            return heading
        counts = balance(self.cycle, self.contributions)  # the peers' talk (balance.py)
        helpful = next((c for c in self.contributions if c.id == self.cycle.lookback_choice),
                       None)
        spoken = [c for c in peers_talk(self.cycle, self.contributions) if c.is_voice]
        return {
            **heading,
            "learning_question": self.cycle.learning_question,
            "commitment": self.cycle.commitment,
            "previous_commitment": self.cycle.previous_commitment,
            "clip_showed_previous_commitment": self.cycle.tried,
            # True of everyone who took part in the talk (flows/cycle/watching.py).
            "watched_before_talk": self._watched_before_talk(),
            "helped_most": None if helpful is None else {
                "by": names.get(helpful.user_id) or "?", "text": helpful.text or None,
                "kind": helpful.label, **_voice(helpful)},
            # Why helped_most is empty: "none_of_these" was chosen, or "unanswered".
            "helped_most_answer": helped_answer(self.cycle),
            "moves_to_use_again": [
                {"by": names.get(c.user_id) or "?", "text": c.text, **_voice(c)}
                for c in self.contributions if c.phase == LOOKBACK and (c.text or c.is_voice)],
            # The peers' contributions (flows/reports/balance.py): the inbrenger answers.
            "contributions": {"activating": counts["activating"],
                              "neutral": counts["neutral"],
                              "compensating": counts["compensating"],
                              "welcome_tips": counts[WELCOME]},
            # The peers' spoken contributions: counted above by their transcript's kind where
            # there is one; `unread` ones had no transcript (neither activating nor compensating).
            "voice_notes": {"count": len(spoken),
                            "seconds": sum(c.duration for c in spoken),
                            "unread": sum(1 for c in spoken if c.label == VOICE)},
            # The same per peer, as the coach's summary counts them: who said something or
            # was away, and who was a member then, quietly (`members_of_cycle`).
            "contributions_per_member": [
                {"name": row.name, "activating": row.activating, "neutral": row.neutral,
                 "compensating": row.compensating, "welcome_tips": row.welcome,
                 "voice_notes_unread": row.spoken, "away": row.away}
                for row in cycle_balance(self.cycle, self.members, self.contributions,
                                         self.held)],
        }


def _moment(at: datetime | None) -> str | None:
    return at.isoformat(timespec="seconds") if at else None


def _voice(c: ContributionRef) -> dict[str, Any]:
    return {"voice_note_seconds": c.duration} if c.is_voice else {}


def portfolio(group: Group, members: Iterable[Member], cycles: CycleRows,
              held: HeldAt | None = None, *, for_coach: bool = False) -> dict[str, Any]:
    """`for_coach`: a running cycle is its heading alone (`CycleRecord.as_data`)."""
    people = tuple(members)
    names = {m.user_id: m.name for m in people}
    records = [CycleRecord(c, FORGOTTEN_NAME if c.erased_by_inbrenger
                           else names.get(c.inbrenger_id) or "?", contributions,
                           (held or {}).get(c.id), people)
               for c, contributions in cycles]
    return {"group": {"id": group.id, "title": group.title},
            "cycles": [r.as_data(names, for_coach) for r in records]}


STEM_CHARS = 40


def file_stem(group: Group) -> str:
    """What the group's portfolio files are called: its title as a file name takes it (letters
    and digits, every run of anything else one dash, accents dropped, short), so a saved
    file says which group it is ("intervision-portfolio-PABO-jaar-2-Groep-A"); its number
    where the title leaves nothing."""
    plain = unicodedata.normalize("NFKD", group.title).encode("ascii", "ignore").decode()
    words = re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-")[:STEM_CHARS].rstrip("-")
    return f"intervision-portfolio-{words or group.id}"
