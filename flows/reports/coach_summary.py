"""The coach's summary: the group summary plus the balance of contributions per member,
whether the clip was watched before the talk, the nudges given, and across cycles the
inbrenger's chain of learning questions and commitments and the trend of the group's share of
activating contributions."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from flows.classifier.timestamps import clock
from flows.cycle.model import LOOKBACK, Cycle, CycleContext
from flows.cycle.watching import late_to_watch
from flows.effects import Text, text
from flows.model import Phase
from flows.nudging.policy import KIND_CHECKIN, KIND_SILENCE
from flows.reports.group_summary import (
    Participation,
    as_heard,
    group_summary,
    participation,
    participation_parts,
    quote,
    shown_name,
    words_of,
)
from flows.reports.progress import PastCycle, past_cycle

__all__ = ["PastCycle", "addition_header", "coach_summary", "past_cycle", "read_after_summary",
           "trend", "trend_of"]

TREND_CYCLES = 8  # the trend line shows the group's last cycles


def trend(history: tuple[PastCycle, ...]) -> list[tuple[int, float]]:
    """(the group's cycle count, share of activating contributions) for the last cycles."""
    return [(position, share) for position, share, _ in trend_of(history)]


def trend_of(history: tuple[PastCycle, ...]) -> list[tuple[int, float, PastCycle]]:
    """The trend's points with their cycles, so a chart can say whose cycle each one is."""
    points = [(position, past.activating_share, past)
              for position, past in enumerate(history, start=1)]
    return [(position, share, past) for position, share, past in points
            if share is not None][-TREND_CYCLES:]


def _chain(own: tuple[PastCycle, ...]) -> Text | None:
    """The inbrenger's own cycles, one line each: the learning question, whether the clip
    showed what was tried, and the commitment. The legend asks about the clip only where a
    cycle could have shown it."""
    if not own:
        return None
    key = "coach.chain_first" if all(_first(past) for past in own) else "coach.chain"
    return text(key, lines=tuple(_chain_line(past) for past in own))


def _chain_line(past: PastCycle) -> Text:
    """A cycle without an earlier commitment (a first one) had nothing to try: its clip was
    never asked about, so "not answered" would be wrong there."""
    question, commitment = past.learning_question or "—", past.commitment or "—"
    if _first(past):
        return text("coach_summary.chain_first", number=past.number,
                    learning_question=question, commitment=commitment)
    return text("coach.chain_line", number=past.number, learning_question=question,
                commitment=commitment,
                tried=text(f"summary.tried_answer.{past.tried or 'unknown'}"))


def _first(past: PastCycle) -> bool:
    return past.previous_commitment is None and past.tried is None


def _count_line(row: Participation) -> Text:
    """Activating / neutral / compensating, tips on request as (+n), and voice notes nobody
    could read apart: they were spoken, of no known kind. Who was away is said so."""
    if row.away:
        return text("report.member_away", name=row.name)
    # The kinds in words after the three counts: one line a member, where the group's balance
    # and the counts were two lists of the same people (the coach review).
    details = participation_parts(row) if row.total else (text("coach.count_quiet"),)
    return text("coach.count_line", name=shown_name(row), activating=row.activating,
                neutral=row.neutral, compensating=row.compensating,
                welcome=f" (+{row.welcome})" if row.welcome else "", details=details)


def addition_header(cycle: Cycle, inbrenger: str, group_title: str) -> Text:
    """The head of an addition to a summary the coach already has: whose cycle it is."""
    return text("coach_summary.addition_header", name=inbrenger, number=cycle.number,
                group=group_title)


def _count_notes(rows: list[Participation]) -> tuple[Text, ...]:
    """What the marks beside the three counts mean, under the counts where they appear: the
    coach was never told that unread voice notes are not in the counts."""
    notes = []
    if any(row.welcome for row in rows):
        notes.append(text("coach_summary.note_welcome"))
    if any(row.spoken for row in rows):
        notes.append(text("coach_summary.note_voice"))
    return tuple(notes)


def read_after_summary(ctx: CycleContext, message_id: int, words: str) -> tuple[Text, ...]:
    """The words of a voice note read only after its cycle closed (a spoken look-back line is
    often the one that closes it): both summaries showed it as spoken but unread, so the
    coach gets its words as an addition, as with a late typed line. `ctx` is the cycle as it
    was before the words came; nothing when it is not closed or the note had words already.
    The group heard the note itself, and /summary shows its words from now on."""
    note = next((c for c in ctx.contributions if c.message_id == message_id and c.is_voice),
                None)
    if ctx.cycle.phase is not Phase.CLOSED or note is None or note.text or not words.strip():
        return ()
    name = ctx.name_of(note.user_id)
    if note.phase == LOOKBACK:
        return (text("cycle.lookback_late_move", name=name,
                     quote=words_of(replace(note, text=words))),)
    return (text("coach_summary.read_late", name=name, length=clock(note.duration),
                 words=quote(as_heard(words))),)


def _watched_line(ctx: CycleContext) -> Text:
    """Whether the clip was watched before the talk (SPEC 5), true of everyone who took part
    in it: who watched only once it ran, or never said so, is named."""
    late = late_to_watch(ctx.cycle, ctx.members, ctx.contributions)
    if late is None:  # a cycle stored before who had watched was kept
        return text("coach.watched_before" if ctx.cycle.watched_before_talk
                    else "coach.not_watched_before")
    if late.everyone_in_time:
        return text("coach.watched_before")
    details: tuple[Text, ...] = ()
    if late.later:
        details += (text("coach.watched_later", names=_names(ctx, late.later)),)
    if late.never:
        details += (text("coach.never_said_watched", names=_names(ctx, late.never)),)
    return text("coach.not_watched_before_who", details_lines=details)


def _names(ctx: CycleContext, user_ids: tuple[int, ...]) -> str:
    return ", ".join(ctx.name_of(uid) for uid in user_ids)


def _nudge_lines(kinds: Iterable[str]) -> tuple[Text, ...]:
    """The nudges given (SPEC 5): the bot's words to a member about a contribution (a tip, an
    opinion, an explanation, a run of closed questions). The inbrenger's check-in and the
    invitations of quiet members are no correction of anyone's talk: a coach who read them
    as nudges counted one where nobody had been nudged (UX review 7). They are told apart."""
    said = list(kinds)
    checkins, invitations = said.count(KIND_CHECKIN), said.count(KIND_SILENCE)
    lines = [text("coach.nudges", count=len(said) - checkins - invitations)]
    if checkins:
        lines.append(text("coach.checkins", count=checkins))
    if invitations:
        lines.append(text("coach.invitations", count=invitations))
    return tuple(lines)


def coach_summary(ctx: CycleContext, group_title: str, nudges: Iterable[str] = (),
                  history: tuple[PastCycle, ...] = ()) -> tuple[Text, ...]:
    """`nudges`: the kind of each nudge the bot logged in the cycle (storage.contributions
    .nudges_of: a label nudged, or one of flows.nudging.policy's KIND_* values)."""
    cycle = ctx.cycle
    rows = participation(ctx)
    counts = tuple(_count_line(row) for row in rows) + _count_notes(rows)
    parts: list[Text] = [text("coach.header", group=group_title)]
    parts.extend(group_summary(replace(ctx, history=history or ctx.history), for_coach=True,
                               participation_part=text("coach.counts", lines=counts or "—")))
    parts.append(_watched_line(ctx))
    parts.extend(_nudge_lines(nudges))
    chain = _chain(tuple(past for past in history if past.inbrenger_id == cycle.inbrenger_id))
    if chain is not None:
        parts.append(chain)
    points = trend_of(history)
    if len(points) == 1:  # one value is no trend yet: said as what it is
        [(_, share, past)] = points
        parts.append(text("coach.trend_first", share=f"{share:.0%}",
                          name=ctx.name_of(past.inbrenger_id), number=past.number))
    elif points:
        shares = " → ".join(f"{share:.0%}" for _, share, _ in points)
        # Past TREND_CYCLES the line would pass for the whole history: it says it is not.
        every = sum(past.activating_share is not None for past in history)
        parts.append(text("coach.trend", shares=shares) if every == len(points)
                     else text("coach.trend_last", count=len(points), shares=shares))
    return tuple(parts)
