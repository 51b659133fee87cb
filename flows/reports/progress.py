"""The group's cycles so far: each member's progress towards at least three cycles as
inbrenger, and which kinds of contributions the inbrengers found most helpful."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from flows.effects import Text, text
from flows.labels import Label
from flows.model import Member, PastCycle, Phase
from flows.reports.balance import WELCOME, kind_of, peers_talk

if TYPE_CHECKING:
    from flows.cycle.model import ContributionRef, Cycle

MIN_CYCLES = 3  # SPEC 1: each member does at least three cycles


def past_cycle(cycle: Cycle, contributions: tuple[ContributionRef, ...]) -> PastCycle:
    """A closed cycle and its contributions as the history holds it: the labels of the peers'
    talk (flows/reports/balance.py), which the trend of the activating share reads."""
    talk = tuple(c.label for c in peers_talk(cycle, contributions)
                 if kind_of(cycle, c) != WELCOME)
    helpful = next((c.label for c in contributions if c.id == cycle.lookback_choice), None)
    return PastCycle(cycle.inbrenger_id, cycle.number, cycle.learning_question, cycle.commitment,
                     talk, cycle.tried, helpful, cycle.id, cycle.previous_commitment)


def with_cycle(history: tuple[PastCycle, ...], cycle: Cycle,
               contributions: tuple[ContributionRef, ...]) -> tuple[PastCycle, ...]:
    """The history including this cycle (once, whether or not storage already had it)."""
    if any(past.cycle_id == cycle.id for past in history):
        return history
    return history + (past_cycle(cycle, contributions),)


def closed_cycles(history: Iterable[PastCycle], user_id: int) -> int:
    return sum(1 for past in history if past.inbrenger_id == user_id)


def member_progress(member: Member, history: tuple[PastCycle, ...]) -> Text:
    """"Anna: 2 of at least 3 cycles", or that the three are done."""
    done = closed_cycles(history, member.user_id)
    key = "progress.done" if done >= MIN_CYCLES else "progress.member"
    return text(key, name=member.name, count=done, minimum=MIN_CYCLES)


def reached(cycle: Cycle, name: str, history: tuple[PastCycle, ...], *,
            for_coach: bool = False) -> Text | None:
    """The closed cycle that completes the inbrenger's minimum, said once (a review saw the
    third cycle end word for word as the first two, with no pointer to the portfolio)."""
    so_far = (past for past in history if past.cycle_id <= cycle.id)  # not a later one's
    if cycle.phase is not Phase.CLOSED or closed_cycles(so_far, cycle.inbrenger_id) != MIN_CYCLES:
        return None
    return text("progress.reached_coach" if for_coach else "progress.reached", name=name,
                minimum=MIN_CYCLES)


def group_progress(members: tuple[Member, ...], history: tuple[PastCycle, ...], *,
                   for_coach: bool = False) -> Text:
    """For /roster, /summary and the coach: every member's cycles as inbrenger, one line each,
    in the members' own order (no ranking)."""
    return text("progress.title_coach" if for_coach else "progress.title", minimum=MIN_CYCLES,
                lines=tuple(member_progress(m, history) for m in members))


def helpful_kinds(history: Iterable[PastCycle]) -> list[tuple[str, int]]:
    """The kinds of contribution inbrengers picked as most helpful, most often first."""
    counts = Counter(past.helpful_label for past in history
                     if past.helpful_label in Label._value2member_map_)
    return [(label, count) for label, count in counts.most_common() if label]


def helpful_kinds_text(history: tuple[PastCycle, ...]) -> Text | None:
    """"Over 3 cycles: 2 open questions, 1 observation": the cycles counted are those in which
    the inbrenger picked a contribution, so the numbers add up."""
    kinds = helpful_kinds(history)
    if not kinds:
        return None
    return text("progress.helpful_kinds", count=sum(n for _, n in kinds),
                kinds=tuple(text(f"progress.kind.{label}", count=n) for label, n in kinds))


def across_cycles(members: tuple[Member, ...], history: tuple[PastCycle, ...], *,
                  for_coach: bool = False) -> Text | None:
    """The group summary's line across cycles: what helped, and everyone's progress; in the
    group's own words ("our cycles"), or `for_coach` in words for the coach."""
    if not history:
        return None
    progress = group_progress(members, history, for_coach=for_coach)
    lines = tuple(t for t in (helpful_kinds_text(history), progress) if t)
    return text("progress.across_coach" if for_coach else "progress.across", lines=lines)
