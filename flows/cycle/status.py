"""/status: where the cycle is, the time left in the phase, who the group is waiting for, and
the tips floor. Before the meeting that is the inbrenger's clip, learning question or consent;
while the clip is watched, who has not watched yet (the same rule as the watch gate,
flows/cycle/watching.py); in the talk, who has not been heard from yet."""
from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime

from flows.cycle.model import Cycle
from flows.cycle.phases import current_step
from flows.cycle.rotation import pick_inbrenger
from flows.cycle.watching import present, still_to_watch
from flows.effects import Text, text
from flows.model import BEFORE_TALK_PHASES, TALK_PHASES, Member, Phase, WillStep


def timebox_timer(cycle: Cycle) -> str | None:
    """The timer that ends the running timebox: the watching's, the look back's or the
    phase's; None before the talk, which waits for the meeting, not for a timebox."""
    if cycle.phase is Phase.WATCHING:
        return "watch_end"
    if cycle.phase is Phase.WILL and cycle.step == WillStep.LOOKBACK:
        return "lookback_end"
    return "phase_reminder" if cycle.phase in TALK_PHASES else None


def status(cycle: Cycle, members: Sequence[Member], spoken: Collection[int],
           phase_due: datetime | None, now: datetime, meeting: str | None = None,
           next_meeting: str | None = None, meeting_over: bool = False) -> Text:
    """`members` are the group's active members, `spoken` who contributed in this cycle,
    `phase_due` when the running timebox ends (`timebox_timer`; None: none running),
    `meeting` the scheduled meeting's day and time, said while the cycle waits for it, and
    `next_meeting` the schedule's next, where a cycle whose meeting passed without its intake
    now waits (the Dutch group review read "ready for the meeting" without a date);
    `meeting_over` whether that meeting ran its course (its buttons went with it)."""
    inbrenger = next((m.name for m in members if m.user_id == cycle.inbrenger_id), "?")
    time_left: Text | str = ""  # no line at all where no time runs and no meeting is set
    if phase_due is not None and phase_due <= now:  # over since a minute, or since days
        time_left = text("cycle.status_due", time=text("cycle.status_time_up"))
    elif phase_due is not None:
        # Under a minute left is "nog 1 min", not "nog 0 min" (as the timebox change says).
        time_left = text("cycle.status_due", time=text(
            "cycle.status_time", minutes=max(1, int((phase_due - now).total_seconds() // 60))))
    elif meeting is not None and cycle.phase in BEFORE_TALK_PHASES:
        # Still before the talk once the meeting began: the intake was not complete then,
        # and the group was asked what to do; a bare past date read as if all would go on.
        begun = cycle.meeting_at is not None and cycle.meeting_at <= now
        if not begun:
            time_left = text("cycle.status_meeting", when=meeting)
        elif _awaited(cycle) != "meeting" and meeting_over and next_meeting is not None:
            time_left = text("cycle.status_meeting_over", when=meeting, next=next_meeting)
        elif _awaited(cycle) != "meeting":
            time_left = text("cycle.status_meeting_begun", when=meeting)
        elif next_meeting is not None:  # complete since: it waits for the next meeting
            time_left = text("cycle.status_meeting", when=next_meeting)
    return text("cycle.status", phase=text(f"cycle.phase.{_phase(cycle)}"),
                name=inbrenger, time_left=time_left,
                who=_who(cycle, members, spoken, inbrenger),
                tips=text("cycle.status_tips_open" if cycle.tips_open
                          else "cycle.status_tips_closed"))


def between_cycles(members: Sequence[Member], meeting: str | None) -> Text:
    """/status while no cycle runs: with a schedule, the next meeting still to come and who
    brings in then (the rotation's pick); "an admin starts one with /cycle" alone read as if
    nothing would happen by itself in a group that meets on a schedule."""
    next_one = pick_inbrenger(members)
    if next_one is None:
        return text("cycle.refused.no_cycle")
    if meeting is None:  # without a schedule an admin starts it; who is next is known still
        return text("cycle.status_between_by_hand", next=next_one.name)
    return text("cycle.status_between", when=meeting, next=next_one.name)


def _phase(cycle: Cycle) -> str:
    """Where the group is, in its own words: reality with its step, the look back (inside the
    will phase, but past the will), and before the meeting what the intake still needs (not
    "waiting for the clip" above the line that says the clip is in)."""
    if cycle.phase is Phase.REALITY:
        return f"reality_{current_step(cycle)}"
    if cycle.phase is Phase.WILL and cycle.step == WillStep.LOOKBACK:
        return "lookback"
    if cycle.phase is Phase.AWAITING_CLIP and cycle.clip is not None:
        return "ready" if _awaited(cycle) == "meeting" else "intake"
    return cycle.phase.value


def _who(cycle: Cycle, members: Sequence[Member], spoken: Collection[int],
         inbrenger: str) -> Text:
    if cycle.phase in BEFORE_TALK_PHASES:
        # Nobody can have been heard from before the talk: say what the cycle waits for.
        return text(f"cycle.status_awaiting_{_awaited(cycle)}", name=inbrenger)
    if cycle.phase is Phase.WATCHING and cycle.watch_time_over:  # the first press opens
        return text("cycle.status_nobody_watched")
    if cycle.phase is Phase.WATCHING:
        waiting = still_to_watch(members, cycle)
        return text("cycle.status_watching", names=_names(waiting)) if waiting \
            else text("cycle.status_everyone_watched")
    # Who is away today or has not agreed yet is not among those not heard from.
    quiet = [m for m in present(members, cycle)
             if m.user_id not in spoken and m.user_id != cycle.inbrenger_id]
    if cycle.phase is Phase.WILL and cycle.step == WillStep.LOOKBACK:  # `spoken`: the lines
        return text("cycle.status_lookback_waiting", names=_names(quiet)) if quiet \
            else text("cycle.status_lookback_all")
    return text("cycle.status_quiet", names=_names(quiet)) if quiet \
        else text("cycle.status_everyone_spoke")


def _awaited(cycle: Cycle) -> str:
    """The inbrenger's next step before the meeting, or the meeting itself once all is in."""
    if cycle.clip is None:
        return "clip"
    if not cycle.learning_question:
        return "question"
    return "meeting" if cycle.consent else "consent"


def _names(members: Sequence[Member]) -> str:
    return ", ".join(m.name for m in members)
