"""The cycle and its meeting on the group's calendar: the meeting that begins without a
complete intake (the group chooses: wait, pass the turn on, stop), a later meeting while the
cycle is still open, and the meeting that moved (the schedule or the time zone changed), also
the next turn a closed cycle told its inbrenger of."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from flows.cycle.events import Event, MeetingBegan
from flows.cycle.guards import meeting_span, next_meeting
from flows.cycle.model import CycleContext, Decision
from flows.cycle.phases import button, inbrenger_name, meeting_in, set_timer, timer_at
from flows.cycle.rotation import follow_up_at, next_turn
from flows.effects import Effect, Say, Text, text

WAIT_MINUTES = 15  # "wait a little longer" for a clip at meeting time


def meeting_moved(ctx: CycleContext, event: Event) -> Text | None:
    """The meeting this cycle was announced for is no longer the next one the schedule
    plans (it moved, or another came before it), and it has not begun."""
    due, first = ctx.cycle.meeting_at, next_meeting(ctx)
    if due is None or due <= ctx.now or first is None or first == due:
        return text("cycle.refused.wrong_phase")
    return None


def move_meeting(ctx: CycleContext, event: Event) -> Decision:
    """The cycle follows its meeting to the schedule's next one: its own opening timer moves
    with it (the clip reminders are the schedule's, planned again with it), and the group,
    which read the old time in the announcement, reads the new one."""
    meeting = next_meeting(ctx)
    assert meeting is not None
    cycle = replace(ctx.cycle, meeting_at=meeting)
    return Decision(cycle, (timer_at(cycle, "meeting_open", meeting),
                            Say((text("cycle.meeting_moved", name=inbrenger_name(ctx),
                                      when=meeting_in(ctx.settings, meeting)),))))


def turn_moved(ctx: CycleContext, event: Event) -> Text | None:
    """The next turn this closed cycle told its inbrenger of (progress.next_meeting) has not
    come, and the schedule now plans it for another meeting. Without meetings to come (the
    schedule stopped, which the group was told) the date is left as it was, as an announced
    cycle keeps its meeting (meeting_moved)."""
    told, turn, meetings = ctx.cycle.next_turn_at, _next_turn(ctx), ctx.upcoming_meetings
    if told is None or told <= ctx.now or ctx.inbrenger is None or turn in (None, told):
        return text("cycle.refused.wrong_phase")
    if told in meetings:
        # The meeting it named is still held: a change of something else (a member who
        # joined, a reminder hour) is no new schedule to tell of.
        return text("cycle.refused.wrong_phase")
    return None


def move_turn(ctx: CycleContext, event: Event) -> Decision:
    """The inbrenger read a date that no longer holds: the group reads the new one, once."""
    turn = _next_turn(ctx)
    assert turn is not None
    said = text("progress.next_meeting_moved", name=inbrenger_name(ctx),
                when=meeting_in(ctx.settings, turn))
    cycle = ctx.cycle
    effects: tuple[Effect, ...] = (Say((said,)),)
    assert cycle.next_turn_at is not None
    closed_at = cycle.phase_started_at
    if follow_up_at(closed_at, cycle.next_turn_at) > ctx.now:
        # The question how trying the commitment went has not come yet: it is asked in time
        # before the new turn, as it would have been before the old one.
        due = max(follow_up_at(closed_at, turn), ctx.now)
        effects += (timer_at(cycle, "followup", due),)
    return Decision(replace(cycle, next_turn_at=turn), effects)


def _next_turn(ctx: CycleContext) -> datetime | None:
    return next_turn(ctx.members, ctx.cycle.inbrenger_id, ctx.upcoming_meetings)


def no_clip_at_meeting(ctx: CycleContext, event: Event) -> Decision:
    """Meeting time without a complete intake: never silently dropped; the group chooses.
    Where nobody chooses, the meeting's end says what becomes of the cycle (`meeting_over`)."""
    cycle = ctx.cycle
    keyboard = ((button(cycle, "cycle.button.wait", "wait"),
                 button(cycle, "cycle.button.next_inbrenger", "swap")),
                (button(cycle, "cycle.button.cancel", "cancel"),))
    key = "cycle.no_clip_at_meeting" if not cycle.clip else "cycle.intake_incomplete" \
        if not cycle.learning_question else "cycle.no_consent_at_meeting"
    effects: tuple[Effect, ...] = (Say((text(key, name=inbrenger_name(ctx)),), keyboard),)
    if cycle.meeting_at is not None:
        effects += (timer_at(cycle, "meeting_over", cycle.meeting_at + meeting_span(ctx)),)
    return Decision(cycle, effects)


def meeting_over(ctx: CycleContext, event: Event) -> Decision:
    """The meeting ran its course and the intake is still not complete (nobody chose, or the
    group waited in vain): the group hears when the talk about this clip can still be, so the
    meeting does not lapse in silence (the Dutch group review: a week without a word, then a
    clip for a meeting two weeks on). A later meeting that took the cycle over says nothing
    here: it asked the group itself."""
    cycle = ctx.cycle
    if cycle.meeting_at is None or ctx.now < cycle.meeting_at + meeting_span(ctx):
        return Decision(cycle)
    name, later = inbrenger_name(ctx), next_meeting(ctx)
    said = text("cycle.meeting_lapsed", name=name,
                then=text("cycle.meeting_lapsed_next", when=meeting_in(ctx.settings, later))
                if later else text("cycle.meeting_lapsed_at_once"))
    return Decision(cycle, (Say((said,)),))


def meeting_began(ctx: CycleContext, event: Event) -> Decision:
    """A later meeting came and the intake is still not complete: the cycle now belongs to
    this meeting, so the whole group may decide, and is asked again."""
    assert isinstance(event, MeetingBegan)
    cycle = replace(ctx.cycle, meeting_at=event.meeting_at)
    return no_clip_at_meeting(replace(ctx, cycle=cycle), event)


def still_open_at_meeting(ctx: CycleContext, event: Event) -> Decision:
    """A later meeting came while the talk of this cycle stands still: the group hears where
    it was, so the meeting does not begin in silence."""
    name = inbrenger_name(ctx)
    return Decision(ctx.cycle, (Say((text("cycle.still_open_at_meeting", name=name,
                                          phase=text(f"cycle.phase.{ctx.cycle.phase.value}")),)),))


def wait_longer(ctx: CycleContext, event: Event) -> Decision:
    cycle = ctx.cycle
    return Decision(cycle, (set_timer(ctx, cycle, "meeting_open", WAIT_MINUTES),
                            Say((text("cycle.waiting", minutes=WAIT_MINUTES),))),
                    ack=text("cycle.ack.waiting"))
