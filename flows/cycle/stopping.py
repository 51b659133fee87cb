"""A cycle stopped (/cancel confirmed, the inbrenger gone from the chat, the bot taken out):
the group hears who stopped it, whose turn it is next and when. A turn whose clip was shown
is given back (`leaving.called_off`, `ReturnTurn`), so the inbrenger keeps their place; a
meeting the cycle was for stays cancelled and is said to be (docs/scheduling.md)."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from flows.cycle.model import Cycle, CycleContext
from flows.cycle.phases import cancel_timers, inbrenger_name, meeting_in
from flows.cycle.rotation import pick_inbrenger
from flows.effects import ButtonsDone, Effect, Say, SendCoachStopped, Text, text
from flows.model import Member


def enter_cancelled(ctx: CycleContext, cycle: Cycle) -> tuple[Cycle, tuple[Effect, ...]]:
    """Stopped: said with who stopped it, what happens next, and that the words are kept
    only when there are any."""
    stopper = cycle.stopped_by
    lines = (text("cycle.cancelled_by", name=stopper) if stopper else text("cycle.cancelled"),
             *((text("cycle.cancelled_kept"),) if ctx.contributions else ()),
             *after_cancel(ctx, cycle))
    # A talk that had begun: the coaches, who wait for a summary of every cycle, hear it
    # stopped (before, nothing came, a review found). Before the talk it is the schedule's.
    told = (SendCoachStopped(cycle.id),) if ctx.contributions else ()
    done = ButtonsDone(cycle.id, keep=frozenset({"look"}), last=True)
    return cycle, (*cancel_timers(cycle), done, Say(lines), *told)


def turn_was_shown(cycle: Cycle) -> bool:
    """The clip was shown (the watching began), so a turn was counted for this cycle."""
    return bool(cycle.watch_gate)


def after_cancel(ctx: CycleContext, cycle: Cycle) -> tuple[Text, ...]:
    """Who brings in next and when: the rotation with this cycle's turn given back where it
    was counted, at the schedule's next meeting that is held (the one this cycle was for, and
    any other a cancelled cycle was for, stay cancelled: said so), or when an admin starts."""
    kept = turn_was_shown(cycle)
    next_one = pick_inbrenger(_turn_given_back(ctx.members, cycle) if kept else ctx.members)
    lines: tuple[Text, ...] = ()
    if kept:
        # One who left the group is not next (/status says so too): they come back first.
        gone = ctx.member(cycle.inbrenger_id) is None
        lines += (text("cycle.cancelled_turn_kept_gone" if gone else "cycle.cancelled_turn_kept",
                       name=inbrenger_name(ctx)),)
    skipped, meeting = meetings_after_cancel(ctx, cycle)
    if skipped:
        when = ", ".join(meeting_in(ctx.settings, m) for m in skipped)
        lines += (text("cycle.cancelled_skipped", when=when),)
    if next_one is None:
        return lines or (text("cycle.cancelled_restart"),)
    if meeting is not None:
        when = meeting_in(ctx.settings, meeting)
        key = "cycle.cancelled_then" if kept else "cycle.cancelled_next_meeting"
        return (*lines, text(key, next=next_one.name, when=when))
    return lines if kept else (*lines, text("cycle.cancelled_next", next=next_one.name))


def meetings_after_cancel(ctx: CycleContext, cycle: Cycle
                          ) -> tuple[tuple[datetime, ...], datetime | None]:
    """The coming meetings that fall out (this cycle's, and those cancelled before) before the
    next one that is held, and that one (None: no schedule, or none known)."""
    off = ctx.cancelled_meetings | ({cycle.meeting_at} if cycle.meeting_at else set())
    skipped: list[datetime] = []
    for meeting in ctx.upcoming_meetings:
        if meeting <= ctx.now:
            continue
        if meeting not in off:
            return tuple(skipped), meeting
        skipped.append(meeting)
    return tuple(skipped), None


def _turn_given_back(members: tuple[Member, ...], cycle: Cycle) -> tuple[Member, ...]:
    """The rotation as it will be once the turn is given back: the inbrenger is where they
    were when this cycle picked them (no other turn was counted in between)."""
    return tuple(replace(m, turns=max(m.turns - 1, 0), last_turn_at=None)
                 if m.user_id == cycle.inbrenger_id else m for m in members)
