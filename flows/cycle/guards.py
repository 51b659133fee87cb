"""Guards of the cycle's transitions: None when the event may pass, else the reason why not."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from flows.cycle.events import Event, actor_of
from flows.cycle.lookback import LATE_LINES, complete_after
from flows.cycle.model import CycleContext
from flows.cycle.phases import inbrenger_name, position, quote
from flows.cycle.talk import quiet
from flows.effects import Text, text
from flows.model import Settings

Guard = Callable[[CycleContext, Event], Text | None]


def is_member(ctx: CycleContext, event: Event) -> Text | None:
    return None if ctx.member(actor_of(event)) else text("cycle.refused.not_member")


def is_inbrenger(ctx: CycleContext, event: Event) -> Text | None:
    if actor_of(event) == ctx.cycle.inbrenger_id:
        return None
    return text("cycle.refused.only_inbrenger", name=inbrenger_name(ctx))


def is_inbrenger_or_admin(ctx: CycleContext, event: Event) -> Text | None:
    if actor_of(event) == ctx.cycle.inbrenger_id or getattr(event, "is_admin", False):
        return None
    return text("cycle.refused.only_inbrenger_or_admin", name=inbrenger_name(ctx))


def pressed_here(ctx: CycleContext, event: Event) -> Text | None:
    """A prompt's "next" button moves on only from the phase or step it was made in: an
    older prompt's button, pressed late or together with a typed /next, would skip one."""
    at = getattr(event, "at", None)
    if at == "":  # made before buttons named their step: it cannot say, so /next decides
        return text("cycle.refused.unplaced_next")
    return None if at is None or at == position(ctx.cycle) else text("cycle.refused.stale_next")


def no_clip_yet(ctx: CycleContext, event: Event) -> Text | None:
    """Guard for the inbrenger's words before the clip (the clip's own replacement is
    flows/cycle/intake.py's; a message after it is taken by the next row, never refused)."""
    return text("cycle.refused.wrong_phase") if ctx.cycle.clip else None


def has_clip(ctx: CycleContext, event: Event) -> Text | None:
    return None if ctx.cycle.clip else text("cycle.refused.clip_first")


def has_learning_question(ctx: CycleContext, event: Event) -> Text | None:
    return None if ctx.cycle.learning_question else text("cycle.refused.question_first")


def no_learning_question_yet(ctx: CycleContext, event: Event) -> Text | None:
    return text("cycle.refused.wrong_phase") if ctx.cycle.learning_question else None


def edits_the_question(ctx: CycleContext, event: Event) -> Text | None:
    """An edit of the message the learning question came in, or, while none is taken, of the
    inbrenger's last try the bot corrected (any other edit is no question)."""
    edited = getattr(event, "message_id", 0)
    return None if edited and edited == ctx.cycle.question_message_id \
        else text("cycle.refused.wrong_phase")


def question_offered(ctx: CycleContext, event: Event) -> Text | None:
    """The press names the message whose question is offered now (not an older offer)."""
    offered = ctx.cycle.offered_question and ctx.cycle.offered_message_id
    return None if offered and offered == getattr(event, "message_id", 0) \
        else text("cycle.refused.stale")


def replies_to_clip(ctx: CycleContext, event: Event) -> Text | None:
    """A message that answers the clip itself: the one way to change the learning question."""
    clip = ctx.cycle.clip
    replied = getattr(event, "reply_to", None)
    return None if clip and replied == clip.message_id else text("cycle.refused.wrong_phase")


def meeting_due(ctx: CycleContext, event: Event) -> Text | None:
    due = ctx.cycle.meeting_at
    return None if due is None or due <= ctx.now else text("cycle.refused.before_meeting")


def meeting_on(ctx: CycleContext, event: Event) -> Text | None:
    """The meeting has not run its course yet (all its timeboxes since it began), or there is
    no later meeting to wait for. A clip completed the day after a meeting the group let pass
    waits for the next one (whose start opens it), rather than opening a talk nobody is at."""
    due = ctx.cycle.meeting_at
    if due is None or ctx.now < due + meeting_span(ctx) or not next_meeting(ctx):
        return None
    return text("cycle.refused.meeting_over")


def meeting_span(ctx: CycleContext) -> timedelta:
    return meeting_length(ctx.settings)


def meeting_length(s: Settings) -> timedelta:
    """A meeting's course: all its timeboxes, from watching to the look back."""
    return timedelta(minutes=s.watch_minutes + s.goal_minutes + s.reality_minutes
                     + s.options_minutes + s.will_minutes + s.lookback_minutes)


def next_meeting(ctx: CycleContext) -> datetime | None:
    return next((m for m in ctx.upcoming_meetings if m > ctx.now), None)


def meeting_passed(ctx: CycleContext, event: Event) -> Text | None:
    """A scheduled meeting has begun: then the whole group decides what happens to a
    missing clip (a cycle started by hand has no meeting time, and stays the inbrenger's)."""
    due = ctx.cycle.meeting_at
    if due is not None and due <= ctx.now:
        return None
    return text("cycle.refused.only_inbrenger_or_admin", name=inbrenger_name(ctx))


def later_meeting(ctx: CycleContext, event: Event) -> Text | None:
    """The meeting that began is not the one this cycle was announced for (that one opens
    the cycle by its own timer): an earlier meeting's cycle, or one started by hand."""
    due, began = ctx.cycle.meeting_at, getattr(event, "meeting_at", None)
    if began is not None and (due is None or due < began):
        return None
    return text("cycle.refused.wrong_phase")


def talk_stands_still(ctx: CycleContext, event: Event) -> Text | None:
    """Nobody has written in the talk for an hour: a meeting that begins then is told where
    the cycle stands; a group that is talking right now needs no such word."""
    return None if quiet(ctx.cycle, ctx.now) else text("cycle.refused.wrong_phase")


def ready_to_open(ctx: CycleContext, event: Event) -> Text | None:
    """Clip, learning question and consent are there, and the meeting time has come. A consent
    given with this very event counts."""
    cycle = ctx.cycle
    consent = cycle.consent or event.name == "consent"
    if not (cycle.clip and cycle.learning_question and consent):
        return text("cycle.refused.not_ready")
    return meeting_due(ctx, event)


def has_commitment(ctx: CycleContext, event: Event) -> Text | None:
    """A confirmed commitment; one proposed and not yet confirmed wants its button, not
    to be written again."""
    cycle = ctx.cycle
    if cycle.commitment:
        return None
    if cycle.proposed_commitment:
        return text("cycle.refused.confirm_first", name=inbrenger_name(ctx),
                    commitment=quote(cycle.proposed_commitment))
    return text("cycle.refused.commitment_first")


def lookback_open(ctx: CycleContext, event: Event) -> Text | None:
    """A late answer to the look back is welcome once, after the cycle closed, within the day
    a late line has (LATE_LINES): a button pressed a month later adds nothing for the coach."""
    cycle = ctx.cycle
    return None if cycle.lookback_options and cycle.lookback_choice is None \
        and ctx.now - cycle.phase_started_at <= LATE_LINES else text("cycle.refused.closed")


def talk_message(ctx: CycleContext, event: Event) -> Text | None:
    return None if getattr(event, "text", "").strip() else text("cycle.refused.wrong_phase")


def has_agreed(ctx: CycleContext, event: Event) -> Text | None:
    member = ctx.member(actor_of(event))
    return None if member is None or member.agreed else text("cycle.refused.agree_first")


def not_agreed(ctx: CycleContext, event: Event) -> Text | None:
    member = ctx.member(actor_of(event))
    return None if member is not None and not member.agreed else text("cycle.refused.wrong_phase")


def is_peer(ctx: CycleContext, event: Event) -> Text | None:
    """A member other than the inbrenger."""
    if ctx.member(actor_of(event)) and actor_of(event) != ctx.cycle.inbrenger_id:
        return None
    return text("cycle.refused.not_member")


def edits_confirmed(ctx: CycleContext, event: Event) -> Text | None:
    """An edit of the message the confirmed commitment quotes."""
    edited = getattr(event, "message_id", None)
    return None if ctx.cycle.commitment and edited == ctx.cycle.commitment_message_id \
        else text("cycle.refused.stale")


def proposal_current(ctx: CycleContext, event: Event) -> Text | None:
    """The confirm button belongs to the latest proposal (an older one is stale)."""
    cycle = ctx.cycle
    if cycle.proposed_commitment and getattr(event, "message_id", None) == \
            cycle.proposal_message_id:
        return None
    return text("cycle.refused.stale" if cycle.proposed_commitment else "cycle.refused.commit")


def checkin_pending(ctx: CycleContext, event: Event) -> Text | None:
    """The check-in is answered once."""
    return None if ctx.cycle.checkin_open else text("cycle.refused.checkin")


def tried_open(ctx: CycleContext, event: Event) -> Text | None:
    cycle = ctx.cycle
    if cycle.previous_commitment and cycle.tried is None \
            and getattr(event, "answer", "") in ("yes", "partly", "no"):
        return None
    return text("cycle.refused.tried")


def lookback_complete(ctx: CycleContext, event: Event) -> Text | None:
    return None if complete_after(ctx, event) else text("cycle.refused.lookback_waiting")
