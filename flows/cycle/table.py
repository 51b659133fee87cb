"""The reflective cycle as one declarative state machine.

`TRANSITIONS` is the whole machine: for a phase and an event, the first transition whose guards
all pass wins; its action decides what changes and what the bot does, and when it has a target
phase, entering that phase adds its prompt and timers. An event that no transition accepts is
refused with a reason, and the cycle stays exactly as it was.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from flows.cycle import actions as act
from flows.cycle import (
    commitment,
    edits,
    intake,
    leaving,
    lookback,
    meeting,
    other_clips,
    sound,
    stopping,
    timebox,
    voice,
    watch_meetings,
    watching,
)
from flows.cycle.applying import in_the_talk, with_stored, wrong_phase
from flows.cycle.arrivals import arrival
from flows.cycle.events import EVENT_NAMES, Event, actor_of
from flows.cycle.guards import (
    Guard,
    checkin_pending,
    edits_confirmed,
    edits_the_question,
    has_agreed,
    has_clip,
    has_commitment,
    has_learning_question,
    is_inbrenger,
    is_inbrenger_or_admin,
    is_member,
    is_peer,
    later_meeting,
    lookback_complete,
    lookback_open,
    meeting_on,
    meeting_passed,
    no_clip_yet,
    no_learning_question_yet,
    not_agreed,
    pressed_here,
    proposal_current,
    question_offered,
    ready_to_open,
    replies_to_clip,
    talk_message,
    talk_stands_still,
    tried_open,
)
from flows.cycle.model import Cycle, CycleContext, Decision
from flows.cycle.phases import (
    TICK_MINUTES,
    current_step,
    enter_step,
    enter_talk,
    enter_watching,
    set_timer,
)
from flows.cycle.talk import quiet
from flows.effects import Effect, Text
from flows.model import (
    BEFORE_TALK_PHASES,
    TALK_PHASES,
    Phase,
    RealityStep,
    WillStep,
)

Action = Callable[[CycleContext, Event], Decision]
Enter = Callable[[CycleContext, Cycle], tuple[Cycle, tuple[Effect, ...]]]

START = Phase.ANNOUNCED
P = Phase
S = RealityStep
W = WillStep


@dataclass(frozen=True)
class Transition:
    source: Phase
    event: str
    target: Phase | None  # None: the cycle stays in its phase
    guards: tuple[Guard, ...]
    action: Action
    step: str | None = None  # the step of the source phase it applies in (None: any step)
    to_step: str | None = None  # the next step inside the same phase


def t(source: Phase, event: str, target: Phase | None, *guards: Guard,
      action: Action = act.nothing, step: str | None = None,
      to_step: str | None = None) -> Transition:
    return Transition(source, event, target, guards, action, step, to_step)


OPEN_PHASES = (P.ANNOUNCED, P.AWAITING_CLIP, P.WATCHING, P.GOAL, P.REALITY, P.OPTIONS, P.WILL)
BEFORE_TALK = BEFORE_TALK_PHASES
TALK = TALK_PHASES
# Who moves on (the inbrenger or an admin), and a pressed button only from where it was made.
MOVES_ON = (pressed_here, is_inbrenger_or_admin)

AWAITED = (P.WATCHING, *TALK)  # where the talk waits for an inbrenger who left the chat

TRANSITIONS: tuple[Transition, ...] = (
    # While the talk waits for its inbrenger, its timeboxes stand still.
    t(P.WATCHING, "watch_end", None, leaving.inbrenger_away, action=leaving.ignored_while_away),
    t(P.REALITY, "step_reminder", None, leaving.inbrenger_away,
      action=leaving.ignored_while_away),
    *(t(p, e, None, leaving.inbrenger_away, action=leaving.ignored_while_away)
      for p in TALK for e in ("phase_reminder", "tick")),
    # Before the meeting: the inbrenger accepts or passes the turn on, sends clip and question.
    t(P.ANNOUNCED, "accept", P.AWAITING_CLIP, is_inbrenger, action=act.accept),
    t(P.ANNOUNCED, "clip", P.AWAITING_CLIP, is_inbrenger, action=intake.take_clip),
    *(t(p, "swap", P.ANNOUNCED, is_inbrenger_or_admin, action=act.swap) for p in BEFORE_TALK),
    *(t(p, "swap", P.ANNOUNCED, is_member, meeting_passed, action=act.swap) for p in BEFORE_TALK),
    # A second clip before the watching replaces the first (flows/cycle/intake.py).
    t(P.AWAITING_CLIP, "clip", None, is_inbrenger, action=intake.take_clip),
    # The inbrenger edits the message their learning question came in (or, while none is
    # taken, their last try the bot corrected): the edit is the question, checked again.
    t(P.AWAITING_CLIP, "learning_question", None, is_inbrenger, has_clip, edits_the_question,
      action=intake.take_learning_question),
    *(t(p, "learning_question", None, is_inbrenger, no_clip_yet, edits_the_question,
        action=intake.edit_before_clip) for p in BEFORE_TALK),
    # A message is the learning question only while none is stored; then a reply to the clip
    # changes it, and the rest is chat (before the clip: answered once, flows/cycle/intake.py).
    t(P.AWAITING_CLIP, "message", None, is_inbrenger, has_clip, no_learning_question_yet,
      action=intake.take_learning_question),
    t(P.AWAITING_CLIP, "message", None, is_inbrenger, has_clip, replies_to_clip,
      action=intake.change_learning_question),
    t(P.AWAITING_CLIP, "message", None, is_inbrenger, has_clip, action=intake.offer_new_question),
    t(P.AWAITING_CLIP, "new_question", None, is_inbrenger, has_clip, question_offered,
      action=intake.take_offered_question),
    t(P.AWAITING_CLIP, "consent", P.WATCHING, is_inbrenger, has_clip, has_learning_question,
      ready_to_open, meeting_on, action=act.take_consent),
    t(P.AWAITING_CLIP, "consent", None, is_inbrenger, has_clip, has_learning_question,
      action=act.take_consent),
    t(P.AWAITING_CLIP, "meeting_open", P.WATCHING, ready_to_open),
    *(t(p, "meeting_open", None, action=meeting.no_clip_at_meeting) for p in BEFORE_TALK),
    *(t(p, "meeting_over", None, action=meeting.meeting_over) for p in BEFORE_TALK),
    # A later meeting (or the first meeting after a cycle started by hand) never begins in
    # silence: a missing clip is put to the group again, a talk that stands still is named.
    t(P.AWAITING_CLIP, "meeting_began", P.WATCHING, later_meeting, ready_to_open),
    *(t(p, "meeting_began", None, later_meeting, action=meeting.meeting_began) for p in BEFORE_TALK),
    # The schedule or the time zone changed before the meeting began: the cycle follows it.
    *(t(p, "schedule_changed", None, meeting.meeting_moved, action=meeting.move_meeting)
      for p in BEFORE_TALK),
    # Waiting longer is for the meeting that runs: an old meeting's button pressed the day after
    # would open the talk, or ask the group again, for nobody (meeting_on).
    *(t(p, "wait", None, is_member, meeting_passed, meeting_on, action=meeting.wait_longer)
      for p in BEFORE_TALK),
    *(t(p, "clip_reminder", None, action=act.remind_clip) for p in BEFORE_TALK),
    *(t(p, "message", None, is_inbrenger, no_clip_yet, action=intake.before_clip)
      for p in BEFORE_TALK),
    *(t(p, "message", None, action=act.nothing) for p in BEFORE_TALK),
    # Watching: the talk opens when every present member watched, or the timebox ends once
    # someone has (before that it waits for the first press).
    # Who is waited for: flows/cycle/watching.py (not the inbrenger, nor who is not there).
    *(t(P.WATCHING, e, P.GOAL, who, watching.all_watched_after, action=watching.watched)
      for e, who in (("watched", is_member), ("absent", is_peer))),
    # The timebox ended before anyone watched: the first peer who watched opens the talk.
    # ... while its meeting runs: after it, the talk waits for the next (watch_meetings.py).
    t(P.WATCHING, "watched", P.GOAL, is_peer, watching.first_to_watch,
      meeting_on, action=watching.watched),
    t(P.WATCHING, "watched", None, is_member, action=watch_meetings.watched_between),
    t(P.WATCHING, "absent", None, is_peer, action=watching.watched),
    t(P.WATCHING, "watch_end", P.GOAL, watching.someone_watched),
    t(P.WATCHING, "watch_end", None, action=watch_meetings.time_over),
    t(P.WATCHING, "meeting_over", None, action=watch_meetings.over_unwatched),
    t(P.WATCHING, "meeting_began", None, later_meeting, action=watch_meetings.watch_again),
    t(P.WATCHING, "next", P.GOAL, *MOVES_ON),
    # While the group watches nobody talks yet: the learning question can still be sharpened
    # (its edit, or a reply to the clip), and the group hears it (review ux21 #3). Once the
    # talk opened it stays: an edit hears to say it in the talk, where a reply to the clip
    # is a contribution (flows/cycle/other_clips.py).
    t(P.WATCHING, "learning_question", None, is_inbrenger, edits_the_question,
      action=intake.sharpen_question),
    t(P.WATCHING, "message", None, is_inbrenger, has_agreed, replies_to_clip,
      action=intake.sharpen_by_reply),
    *(t(p, "learning_question", None, is_inbrenger, edits_the_question,
        action=other_clips.question_edited_late) for p in TALK),
    *(t(p, "message", None, is_inbrenger, has_agreed, replies_to_clip, talk_message,
        action=other_clips.reply_to_shown_clip) for p in (P.GOAL, P.REALITY, P.OPTIONS)),
    t(P.WATCHING, "message", None, is_peer, has_agreed, action=act.hold_for_the_talk),
    t(P.WATCHING, "message", None, action=act.nothing),
    # Goal, reality, options: the inbrenger (or an admin) moves on; the bot keeps time.
    # Reality goes in its three steps (see and hear, strong moments, the analysis).
    t(P.GOAL, "next", P.REALITY, *MOVES_ON),
    t(P.REALITY, "next", None, *MOVES_ON, step=S.SEE, to_step=S.STRONG),
    t(P.REALITY, "next", None, *MOVES_ON, step=S.STRONG, to_step=S.ANALYSIS),
    t(P.REALITY, "next", P.OPTIONS, *MOVES_ON, step=S.ANALYSIS),
    t(P.REALITY, "step_reminder", None, action=act.remind_step),
    t(P.OPTIONS, "next", P.WILL, *MOVES_ON),
    # A member who has not agreed yet is not heard as a contribution (one kind reminder).
    *(t(p, "message", None, not_agreed, action=act.remind_to_agree) for p in TALK),
    # Will: the inbrenger's words are proposed as the commitment, the button confirms one.
    t(P.WILL, "message", None, is_inbrenger, action=commitment.propose_commitment, step=W.COMMIT),
    t(P.WILL, "commit", None, is_inbrenger, proposal_current, step=W.COMMIT,
      action=commitment.confirm_commitment),
    t(P.WILL, "commit_edited", None, is_inbrenger, proposal_current, step=W.COMMIT,
      action=commitment.revise_commitment),
    # The confirmed commitment edited before the summary: proposed again, confirmed anew.
    t(P.WILL, "commit_edited", None, is_inbrenger, edits_confirmed,
      action=commitment.revise_confirmed),
    t(P.WILL, "commit", None, is_inbrenger, proposal_current, step=W.LOOKBACK,
      action=commitment.confirm_commitment),
    t(P.WILL, "next", None, *MOVES_ON, has_commitment, step=W.COMMIT,
      to_step=W.LOOKBACK, action=lookback.look_back),
    # The look back closes when everyone answered or its timebox ends.
    *(t(P.WILL, e, P.CLOSED, is_peer, has_agreed, lookback_complete, step=W.LOOKBACK,
        action=lookback.take_line) for e in ("message", "move")),
    *(t(P.WILL, e, None, is_peer, has_agreed, step=W.LOOKBACK, action=lookback.take_line)
      for e in ("message", "move")),
    # A voice note in will: the inbrenger's is their commitment once read, a peer's in the
    # look back is their line (its transcript, once read).
    t(P.WILL, "voice", None, is_inbrenger, step=W.COMMIT, action=voice.take_spoken_commitment),
    t(P.WILL, "voice", P.CLOSED, is_peer, has_agreed, lookback_complete, step=W.LOOKBACK,
      action=voice.take_spoken_line),
    t(P.WILL, "voice", None, is_peer, has_agreed, step=W.LOOKBACK,
      action=voice.take_spoken_line),
    # The last peer awaited says they are not here after all: nobody is left to wait for.
    t(P.WILL, "absent", P.CLOSED, is_peer, lookback_complete, step=W.LOOKBACK,
      action=watching.watched),
    t(P.WILL, "lookback_choice", P.CLOSED, is_inbrenger, lookback_complete, step=W.LOOKBACK,
      action=lookback.choose),
    t(P.WILL, "lookback_choice", None, is_inbrenger, step=W.LOOKBACK, action=lookback.choose),
    t(P.WILL, "next", P.CLOSED, *MOVES_ON, step=W.LOOKBACK),
    t(P.WILL, "lookback_end", P.CLOSED, step=W.LOOKBACK),
    *(t(p, "message", None, is_member, talk_message, action=act.contribute) for p in TALK),
    # An edit answered as its new words would be (not in will: a commitment, a look-back line).
    *(t(p, "contribution_edited", None, is_member, action=edits.answer_edit)
      for p in (P.GOAL, P.REALITY, P.OPTIONS)),
    # A voice note is a contribution too; its transcript, once, is read like text.
    *(t(p, "voice", None, not_agreed, action=act.remind_to_agree) for p in TALK),
    *(t(p, "voice", None, is_member, action=voice.take_voice) for p in TALK),
    *(t(p, "voice", None, action=act.nothing) for p in (*BEFORE_TALK, P.WATCHING)),
    *(t(p, "transcript", None, voice.transcript_open, action=voice.take_transcript)
      for p in (*TALK, P.CLOSED)),
    # The clip's speech and silence, on the inbrenger's request, once there is a clip.
    *(t(p, "audio", None, is_inbrenger_or_admin, has_clip, action=sound.show_sound)
      for p in (P.AWAITING_CLIP, P.WATCHING, *TALK)),
    *(t(p, "watched", None, is_member, action=watching.watched) for p in TALK),
    *(t(p, "absent", None, is_peer, action=watching.watched) for p in TALK),
    *(t(p, "tips", None, is_inbrenger, action=act.toggle_tips) for p in TALK),
    *(t(p, "checkin", None, is_inbrenger, checkin_pending, action=act.answer_checkin)
      for p in TALK),
    *(t(p, "phase_reminder", None, action=act.remind_phase) for p in TALK),
    *(t(p, "meeting_began", None, later_meeting, talk_stands_still,
        action=meeting.still_open_at_meeting) for p in TALK if p is not P.WILL),
    t(P.WILL, "meeting_began", None, later_meeting, talk_stands_still, step=W.COMMIT,
      action=meeting.still_open_at_meeting),
    *(t(p, "tick", None, action=act.tick) for p in TALK),
    # A timebox changed by an admin: the running phase follows (not the look back's own).
    *(t(p, "timebox", None, action=timebox.follow_timebox, step=None if p is not P.WILL
        else W.COMMIT) for p in (P.WATCHING, *TALK)),
    # The new clip of a 2nd or later cycle: does it show what the inbrenger tried?
    # Answered late in the talk, it still goes into the chain of cycles.
    *(t(p, "tried", None, is_inbrenger, tried_open, action=act.take_tried)
      for p in (P.ANNOUNCED, P.AWAITING_CLIP, P.WATCHING, *TALK)),
    # A member who left: before the meeting the inbrenger's turn passes on; once the clip is
    # shown the cycle stops (the talk is about their teaching); after their commitment it
    # closes through the group's look back; a peer is no longer waited for to watch.
    *(t(p, "member_left", P.ANNOUNCED, is_inbrenger, leaving.someone_takes_over,
        action=leaving.turn_passes) for p in BEFORE_TALK),
    # Leaving the chat (a mis-tap?) once the clip is shown, the talk waits for them a while;
    # added back, they go on where they were, else it stops when the grace ends.
    *(t(p, "member_left", None, is_inbrenger, leaving.left_the_chat,
        action=leaving.waits_for_inbrenger) for p in (P.WATCHING, P.GOAL, P.REALITY, P.OPTIONS)),
    *(t(p, "member_left", P.CANCELLED, is_inbrenger, action=leaving.cycle_stops)
      for p in OPEN_PHASES if p is not P.WILL),
    t(P.WILL, "member_left", None, is_inbrenger, has_commitment, step=W.COMMIT,
      to_step=W.LOOKBACK, action=leaving.closes_without_them),
    t(P.WILL, "member_left", None, is_inbrenger, leaving.left_the_chat, step=W.COMMIT,
      action=leaving.waits_for_inbrenger),
    *(t(p, "member_back", None, is_inbrenger, leaving.inbrenger_away,
        action=leaving.inbrenger_back) for p in AWAITED),
    *(t(p, "grace_end", P.CANCELLED, leaving.inbrenger_away, action=leaving.grace_over)
      for p in AWAITED),
    t(P.WILL, "member_left", P.CANCELLED, is_inbrenger, step=W.COMMIT,
      action=leaving.cycle_stops),
    t(P.WILL, "member_left", P.CLOSED, is_inbrenger, lookback_complete, step=W.LOOKBACK),
    t(P.WATCHING, "member_left", P.GOAL, leaving.nobody_left_to_watch),
    # Any open cycle can be called off; a closed one still takes a late look-back answer.
    *(t(p, "cancel", P.CANCELLED, is_inbrenger_or_admin, action=leaving.called_off)
      for p in OPEN_PHASES),
    t(P.CLOSED, "lookback_choice", None, is_inbrenger, lookback_open,
      action=lookback.choose_late),
    t(P.CLOSED, "move", None, is_peer, has_agreed, lookback.late_line_open,
      action=lookback.take_line_late),
    t(P.CLOSED, "followup", None, action=act.follow_up),
    # The schedule changed after the cycle closed: the next turn it told of follows.
    t(P.CLOSED, "schedule_changed", None, meeting.turn_moved, action=meeting.move_turn),
)

ENTER: dict[Phase, Enter] = {
    P.ANNOUNCED: act.enter_nothing,
    P.AWAITING_CLIP: act.enter_awaiting_clip,
    P.WATCHING: enter_watching,
    P.GOAL: enter_talk,
    P.REALITY: enter_talk,
    P.OPTIONS: enter_talk,
    P.WILL: enter_talk,
    P.CLOSED: act.enter_closed,
    P.CANCELLED: stopping.enter_cancelled,
}


def _check(transitions: tuple[Transition, ...]) -> None:
    """The table is checked when it is built, not only in tests: every event it names
    exists, every phase has its entry, and the machine is sound (flows/cycle/diagram.py)."""
    unknown = sorted({tr.event for tr in transitions} - EVENT_NAMES)
    if unknown:
        raise ValueError(f"transitions name events that do not exist: {unknown}")
    missing = [phase for phase in Phase if phase not in ENTER]
    if missing:
        raise ValueError(f"phases without an entry: {missing}")


_check(TRANSITIONS)

def choose(ctx: CycleContext, event: Event) -> Transition | Text:
    """The transition this event takes, or why it takes none."""
    step = current_step(ctx.cycle)
    candidates = [tr for tr in TRANSITIONS if tr.source == ctx.cycle.phase
                  and tr.event == event.name and tr.step in (None, step)]
    first_reason = None
    for transition in candidates:
        reason = next((r for g in transition.guards if (r := g(ctx, event)) is not None), None)
        if reason is None:
            return transition
        first_reason = first_reason or reason
    return first_reason or wrong_phase(ctx, event)


def decide(ctx: CycleContext, event: Event) -> Decision:
    """The one entry point: what happens to this cycle when `event` arrives."""
    outside_the_table = arrival(ctx, event) or act.outsider_message(ctx, event)
    if outside_the_table is not None:
        return outside_the_table
    chosen = choose(ctx, event)
    if isinstance(chosen, Text):
        return Decision(ctx.cycle, refusal=chosen)
    return _apply(ctx, event, chosen)


# What shows a member is in the conversation: saying something in it.
SPEAKING_EVENTS = frozenset({"message", "voice", "move"})


def _apply(ctx: CycleContext, event: Event, transition: Transition) -> Decision:
    decision = transition.action(ctx, event)
    if decision.refused:
        return decision
    if event.name in SPEAKING_EVENTS and in_the_talk(ctx.cycle):
        decision = replace(decision, cycle=watching.here_after_all(decision.cycle,
                                                                   actor_of(event)))
        if quiet(ctx.cycle, ctx.now):  # the first word after a long quiet: check often again
            decision = replace(decision, effects=decision.effects + (
                set_timer(ctx, decision.cycle, "tick", TICK_MINUTES),))
    ctx = with_stored(ctx, decision.effects)
    if transition.to_step is not None:
        cycle = replace(decision.cycle, step=transition.to_step,
                        nudge_history=decision.cycle.nudge_history.after_prompt())
        entered, effects = enter_step(replace(ctx, cycle=cycle), cycle)
        return replace(decision, cycle=entered, effects=decision.effects + effects)
    if transition.target in (None, ctx.cycle.phase):
        return decision
    cycle = replace(decision.cycle, phase=transition.target, phase_started_at=ctx.now, step="",
                    step_started_at=None,
                    nudge_history=decision.cycle.nudge_history.new_phase())
    entered, effects = ENTER[transition.target](replace(ctx, cycle=cycle), cycle)
    return replace(decision, cycle=entered, effects=decision.effects + effects)
