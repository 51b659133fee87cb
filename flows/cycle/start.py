"""Starting a cycle: who brings in (fair rotation, or the one an admin names)."""
from __future__ import annotations

from datetime import datetime, timedelta

from flows.cycle.guards import next_meeting
from flows.cycle.model import Cycle, CycleContext
from flows.cycle.phases import announce, meeting_in, set_timer, timer_at
from flows.cycle.rotation import pick_inbrenger
from flows.effects import Effect, Text, text
from flows.model import Member, Phase, Settings

MIN_MEMBERS = 2  # an inbrenger and at least one peer
HAND_STARTED_REMINDER_HOURS = 24  # a cycle without a meeting: the clip asked for again a day on


def new_cycle(group_id: int, members: tuple[Member, ...], now: datetime, *,
              inbrenger_id: int | None = None,
              meeting_at: datetime | None = None) -> Cycle | Text:
    """The cycle to store (its id is given by storage), or why none can start."""
    if len(members) < MIN_MEMBERS:
        return text("cycle.refused.too_few_members", minimum=MIN_MEMBERS)
    if inbrenger_id is not None:
        inbrenger = next((m for m in members if m.user_id == inbrenger_id), None)
        if inbrenger is None:
            return text("cycle.refused.inbrenger_not_member")
        if not inbrenger.agreed:
            return text("cycle.refused.inbrenger_not_agreed", name=inbrenger.name)
    else:
        inbrenger = pick_inbrenger(members)
        if inbrenger is None:
            return text("cycle.refused.nobody_agreed")
    if meeting_at is None and not any(m.agreed for m in members if m is not inbrenger):
        # Started by hand, the cycle begins now: a peer must be there to talk with (review
        # ux14 saw Bram announced while nobody else had agreed; SPEC: 3 to 5 peers).
        return text("cycle.refused.no_peer_yet", name=inbrenger.name)
    return Cycle(id=0, group_id=group_id, inbrenger_id=inbrenger.user_id,
                 number=inbrenger.last_closed_number + 1, phase=Phase.ANNOUNCED, phase_started_at=now,
                 previous_commitment=inbrenger.last_commitment, meeting_at=meeting_at)


def why_not_now(open_cycle: Cycle, members: tuple[Member, ...], settings: Settings) -> Text:
    """/cycle while a cycle is open: a turn only announced (no clip yet) is named, with how
    to pass it on, since "a cycle is running" reads wrong before anything began."""
    if open_cycle.phase not in (Phase.ANNOUNCED, Phase.AWAITING_CLIP):
        return text("cycle.refused.already_running")
    name = next((m.name for m in members if m.user_id == open_cycle.inbrenger_id), "?")
    meeting: Text | str = "" if open_cycle.meeting_at is None else text(
        "cycle.refused.for_meeting", when=meeting_in(settings, open_cycle.meeting_at))
    return text("cycle.refused.turn_announced", name=name, meeting=meeting)


def opening_effects(ctx: CycleContext) -> tuple[Effect, ...]:
    """What the bot says once the new cycle is stored: the announcement, and the meeting's
    opening time when it has one. An announcement that comes only at or after the meeting
    time (the bot was down) opens the meeting right after it, so the group is not left
    waiting in silence. A cycle started by hand has no meeting of its own whose reminders
    would ask for the clip: it asks once itself, a day later (unless the group switched
    reminders off), or leaves it to the schedule's next meeting when that meeting's first
    reminder comes within a day after its own would (three reminders in two days, the UX
    review found, are nagging)."""
    cycle = ctx.cycle
    effects = announce(ctx, cycle)
    if cycle.meeting_at is not None:
        effects += (timer_at(cycle, "meeting_open", max(cycle.meeting_at, ctx.now)),)
    elif ctx.settings.clip_reminder_hours and not _meeting_reminds_soon(ctx):
        effects += (set_timer(ctx, cycle, "clip_reminder", HAND_STARTED_REMINDER_HOURS * 60),)
    return effects


def _meeting_reminds_soon(ctx: CycleContext) -> bool:
    meeting = next_meeting(ctx)
    if meeting is None:
        return False
    its_reminder = meeting - timedelta(hours=ctx.settings.clip_reminder_hours)
    return its_reminder <= ctx.now + timedelta(hours=2 * HAND_STARTED_REMINDER_HOURS)
