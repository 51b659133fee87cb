"""The nudging policy (SPEC section 4, issue "Activate, don't compensate"), as pure functions.

The caller passes the message, its classification, the clock and the stored `NudgeHistory`;
the policy answers with effects to carry out and the history to store next. It reads no clock
and sends nothing itself. The policy as a table, with the reasons: docs/nudging.md.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from flows.callbacks import CycleButton, StillButton
from flows.classifier.timestamps import clock
from flows.effects import Button, Effect, Keyboard, Say, SayPrivately, Text, about_group, text
from flows.labels import ACTIVATING, COMPENSATING, Classification, Label
from flows.model import TALK_PHASES, Member, NudgeMode, Phase, Settings
from flows.nudging.cue import quoted_cue
from flows.nudging.history import NudgeHistory
from flows.nudging.limits import (
    MEMBER_COOLDOWN,
    group_has_room,
    latest,
    private_possible,
    prune,
    recently_nudged,
    talked_since,
    within,
    within_phase,
)

# How long a question of the inbrenger to the group asks for the answers it gets.
ASKED_WINDOW = timedelta(minutes=5)
QUESTIONS = frozenset({Label.OPEN_QUESTION, Label.CLOSED_QUESTION})


# Goal and reality are the inbrenger's own thinking: compensating is nudged there in every mode.
ACTIVATE_PHASES = frozenset({Phase.GOAL, Phase.REALITY})
# In options and will, tips are part of the practice once the inbrenger asked for them. Gentle
# groups are trusted to ask first; strict groups are reminded until the floor is open. Theory
# is left alone there: in options the peers are meant to be a source of knowledge.
ASK_FIRST_PHASES = frozenset({Phase.OPTIONS, Phase.WILL})
ASK_FIRST_LABELS = frozenset({Label.TIP, Label.OPINION})

# Three closed questions in a row is a pattern; two can be a clarifying follow-up. In will,
# closed questions are natural ("Probeer je het morgen al?"), so the run is not counted there.
CLOSED_RUN_LENGTH = 3
CLOSED_RUN_PHASES = frozenset({Phase.GOAL, Phase.REALITY, Phase.OPTIONS})
# A "thanks" or "ok" between two closed questions does not break the pattern.
CLOSED_RUN_NEUTRAL = frozenset({Label.AFFIRMATION, Label.OTHER})
# The group needs time to change its way of asking; repeating the hint sooner nags.
CLOSED_HINT_COOLDOWN = {NudgeMode.GENTLE: timedelta(minutes=15),
                        NudgeMode.STRICT: timedelta(minutes=10)}

# Messages that point the group at a moment in the clip get the still; a tip with a time stamp
# gets its nudge (or nothing) instead, and "blijft hangen bij 1:10" needs no still.
STILL_LABELS = ACTIVATING | {Label.CLOSED_QUESTION}

# Eight quiet minutes in a phase while others talk is dropping out, not thinking; a new phase
# starts the count again, since its prompt is a fresh invitation to everyone.
SILENCE_AFTER = timedelta(minutes=8)
# Quiet members are invited in one message, not one message each as they pass the mark.
SILENCE_INVITATION_GAP = timedelta(minutes=5)
# The inbrenger owns the conversation: six minutes of only the others talking is worth a check.
INBRENGER_SILENCE_AFTER = timedelta(minutes=6)

KIND_CLOSED_RUN = "closed_run"
KIND_STILL_OFFER = "still_offer"
KIND_SILENCE = "silence"
KIND_CHECKIN = "checkin"


@dataclass(frozen=True)
class NudgeContext:
    """One member message during a cycle, with what the policy needs to judge it.

    `timestamp_seconds` is the moment in the clip the text mentions, if any (the caller parses
    it with `flows.classifier.timestamps.parse_timestamp`).
    """

    phase: Phase
    settings: Settings
    inbrenger_id: int
    tips_open: bool
    writer: Member
    message_id: int
    text: str
    now: datetime
    history: NudgeHistory = field(default_factory=NudgeHistory)
    timestamp_seconds: float | None = None
    language: str | None = None  # the message's own language; the nudge follows it
    group_title: str = ""  # a private nudge names the group it is about
    clip_seconds: int | None = None  # the clip's duration: a moment past the end has no still
    cycle_id: int = 0  # travels in the still button, so an old button is recognised
    voice: bool = False  # the text is a voice note's transcript: the nudge says so


@dataclass(frozen=True)
class TickContext:
    """A periodic look at one group during a talk phase. `members` are those present; the
    inbrenger may be among them."""

    phase: Phase
    phase_started_at: datetime
    settings: Settings
    inbrenger: Member
    members: tuple[Member, ...]
    history: NudgeHistory = field(default_factory=NudgeHistory)
    cycle_id: int = 0  # travels in the check-in's buttons, which may be pressed privately
    group_title: str = ""
    silence_text: str = "nudge.silence"  # what quiet members are asked (the step's question)
    inbrenger_listens: bool = False  # reality's first steps are the peers': no check-in there


@dataclass(frozen=True)
class NudgeDecision:
    """What to send, and the history to store. `nudged` is true when the bot nudged (it counts
    for the coach); `kind` is the label nudged ("tip", "opinion", "information") or one of the
    KIND_* values, None when nothing is sent."""

    effects: tuple[Effect, ...]
    history: NudgeHistory
    nudged: bool = False
    kind: str | None = None


def decide_on_message(ctx: NudgeContext, classification: Classification) -> NudgeDecision:
    """At most one bot message per member message: a nudge, else a hint, else a still offer."""
    history = remember(ctx, classification.label)
    for choose in (_compensating_nudge, _closed_run_hint, _still_offer):
        decision = choose(ctx, classification, history)
        if decision is not None:
            return decision
    return NudgeDecision((), history)


def decide_on_tick(ctx_for_group: TickContext, now: datetime) -> NudgeDecision:
    """At most one message per tick, so the bot never posts two at once; the inbrenger first."""
    ctx = ctx_for_group
    history = prune(ctx.history, now)
    if ctx.settings.nudging == NudgeMode.OFF or ctx.phase not in TALK_PHASES:
        return NudgeDecision((), history)
    for choose in (_inbrenger_checkin, _silence_invitation):
        decision = choose(ctx, history, now)
        if decision is not None:
            return decision
    return NudgeDecision((), history)


# --- decide_on_message -----------------------------------------------------------------------

def remember(ctx: NudgeContext, label: Label) -> NudgeHistory:
    """What a message changes in the history without any reaction to it: who spoke when, and
    the run of closed questions (a voice note read after its phase, a commitment's words)."""
    history = prune(ctx.history, ctx.now)
    if ctx.writer.user_id == ctx.inbrenger_id:
        # The inbrenger's answers between peers' questions neither count in nor break a run.
        asked = ctx.now if label in QUESTIONS else history.inbrenger_asked_at
        return replace(history, inbrenger_last_at=ctx.now,
                       inbrenger_last_message_id=ctx.message_id, inbrenger_asked_at=asked)
    run = _next_closed_run(ctx.phase, label, history.closed_run)
    askers = () if run == 0 else history.closed_askers + (
        (ctx.writer.user_id,) if run > history.closed_run else ())
    return replace(
        history,
        last_contribution_at={**history.last_contribution_at, ctx.writer.user_id: ctx.now},
        closed_run=run, closed_askers=askers,
    )


def _next_closed_run(phase: Phase, label: Label, run: int) -> int:
    if phase not in CLOSED_RUN_PHASES:
        return 0
    if label == Label.CLOSED_QUESTION:
        return run + 1
    return run if label in CLOSED_RUN_NEUTRAL else 0


def _asks_for_nudge(ctx: NudgeContext, label: Label) -> bool:
    mode = ctx.settings.nudging
    if mode == NudgeMode.OFF or label not in COMPENSATING:
        return False
    if ctx.writer.user_id == ctx.inbrenger_id or ctx.tips_open \
            or inbrenger_asked(ctx.history, ctx.now):
        return False
    if ctx.phase in ACTIVATE_PHASES:
        return True
    return mode == NudgeMode.STRICT and ctx.phase in ASK_FIRST_PHASES and label in ASK_FIRST_LABELS


def inbrenger_asked(history: NudgeHistory, now: datetime) -> bool:
    """The inbrenger asked the group a question within ASKED_WINDOW: an answer with
    knowledge, an idea or a view is asked for ("Hoe lang zou zo'n stilte moeten duren?"
    answered with research was nudged with "your knowledge is welcome once asked for")."""
    return within(history.inbrenger_asked_at, now, ASKED_WINDOW)


def _compensating_nudge(
    ctx: NudgeContext, classification: Classification, history: NudgeHistory
) -> NudgeDecision | None:
    label, writer_id = classification.label, ctx.writer.user_id
    if not _asks_for_nudge(ctx, label):
        return None
    last_nudge = history.last_nudge_at.get(writer_id)
    if recently_nudged(history, writer_id, ctx.settings, ctx.now):
        return None
    private = private_possible(ctx.writer, ctx.settings)
    first_in_activate = last_nudge is None and ctx.phase in ACTIVATE_PHASES
    if not private and not first_in_activate and not group_has_room(history, ctx.now):
        return None
    prefix = "nudge" if ctx.phase in ACTIVATE_PHASES else "nudge.ask_first"
    texts: tuple[Text, ...] = (text(f"{prefix}.{label.value}", cue=quoted_cue(classification, ctx.text)),)
    if classification.rephrasing:
        texts += (text("nudge.rephrasing", rephrasing=classification.rephrasing),)
    if ctx.voice:  # the writer should know which of their words were heard, and how
        texts = (text("nudge.voice_note"),) + texts
    history = replace(history, last_nudge_at={**history.last_nudge_at, writer_id: ctx.now})
    if not private:
        history = history.posted(ctx.now)
    return NudgeDecision((_to_writer(ctx, texts, private),), history, nudged=True,
                         kind=label.value)


def _to_writer(ctx: NudgeContext, texts: tuple[Text, ...], private: bool) -> Effect:
    """Private by default: public correction feels shaming and magnifies false positives. A
    private nudge names its group (a member may be in several) and ends with how often a
    nudge comes, so the silence after later advice does not read as approval (the nudging
    review); in the group that line is for nobody (UX review 10), so it is left out there."""
    if private:
        cooldown = MEMBER_COOLDOWN[NudgeMode(ctx.settings.nudging)]
        once = text("nudge.once_per", minutes=int(cooldown.total_seconds() // 60))
        return SayPrivately(ctx.writer.user_id, texts, fallback_reply_to=ctx.message_id,
                            language=ctx.language, about=about_group(ctx.group_title),
                            footnote=(once,), nudge=True)
    return Say(texts, reply_to=ctx.message_id, language=ctx.language, nudge=True)


def _closed_run_hint(
    ctx: NudgeContext, classification: Classification, history: NudgeHistory
) -> NudgeDecision | None:
    mode = ctx.settings.nudging
    if mode == NudgeMode.OFF or ctx.phase not in CLOSED_RUN_PHASES:
        return None
    if ctx.writer.user_id == ctx.inbrenger_id or classification.label != Label.CLOSED_QUESTION:
        return None
    if history.closed_run < CLOSED_RUN_LENGTH:
        return None
    if within(history.closed_hint_at, ctx.now, CLOSED_HINT_COOLDOWN[NudgeMode(mode)]):
        return None
    # Still offers give way to the cycle's first hint, as to a peer's first nudge.
    if history.closed_hint_at is not None and not group_has_room(history, ctx.now):
        return None
    hint = text(f"nudge.closed_run.{ctx.phase.value}", count=history.closed_run)
    reset = replace(history, closed_run=0, closed_askers=(), closed_hint_at=ctx.now)
    if set(history.closed_askers) == {ctx.writer.user_id} \
            and private_possible(ctx.writer, ctx.settings):
        # One member asked them all: in the group everyone would see who is meant (the
        # voice review), so the hint goes to them, as a nudge does.
        reset = replace(reset, last_nudge_at={**history.last_nudge_at,
                                              ctx.writer.user_id: ctx.now})
        return NudgeDecision((_to_writer(ctx, (hint,), True),), reset, nudged=True,
                             kind=KIND_CLOSED_RUN)
    # Not a reply: the run is the group's, and replying would single out the third asker.
    return NudgeDecision((Say((hint,)),), reset.posted(ctx.now), nudged=True,
                         kind=KIND_CLOSED_RUN)


def _still_offer(
    ctx: NudgeContext, classification: Classification, history: NudgeHistory
) -> NudgeDecision | None:
    """Not a nudge (so no member cooldown, and offered in every mode), but a bot message."""
    if ctx.timestamp_seconds is None or ctx.phase not in TALK_PHASES:
        return None
    if classification.label not in STILL_LABELS or not group_has_room(history, ctx.now):
        return None
    seconds = max(0, int(ctx.timestamp_seconds))
    said = text("nudge.still_offer", time=clock(seconds))
    if ctx.clip_seconds is not None and seconds > ctx.clip_seconds:
        seconds = last_frame(ctx.clip_seconds)
        said = text("nudge.still_offer_past_end", time=clock(int(ctx.timestamp_seconds)),
                    length=clock(ctx.clip_seconds), last=clock(seconds))
    if seconds in history.stills_offered:  # its button is just above: not offered again
        return None
    moment = clock(seconds)
    button = Button(text("nudge.show_still", time=moment), still_data(ctx.cycle_id, seconds))
    offer = Say((said,), ((button,),), reply_to=ctx.message_id, language=ctx.language)
    history = history.posted(ctx.now).offered(seconds)
    return NudgeDecision((offer,), history, kind=KIND_STILL_OFFER)


def last_frame(clip_seconds: int) -> int:
    """The moment of the clip's last frame, in whole seconds as the stills show it (one second
    before the end: a still exactly at the end has no frame to show)."""
    return max(0, clip_seconds - 1)


def still_data(cycle_id: int, seconds: int) -> str:
    """Callback data of the still button (flows/callbacks.py)."""
    return StillButton(cycle_id or None, seconds).pack()


def checkin_data(cycle_id: int, answer: str) -> str:
    """The check-in's buttons are cycle buttons (`cy:<cycle id>:checkin:yes|steer`): pressed
    in a private chat, the cycle id is what tells the bot which group to answer in."""
    return CycleButton(cycle_id, "checkin", answer).pack()


# --- decide_on_tick --------------------------------------------------------------------------

def _inbrenger_checkin(
    ctx: TickContext, history: NudgeHistory, now: datetime
) -> NudgeDecision | None:
    inbrenger = ctx.inbrenger
    quiet_since = latest(history.inbrenger_last_at, ctx.phase_started_at)
    if ctx.inbrenger_listens or now - quiet_since < INBRENGER_SILENCE_AFTER:
        return None
    if within_phase(history.checkin_at, ctx.phase_started_at):
        return None
    others = talked_since(history.last_contribution_at.items(), now - INBRENGER_SILENCE_AFTER)
    private = private_possible(inbrenger, ctx.settings)
    if not others - {inbrenger.user_id} or not (private or group_has_room(history, now)):
        return None
    texts = (text("nudge.checkin", name=inbrenger.name),)
    buttons: Keyboard = ((
        Button(text("nudge.checkin_yes"), checkin_data(ctx.cycle_id, "yes")),
        Button(text("nudge.checkin_steer"), checkin_data(ctx.cycle_id, "steer")),
    ),)
    effect: Effect
    history = replace(history, checkin_at=now)
    if private:
        effect = SayPrivately(inbrenger.user_id, texts, buttons,
                              fallback_reply_to=history.inbrenger_last_message_id,
                              about=about_group(ctx.group_title))
    else:
        effect = Say(texts, buttons)
        history = history.posted(now)
    return NudgeDecision((effect,), history, nudged=True, kind=KIND_CHECKIN)


def _silence_invitation(
    ctx: TickContext, history: NudgeHistory, now: datetime
) -> NudgeDecision | None:
    if within(history.silence_invitation_at, now, SILENCE_INVITATION_GAP):
        return None
    quiet = [m for m in ctx.members if _is_quiet(ctx, history, m, now)]
    talking = talked_since(history.last_contribution_at.items(), now - SILENCE_AFTER)
    if within(history.inbrenger_last_at, now, SILENCE_AFTER):
        talking.add(ctx.inbrenger.user_id)
    if not quiet or not talking or not group_has_room(history, now):
        return None
    invitation = text(ctx.silence_text, count=len(quiet), names=", ".join(m.name for m in quiet))
    invited = {**history.invited_at, **{m.user_id: now for m in quiet}}
    history = replace(history.posted(now), invited_at=invited, silence_invitation_at=now)
    return NudgeDecision((Say((invitation,)),), history, nudged=True, kind=KIND_SILENCE)


def _is_quiet(ctx: TickContext, history: NudgeHistory, member: Member, now: datetime) -> bool:
    if member.user_id == ctx.inbrenger.user_id:
        return False  # the inbrenger gets the check-in instead
    if within_phase(history.invited_at.get(member.user_id), ctx.phase_started_at):
        return False  # once per member per phase: a second call would feel like pressure
    if recently_nudged(history, member.user_id, ctx.settings, now):
        return False
    spoke = history.last_contribution_at.get(member.user_id)
    return now - latest(spoke, ctx.phase_started_at) >= SILENCE_AFTER
