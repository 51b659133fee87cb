"""Actions of the cycle's transitions: each takes the context and the event and returns a
Decision. They never change the phase themselves; the transition table does that."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from flows.callbacks import AgreeButton
from flows.classifier import classify
from flows.cycle.arrivals import running_now
from flows.cycle.events import (
    CheckinAnswer,
    Contribution,
    Event,
    Swap,
    TriedAnswer,
    VoiceNote,
    actor_of,
)
from flows.cycle.guards import meeting_on, next_meeting
from flows.cycle.lookback import late_line_invitation
from flows.cycle.model import Cycle, CycleContext, Decision
from flows.cycle.phases import (
    announce,
    ask_for_clip,
    button,
    cancel_timers,
    current_step,
    done,
    inbrenger_name,
    meeting_in,
    phase_due,
    timer_at,
)
from flows.cycle.rotation import follow_up_at, next_turn, pick_inbrenger, turns_before
from flows.cycle.talk import respond_to_contribution, respond_to_tick, words_language
from flows.effects import (
    Button,
    ButtonsDone,
    Effect,
    Keyboard,
    Say,
    SayPrivately,
    SendCoachSummary,
    Text,
    about_group,
    text,
)
from flows.labels import Label
from flows.model import TALK_PHASES, Member
from flows.reports import group_summary as summary


def nothing(ctx: CycleContext, event: Event) -> Decision:
    return Decision(ctx.cycle)


def outsider_message(ctx: CycleContext, event: Event) -> Decision | None:
    """Someone who did not join writes while a cycle runs: told once how to join, then left
    in peace (an answer to every message would drown the group)."""
    if not isinstance(event, (Contribution, VoiceNote)) or ctx.member(event.actor):
        return None
    cycle = ctx.cycle
    if not cycle.is_open or event.actor in cycle.told_outsiders:
        return Decision(cycle)
    if event.actor in cycle.welcomed and cycle.phase not in TALK_PHASES:
        return Decision(cycle)  # the welcome said what runs; nobody's words count yet
    told = replace(cycle, told_outsiders=cycle.told_outsiders | {event.actor})
    if event.actor in cycle.welcomed:  # in the talk: that their words wait for /join
        return Decision(told, (Say((text("cycle.outsider_welcomed"),),
                                   reply_to=event.message_id),))
    # That a cycle runs, and whose: a newcomer's "wat is hier de bedoeling?" deserves more
    # than "send /join" (the UX review).
    return Decision(told, (Say((text("cycle.outsider", now=running_now(ctx)),),
                               reply_to=event.message_id),))


def accept(ctx: CycleContext, event: Event) -> Decision:
    return Decision(ctx.cycle, ack=text("cycle.ack.accepted"))


def enter_awaiting_clip(ctx: CycleContext, cycle: Cycle) -> tuple[Cycle, tuple[Effect, ...]]:
    if cycle.clip:  # the clip came with the acceptance itself
        return cycle, ()
    return cycle, ask_for_clip(ctx, cycle)


def enter_nothing(ctx: CycleContext, cycle: Cycle) -> tuple[Cycle, tuple[Effect, ...]]:
    return cycle, ()


def take_consent(ctx: CycleContext, event: Event) -> Decision:
    """Before the meeting, or after one that ran its course without the clip (guards.meeting_on),
    the clip waits: said with the meeting whose start opens it."""
    cycle = replace(ctx.cycle, consent=True)
    due = cycle.meeting_at
    if due is not None and due <= ctx.now:
        due = next_meeting(ctx) if meeting_on(ctx, event) is not None else None
    if due is not None and due > ctx.now:
        return Decision(cycle, (Say((text("cycle.ready_until_meeting",
                                          when=meeting_in(ctx.settings, due)),)),),
                        ack=text("cycle.ack.consent"))
    return Decision(cycle, ack=text("cycle.ack.consent"))


def swap(ctx: CycleContext, event: Event) -> Decision:
    """Pass the turn on, to the member named (a swap of turns: /swap Cato) or the next in the
    rotation; the one who passed keeps their place (their turn count does not change), so
    they come first next time."""
    assert isinstance(event, Swap)
    to = None
    if event.to is not None:
        to = ctx.member(event.to) if event.to != ctx.cycle.inbrenger_id else None
        if to is None or not to.agreed:
            return Decision(ctx.cycle, refusal=text(
                "cycle.refused.swap_with_whom" if to is None
                else "cycle.refused.inbrenger_not_agreed", name=to.name if to else ""))
    actor = actor_of(event)
    if actor in (0, ctx.cycle.inbrenger_id):
        return pass_turn(ctx, "cycle.swapped", inbrenger_name(ctx), to=to)
    # An admin, or a member choosing at the meeting: said so, not put in the inbrenger's mouth
    # (and "Alice takes over Ben's turn" where the turn goes to the one who passed it on).
    taker = to or successor(ctx)
    said = "cycle.swapped_to_self" if taker and taker.user_id == actor else "cycle.swapped_by"
    return pass_turn(ctx, said, inbrenger_name(ctx), to=to, by=ctx.name_of(actor))


def successor(ctx: CycleContext) -> Member | None:
    """Who takes the turn when the inbrenger passes it on: the next in the rotation, not who
    passed it before."""
    cycle = ctx.cycle
    return pick_inbrenger(ctx.members, exclude=cycle.skipped_by | {cycle.inbrenger_id})


def pass_turn(ctx: CycleContext, said: str, name: str, to: Member | None = None,
              **params: str) -> Decision:
    """The turn goes to `to`, or the next member in the rotation, announced after the line
    `said` (with `name`, whose turn it was, the successor, and any `params`)."""
    cycle = ctx.cycle
    next_one = to or successor(ctx)
    if next_one is None:
        return Decision(cycle, refusal=text("cycle.refused.no_one_to_swap"))
    swapped = replace(cycle, inbrenger_id=next_one.user_id, number=next_one.last_closed_number + 1,
                      previous_commitment=next_one.last_commitment, clip=None,
                      learning_question=None, question_message_id=None, consent=False,
                      skipped_by=cycle.skipped_by | {cycle.inbrenger_id},
                      corrected_question=None, clip_awaited_told=False, tried=None,
                      checkin_open=False)
    new_ctx = replace(ctx, cycle=swapped)
    effects = (ButtonsDone(cycle.id),  # the turn, clip and questions of the one who passed it
               Say((text(said, name=name, successor=next_one.name, **params),)),
               *announce(new_ctx, swapped))
    return Decision(swapped, effects, ack=text("cycle.ack.swapped"))


def remind_clip(ctx: CycleContext, event: Event) -> Decision:
    cycle = ctx.cycle
    member = ctx.inbrenger
    if cycle.clip and cycle.learning_question and cycle.consent:
        return Decision(cycle)
    reminder = (_clip_reminder(ctx),)
    return Decision(cycle, (_to_member(ctx, member, reminder) if member else Say(reminder),))


def _clip_reminder(ctx: CycleContext) -> Text:
    """Asks for what is still missing (a clip already sent is not asked for again), and
    names the meeting and how far off it is, so the day-before and the last reminder are
    not the same words twice. A cycle started by hand is brought up at the schedule's next
    meeting (`MeetingBegan`), so that is the meeting its reminders name."""
    cycle, name = ctx.cycle, inbrenger_name(ctx)
    # (one whose meeting passed without its clip waits for the schedule's next)
    meeting = cycle.meeting_at if cycle.meeting_at and cycle.meeting_at > ctx.now \
        else next_meeting(ctx)
    left: Text | None = None
    if meeting is not None:
        hours = max(1, round((meeting - ctx.now).total_seconds() / 3600))
        left = text("cycle.in_days", count=round(hours / 24)) if hours >= 36 \
            else text("cycle.in_hours", count=hours)
    if cycle.clip:
        key = "cycle.consent_reminder" if cycle.learning_question else "cycle.question_reminder"
        when: Text | str = "" if meeting is None else text(
            "cycle.reminder_meeting", when=meeting_in(ctx.settings, meeting), left=left)
        return text(key, name=name, meeting=when)
    if meeting is None:
        return text("cycle.clip_reminder", name=name)
    return text("cycle.clip_reminder_at", name=name, left=left,
                when=meeting_in(ctx.settings, meeting))


def toggle_tips(ctx: CycleContext, event: Event) -> Decision:
    """The floor opens for tips and closes again: a button does what its label said, so a
    label left from before ("Open voor tips" when they are open) never closes them. A bare
    /tips opens; typed while they are open it closes nothing (an inbrenger who pressed the
    button and typed /tips to be sure had closed them again) but says how to close."""
    wanted = getattr(event, "to", "")
    if not wanted and ctx.cycle.tips_open:
        close = button(ctx.cycle, "cycle.button.tips_close", "tips", "close")
        return Decision(ctx.cycle, (Say((text("cycle.tips_still_open", name=inbrenger_name(ctx)),),
                                        ((close,),)),))
    if wanted and (wanted == "open") == ctx.cycle.tips_open:
        already = "open" if ctx.cycle.tips_open else "closed"
        return Decision(ctx.cycle, ack=text(f"cycle.ack.tips_already_{already}"))
    cycle = replace(ctx.cycle, tips_open=not ctx.cycle.tips_open)
    key = "cycle.tips_opened" if cycle.tips_open else "cycle.tips_closed"
    return Decision(cycle, (Say((text(key, name=inbrenger_name(ctx)),)),))


def remind_phase(ctx: CycleContext, event: Event) -> Decision:
    cycle = ctx.cycle
    return Decision(cycle, (Say((text("cycle.timebox_over", name=inbrenger_name(ctx),
                                      minutes=ctx.settings.phase_minutes(cycle.phase)),)),))


def contribute(ctx: CycleContext, event: Event) -> Decision:
    assert isinstance(event, Contribution)
    return respond_to_contribution(ctx, event)


def tick(ctx: CycleContext, event: Event) -> Decision:
    return respond_to_tick(ctx)


def answer_checkin(ctx: CycleContext, event: Event) -> Decision:
    """The inbrenger's one answer to the check-in, wherever it was asked: a wish to steer is
    said in the group, where the conversation is."""
    assert isinstance(event, CheckinAnswer)
    cycle = replace(ctx.cycle, checkin_open=False)
    if event.answer == "steer":
        return Decision(cycle, (Say((text("cycle.checkin_steer", name=inbrenger_name(ctx)),)),),
                        ack=text("cycle.ack.checkin_steer"))
    return Decision(cycle, ack=text("cycle.ack.checkin_yes"))


def take_tried(ctx: CycleContext, event: Event) -> Decision:
    """The answer, on whichever copy of the question: every copy shows it (the announcement's
    and the one asked again when the talk opened), none stays clickable."""
    assert isinstance(event, TriedAnswer)
    outcome = text("bot.pressed", name=inbrenger_name(ctx),
                   choice=text(f"cycle.button.tried_{event.answer}"))
    return Decision(replace(ctx.cycle, tried=event.answer), (done(ctx.cycle, "tried",
                                                                  outcome=outcome),),
                    ack=text("cycle.ack.tried"))


def remind_step(ctx: CycleContext, event: Event) -> Decision:
    """A step's share of the timebox is over. Not once the whole phase's is (a shortened
    timebox, or both due while the bot was down): its reminder says enough, and two "time's
    up" messages at once are nagging (the second UX review)."""
    cycle = ctx.cycle
    if phase_due(cycle, ctx.settings) <= ctx.now:
        return Decision(cycle)
    step = current_step(cycle)
    return Decision(cycle, (Say((text(f"cycle.step_over.{step}", name=inbrenger_name(ctx)),)),))


def remind_to_agree(ctx: CycleContext, event: Event) -> Decision:
    """A member who has not agreed to the agreements yet: their words are not taken as a
    contribution until they agree, and they hear so once, kindly, with the button."""
    assert isinstance(event, (Contribution, VoiceNote))
    cycle = ctx.cycle
    if event.actor in cycle.reminded_to_agree:
        return Decision(cycle)
    cycle = replace(cycle, reminded_to_agree=cycle.reminded_to_agree | {event.actor})
    member = ctx.someone(event.actor)
    keyboard = ((Button(text("bot.button.agree"), agree_data(cycle.group_id)),),)
    lines = (text("cycle.agree_first", name=member.name),)
    return Decision(cycle, (_to_member(ctx, member, lines, event.message_id, keyboard),))


# What starts the talk about the teaching: judging it, or analysing it. Closed questions while
# the group watches are mostly about the clip itself ("does it have sound?"), and a reaction
# of a few words ("Mooi!", "watching now") is chat, however the classifier reads it.
_ABOUT_THE_TEACHING = frozenset({Label.TIP, Label.OPINION, Label.INFORMATION, Label.OBSERVATION,
                                 Label.OPEN_QUESTION, Label.REFLECTION})
_FEWEST_WORDS = 4


def _about_the_teaching(ctx: CycleContext, event: Contribution) -> Label | None:
    """The kind of a message about the teaching (None: chat, logistics, a short word)."""
    if len(event.text.split()) < _FEWEST_WORDS:
        return None
    language = words_language(ctx, event.text, event.language)
    label = classify(event.text, language).label
    return label if label in _ABOUT_THE_TEACHING else None


def hold_for_the_talk(ctx: CycleContext, event: Event) -> Decision:
    """A peer says something about the teaching while the group still watches. The talk opens
    only once the clip has been watched (SPEC 1), so they hear once, kindly and privately
    where possible, to keep the thought for the talk; chat and logistics are left alone."""
    assert isinstance(event, Contribution)
    cycle = ctx.cycle
    label = _about_the_teaching(ctx, event) if event.actor not in cycle.told_to_wait else None
    if label is None:
        return Decision(cycle)
    cycle = replace(cycle, told_to_wait=cycle.told_to_wait | {event.actor})
    member, inbrenger = ctx.someone(event.actor), inbrenger_name(ctx)
    # A tip is not "very welcome" in the talk either: it waits until the inbrenger asks.
    then = text("cycle.hold_tip", inbrenger=inbrenger) if label is Label.TIP \
        else text("cycle.hold_welcome")
    if cycle.watch_time_over:  # the talk waits for the first who says they watched: them?
        lines: tuple[Text, ...] = (text("cycle.hold_for_a_watcher", name=member.name,
                                        inbrenger=inbrenger, then=then),)
    else:
        lines = (text("cycle.hold_for_the_talk", name=member.name, inbrenger=inbrenger,
                      then=then),)
        if event.actor not in cycle.watched_by:
            lines += (text("cycle.hold_press_watched"),)
    return Decision(cycle, (_to_member(ctx, member, lines, event.message_id),))


def _to_member(ctx: CycleContext, member: Member, lines: tuple[Text, ...],
               reply_to: int | None = None, keyboard: Keyboard = ()) -> Effect:
    """A word for one member (about their own message `reply_to`, where there is one): in
    their private chat where they started one (naming the group), else in the group."""
    if member.started_private:
        return SayPrivately(member.user_id, lines, keyboard, fallback_reply_to=reply_to,
                            about=about_group(ctx.group_title))
    return Say(lines, keyboard, reply_to=reply_to)


def agree_data(group_id: int) -> str:
    """The agreements button's callback data, as /join sends it (flows/callbacks.py)."""
    return AgreeButton(group_id).pack()


def enter_closed(ctx: CycleContext, cycle: Cycle) -> tuple[Cycle, tuple[Effect, ...]]:
    """The summaries, and the inbrenger's next cycle planned: their next turn (at a meeting of
    the group's schedule where it has one) and a follow-up before it."""
    closing_ctx = replace(ctx, cycle=cycle)
    turn = next_turn(ctx.members, cycle.inbrenger_id, ctx.upcoming_meetings)
    effects: tuple[Effect, ...] = (
        *cancel_timers(cycle),
        all_buttons_done(cycle),
        # The next turn as the summary's last line: the close is several messages already
        # (the Dutch group review read four at once).
        Say((*summary.group_summary(closing_ctx), *(tail := next_turn_line(ctx, turn))),
            summary=True, summary_tail=tail),
        *late_line_invitation(closing_ctx),
        SendCoachSummary(cycle.id),
        timer_at(cycle, "followup", follow_up_at(ctx.now, turn)),
    )
    return replace(cycle, next_turn_at=turn), effects


def next_turn_line(ctx: CycleContext, turn: datetime | None) -> tuple[Text, ...]:
    name = inbrenger_name(ctx)
    if turn is not None:
        return (text("progress.next_meeting", name=name, when=meeting_in(ctx.settings, turn)),)
    before = turns_before(ctx.members, ctx.cycle.inbrenger_id)
    if before is None:
        return ()
    return (text("progress.next_turn", name=name, count=before),)


def all_buttons_done(cycle: Cycle) -> ButtonsDone:
    """The cycle is over: none of its buttons does anything any more, except the look back's,
    whose late answer is still welcome (flows/cycle/lookback.py)."""
    return ButtonsDone(cycle.id, keep=frozenset({"look"}), last=True)


def follow_up(ctx: CycleContext, event: Event) -> Decision:
    cycle = ctx.cycle
    member = ctx.inbrenger
    if not cycle.commitment or member is None:
        return Decision(cycle)
    if any(past.inbrenger_id == cycle.inbrenger_id and past.cycle_id > cycle.id
           for past in ctx.history):
        return Decision(cycle)  # a later cycle of theirs looked back on it, with a new one
    message = (text("cycle.followup", name=member.name, commitment=cycle.commitment),)
    return Decision(cycle, (_to_member(ctx, member, message),))
