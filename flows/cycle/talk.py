"""A member's message during the talk: kept as a contribution, classified in its own language,
maybe nudged; in reality's strong-moment step, a time stamp counts as that member's moment."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from flows.classifier import classify, detect_language
from flows.classifier.timestamps import clock, parse_timestamp
from flows.cycle.events import Contribution
from flows.cycle.model import ContributionRef, Cycle, CycleContext, Decision
from flows.cycle.phases import TICK_MINUTES, inbrenger_name, phase_due, set_timer, step_minutes
from flows.cycle.strong import in_strong_step, names_what_works
from flows.cycle.watching import present
from flows.effects import (
    Button,
    Effect,
    LogNudge,
    Say,
    StoreContribution,
    StoreTranscript,
    Text,
    text,
)
from flows.labels import COMPENSATING, Classification, Label
from flows.model import TALK_PHASES, Member, Phase, RealityStep
from flows.nudging import policy as nudging

# A talk left standing (the meeting ended without /next, as groups do) is checked for
# silence hourly instead of every TICK_MINUTES (a week: 197 ticks, not 5,040); the next word
# brings the 2-minute tick back (flows/cycle/table._apply).
QUIET_MINUTES = 60
QUIET_TICK_MINUTES = 60


def _history(ctx: CycleContext) -> nudging.NudgeHistory:
    return ctx.cycle.nudge_history


def words_language(ctx: CycleContext, words: str, language: str | None) -> str:
    """Each message in its own language: groups mix Dutch and English, and a nudge or a
    rephrasing in the other language reads as not listening. The group's language decides
    when the words do not."""
    return language or detect_language(words, ctx.settings.language)


def respond_to_contribution(ctx: CycleContext, event: Contribution, *,
                            nudge: bool = True) -> Decision:
    return respond_to_words(ctx, event.actor, event.message_id, event.text, event.language,
                            nudge=nudge and not event.shared, shared=event.shared)


def label_after_edit(stored: ContributionRef, words: str, group_language: str) -> str:
    """An edited contribution is read again, not nudged again: a tip rewritten as the question
    its nudge suggested counts as that question. A look-back line stays a line, and a strong
    moment (kept as an observation) stays one while it still names a moment and is no tip."""
    if stored.label not in {label.value for label in Label}:
        return stored.label
    classification = classify(words, detect_language(words, group_language))
    if stored.label == Label.OBSERVATION.value and parse_timestamp(words) is not None \
            and classification.label is not Label.TIP:
        return stored.label
    return classification.label.value


def quiet(cycle: Cycle, now: datetime) -> bool:
    """Nobody has said anything in the talk for QUIET_MINUTES (the phase's start counts as a
    word): the group has stopped for now, and silence is checked only hourly."""
    history = cycle.nudge_history
    moments = [cycle.phase_started_at, *history.last_contribution_at.values()]
    if history.inbrenger_last_at is not None:
        moments.append(history.inbrenger_last_at)
    return now - max(moments) >= timedelta(minutes=QUIET_MINUTES)


def respond_to_words(ctx: CycleContext, actor: int, message_id: int, words: str,
                     language: str | None, *, nudge: bool = True,
                     voice: bool = False, quotable: bool = True,
                     shared: bool = False) -> Decision:
    """A member's words: stored (a voice note's transcript as the words of the stored note),
    classified in their own language and, where `nudge`, reacted to: a nudge that says when
    it reacts to a voice note, a still offer, a strong moment noted. A transcript that may
    not be quoted (`quotable`, pocketsphinx's) leaves only its label: the note is shown by
    its length, like one nobody could read. Words `shared` (forwarded from elsewhere) are
    someone else's: kept as `other`, never nudged nor counted as the forwarder's own idea
    (reviews ux21, ux23)."""
    cycle = ctx.cycle
    language = words_language(ctx, words, language)
    classification = Classification(Label.OTHER, "") if shared \
        else classify(words, language)
    writer = ctx.someone(actor)
    moment = parse_timestamp(words)
    strong = nudge and in_strong_step(cycle) and actor != cycle.inbrenger_id \
        and names_what_works(classification.label, words, moment is not None)
    if strong and moment is not None:
        # "Op 0:45 vind ik je uitleg sterk" is what this step asks for: an observation of what
        # works, not an opinion to nudge.
        classification = Classification(Label.OBSERVATION, classification.cue)
    label = classification.label.value
    store: Effect = (StoreTranscript(message_id, words if quotable else "", label) if voice else
                     StoreContribution(actor, cycle.phase.value, message_id, words, label,
                                       step=cycle.step))
    # A strong moment is what the step asks for, never advice: not nudged, and not counted
    # as a tip given on request (the summaries show it as a strong moment, strong.py).
    asked = cycle.tips_open or nudging.inbrenger_asked(cycle.nudge_history, ctx.now)
    if nudge and asked and not strong and classification.label in COMPENSATING \
            and actor != cycle.inbrenger_id:
        # Asked for: counted as welcome in the summaries, never as unasked advice.
        cycle = replace(cycle, welcome_tips=cycle.welcome_tips | {message_id})
    nudge_ctx = nudging.NudgeContext(
        phase=cycle.phase, settings=ctx.settings, inbrenger_id=cycle.inbrenger_id,
        tips_open=cycle.tips_open, writer=writer, message_id=message_id, text=words,
        now=ctx.now, history=_history(ctx), timestamp_seconds=moment, language=language,
        group_title=ctx.group_title, clip_seconds=cycle.clip.duration if cycle.clip else None,
        cycle_id=cycle.id,
        voice=voice,
    )
    effects: tuple[Effect, ...] = (store,)
    if not nudge:  # nothing said, so nothing counts as said (no cooldown)
        history = nudging.remember(nudge_ctx, classification.label)
        return Decision(replace(cycle, nudge_history=history), effects)
    if strong:
        cycle, said = _strong_moment(ctx, cycle, actor, message_id, moment, language)
        history = nudging.remember(nudge_ctx, classification.label)
        if said is not None:
            # The reply to a strong moment is the one bot message, so it counts once against
            # the group's room (the still offer the policy would have made is not sent).
            history = history.posted(ctx.now)
            effects += (said,)
        if moment is not None:  # its still was offered: not offered again in this phase
            history = history.offered(_still_second(cycle, moment))
    else:
        decision = nudging.decide_on_message(nudge_ctx, classification)
        history = decision.history
        effects += decision.effects
        if decision.nudged:
            effects += (LogNudge(actor, decision.kind or "", message_id),)
    cycle = replace(cycle, nudge_history=history)
    return Decision(cycle, effects)


def _strong_moment(ctx: CycleContext, cycle: Cycle, actor: int, message_id: int,
                   moment: float | None, language: str) -> tuple[Cycle, Say | None]:
    """The member's strong moment is noted. With a time stamp one reply offers its still and
    shows who has named one (never who has not: the step invites, it does not hold the
    cycle); praise without one ("je legt het heel helder uit") is noted without a word,
    unless it is the last one the step waits for."""
    before = cycle.strong_moments
    cycle = replace(cycle, strong_moments=before | {actor})
    # The inbrenger names none: the step asks the peers what works in the inbrenger's clip.
    peers = {m.user_id for m in present(ctx.members, cycle)} - {cycle.inbrenger_id}
    everyone = peers <= cycle.strong_moments and not peers <= before
    all_named = (text("cycle.strong_all", name=inbrenger_name(ctx)),) if everyone else ()
    if moment is None:
        return cycle, (Say(all_named, language=language) if all_named else None)
    seconds = _still_second(cycle, moment)
    shown = clock(seconds)
    named = tuple(m.name for m in ctx.members if m.user_id in cycle.strong_moments)
    lines: tuple[Text, ...] = (text("cycle.strong_noted", count=len(named),
                                    names=", ".join(named)),) + all_named
    if seconds in cycle.nudge_history.stills_offered:  # its button is a few lines up already
        return cycle, Say(lines, reply_to=message_id, language=language)
    button = Button(text("nudge.show_still", time=shown), nudging.still_data(cycle.id, seconds))
    return cycle, Say(lines, ((button,),), reply_to=message_id, language=language)


def _still_second(cycle: Cycle, moment: float) -> int:
    """The whole second whose still a moment offers: the last frame for one past the end."""
    seconds = max(0, int(moment))
    length = cycle.clip.duration if cycle.clip else None
    return nudging.last_frame(length) if length is not None and seconds > length else seconds


def settled(cycle: Cycle) -> bool:
    """The commitment is confirmed: the talk has done its work, and nobody is invited back
    into it (nor the inbrenger asked whether it is still meaningful)."""
    return cycle.phase is Phase.WILL and cycle.commitment is not None


# A quiet member is asked what the moment asks of everyone: in reality's first steps what
# they see and hear, or which moment works well; elsewhere a question for the inbrenger.
SILENCE_TEXTS: dict[str, str] = {RealityStep.SEE: "nudge.silence_see",
                                 RealityStep.STRONG: "nudge.silence_strong"}


def _may_be_invited(ctx: CycleContext, cycle: Cycle) -> tuple[Member, ...]:
    """Who a silence invitation may name: not who is away, nor who has not agreed yet; in the
    strong-moment step not who named their moment (the step's question is answered)."""
    here = present(ctx.members, cycle)
    if in_strong_step(cycle):
        return tuple(m for m in here if m.user_id not in cycle.strong_moments)
    return here


_NEAR = timedelta(minutes=1)


def _near_time_up(ctx: CycleContext, cycle: Cycle) -> bool:
    """Within a minute of the phase's or the step's "time is up": an invitation to join in
    (or the check-in) beside it says two things at once, so it waits for the next tick (one
    tick, TICK_MINUTES later, never more: a wider window swallowed goal's invitations)."""
    ends = [phase_due(cycle, ctx.settings)]
    if cycle.step and cycle.step_started_at is not None:
        ends.append(cycle.step_started_at
                    + timedelta(minutes=step_minutes(ctx.settings, cycle.phase)))
    return any(abs(ctx.now - end) <= _NEAR for end in ends)


# Reality's first steps are the peers' (what they see, a strong moment): an inbrenger who
# listens there does what the step asks, so no check-in (a review saw one in every cycle).
_PEERS_STEPS = frozenset({RealityStep.SEE.value, RealityStep.STRONG.value})


def respond_to_tick(ctx: CycleContext) -> Decision:
    """Every few minutes of talk: invite silent members back, check in with the inbrenger."""
    cycle = ctx.cycle
    inbrenger = ctx.inbrenger
    next_tick = set_timer(ctx, cycle, "tick",
                          QUIET_TICK_MINUTES if quiet(cycle, ctx.now) else TICK_MINUTES)
    if inbrenger is None or cycle.phase not in TALK_PHASES or settled(cycle) \
            or _near_time_up(ctx, cycle):
        return Decision(cycle, (next_tick,))
    tick_ctx = nudging.TickContext(
        phase=cycle.phase, phase_started_at=cycle.phase_started_at, settings=ctx.settings,
        inbrenger=inbrenger, history=_history(ctx), cycle_id=cycle.id,
        members=_may_be_invited(ctx, cycle),
        group_title=ctx.group_title,
        silence_text=SILENCE_TEXTS.get(cycle.step, "nudge.silence")
        if cycle.phase is Phase.REALITY else "nudge.silence",
        inbrenger_listens=cycle.phase is Phase.REALITY and cycle.step in _PEERS_STEPS,
    )
    decision = nudging.decide_on_tick(tick_ctx, ctx.now)
    effects: tuple[Effect, ...] = decision.effects + (next_tick,)
    if decision.effects:
        effects += (LogNudge(None, decision.kind or ""),)
    if decision.kind == nudging.KIND_CHECKIN:
        cycle = replace(cycle, checkin_open=True)
    return Decision(replace(cycle, nudge_history=decision.history), effects)
