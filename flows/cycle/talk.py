"""A member's message during the talk: kept as a contribution, classified, maybe nudged."""
from __future__ import annotations

from dataclasses import replace

from flows.classifier import classify
from flows.classifier.timestamps import parse_timestamp
from flows.cycle.model import Contribution, CycleContext, Decision
from flows.cycle.phases import TICK_MINUTES, set_timer
from flows.effects import Effect, LogNudge, StoreContribution
from flows.model import Member, Phase
from flows.nudging import policy as nudging


def _history(ctx: CycleContext) -> nudging.NudgeHistory:
    return nudging.NudgeHistory.from_dict(ctx.cycle.nudge_history)


def respond_to_contribution(ctx: CycleContext, event: Contribution, *,
                            nudge: bool = True) -> Decision:
    cycle = ctx.cycle
    language = event.language or ctx.settings.language
    classification = classify(event.text, language)
    writer = ctx.member(event.actor) or Member(event.actor, "?")
    store = StoreContribution(event.actor, cycle.phase.value, event.message_id, event.text,
                              classification.label.value)
    nudge_ctx = nudging.NudgeContext(
        phase=cycle.phase, settings=ctx.settings, inbrenger_id=cycle.inbrenger_id,
        tips_open=cycle.tips_open, writer=writer, message_id=event.message_id, text=event.text,
        now=ctx.now, history=_history(ctx), timestamp_seconds=parse_timestamp(event.text),
    )
    decision = nudging.decide_on_message(nudge_ctx, classification)
    effects: tuple[Effect, ...] = (store,)
    if nudge:
        effects += decision.effects
        if decision.nudged:
            effects += (LogNudge(event.actor, decision.kind or "", event.message_id),)
    cycle = replace(cycle, nudge_history=decision.history.to_dict())
    return Decision(cycle, effects)


def respond_to_tick(ctx: CycleContext) -> Decision:
    """Every few minutes of talk: invite silent members back, check in with the inbrenger."""
    cycle = ctx.cycle
    inbrenger = ctx.inbrenger
    next_tick = set_timer(ctx, cycle, "tick", TICK_MINUTES)
    if inbrenger is None or cycle.phase not in (Phase.GOAL, Phase.REALITY, Phase.OPTIONS,
                                                Phase.WILL):
        return Decision(cycle, (next_tick,))
    tick_ctx = nudging.TickContext(
        phase=cycle.phase, phase_started_at=cycle.phase_started_at, settings=ctx.settings,
        inbrenger=inbrenger, members=ctx.members, history=_history(ctx),
    )
    decision = nudging.decide_on_tick(tick_ctx, ctx.now)
    effects: tuple[Effect, ...] = decision.effects + (next_tick,)
    if decision.effects:
        effects += (LogNudge(None, decision.kind or ""),)
    return Decision(replace(cycle, nudge_history=decision.history.to_dict()), effects)
