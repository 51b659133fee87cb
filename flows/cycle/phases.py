"""What the bot says and sets when a cycle enters a phase, and the timers a cycle owns."""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from flows.callbacks import CycleButton
from flows.cycle.model import Cycle, CycleContext
from flows.effects import (
    Button,
    CancelTimer,
    Effect,
    RecordTurn,
    Say,
    SendStoryboard,
    SetTimer,
    Text,
    text,
)
from flows.labels import ACTIVATING
from flows.model import Phase

CYCLE_TIMERS = ("watch_end", "phase_reminder", "tick", "lookback_end", "meeting_open",
                "clip_reminder")
TICK_MINUTES = 2  # how often silence is checked during the talk; cheap, and quick enough
LOOKBACK_QUOTE_CHARS = 60
LOOKBACK_OPTIONS = 3


def timer_name(cycle: Cycle, event: str) -> str:
    return f"cycle:{cycle.id}:{event}"


def set_timer(ctx: CycleContext, cycle: Cycle, event: str, minutes: float) -> SetTimer:
    return SetTimer(timer_name(cycle, event), ctx.now + timedelta(minutes=minutes), event,
                    {"cycle_id": cycle.id})


def cancel_timers(cycle: Cycle, *events: str) -> tuple[Effect, ...]:
    return tuple(CancelTimer(timer_name(cycle, e)) for e in (events or CYCLE_TIMERS))


def button(cycle: Cycle, key: str, action: str, argument: str = "", **params: object) -> Button:
    return Button(text(key, **params), CycleButton(cycle.id, action, argument).pack())


def inbrenger_name(ctx: CycleContext) -> str:
    member = ctx.inbrenger
    return member.name if member else "?"


def announce(ctx: CycleContext, cycle: Cycle) -> tuple[Effect, ...]:
    """Tell the group who brings in, with the buttons to accept or pass the turn on."""
    lines: list[Text] = [text("cycle.announce", name=inbrenger_name(ctx), number=cycle.number)]
    if cycle.previous_commitment:
        lines.append(text("cycle.recall_commitment", commitment=cycle.previous_commitment))
    keyboard = ((button(cycle, "cycle.button.accept", "accept"),
                 button(cycle, "cycle.button.swap", "swap")),)
    return (Say(tuple(lines), keyboard),)


def ask_for_clip(ctx: CycleContext, cycle: Cycle) -> tuple[Effect, ...]:
    lines = [text("cycle.ask_clip", name=inbrenger_name(ctx)), text("cycle.filming_tips")]
    if cycle.previous_commitment:
        lines.append(text("cycle.ask_clip_shows_commitment",
                          commitment=cycle.previous_commitment))
    return (Say(tuple(lines)),)


def ask_consent(cycle: Cycle) -> Effect:
    return Say((text("cycle.ask_consent"),),
               ((button(cycle, "cycle.button.consent", "consent"),),))


def enter_watching(ctx: CycleContext, cycle: Cycle) -> tuple[Cycle, tuple[Effect, ...]]:
    effects: tuple[Effect, ...] = (
        Say((text("cycle.agreements_reminder"),
             text("cycle.watch", name=inbrenger_name(ctx),
                  learning_question=cycle.learning_question or ""))),
        SendStoryboard(cycle.id),
        Say((text("cycle.watch_confirm"),),
            ((button(cycle, "cycle.button.watched", "watched"),),)),
        RecordTurn(cycle.inbrenger_id),
        *cancel_timers(cycle, "meeting_open", "clip_reminder"),
        set_timer(ctx, cycle, "watch_end", ctx.settings.watch_minutes),
    )
    return cycle, effects


def _talk_phase_effects(ctx: CycleContext, cycle: Cycle, phase: Phase,
                        lines: tuple[Text, ...]) -> tuple[Effect, ...]:
    tips_key = "cycle.button.tips_close" if cycle.tips_open else "cycle.button.tips_open"
    keyboard = ((button(cycle, "cycle.button.next", "next"), button(cycle, tips_key, "tips")),)
    return (
        Say(lines, keyboard),
        set_timer(ctx, cycle, "phase_reminder", ctx.settings.phase_minutes(phase)),
        set_timer(ctx, cycle, "tick", TICK_MINUTES),
    )


def enter_talk(ctx: CycleContext, cycle: Cycle) -> tuple[Cycle, tuple[Effect, ...]]:
    phase = cycle.phase
    name = inbrenger_name(ctx)
    minutes = ctx.settings.phase_minutes(phase)
    lines: list[Text] = [text(f"cycle.prompt.{phase.value}", name=name, minutes=minutes,
                              learning_question=cycle.learning_question or "")]
    if phase is Phase.GOAL:
        cycle = replace(cycle, watched_before_talk=_everyone_watched(ctx, cycle))
        if cycle.previous_commitment:
            lines.append(text("cycle.goal_recall", name=name,
                              commitment=cycle.previous_commitment))
    effects = (*cancel_timers(cycle, "watch_end"), *_talk_phase_effects(ctx, cycle, phase,
                                                                          tuple(lines)))
    return cycle, effects


def _everyone_watched(ctx: CycleContext, cycle: Cycle) -> bool:
    others = {m.user_id for m in ctx.members} - {cycle.inbrenger_id}
    return others <= cycle.watched_by


def lookback_candidates(ctx: CycleContext) -> tuple[int, ...]:
    """Up to three activating contributions of the peers, the most recent of each kind first,
    so that the choice covers different moves rather than three of the same."""
    activating = [c for c in ctx.contributions
                  if c.label in ACTIVATING and c.user_id != ctx.cycle.inbrenger_id]
    chosen: list[int] = []
    seen_labels: set[str] = set()
    for c in reversed(activating):
        if c.label not in seen_labels:
            chosen.append(c.id)
            seen_labels.add(c.label)
    for c in reversed(activating):
        if len(chosen) >= LOOKBACK_OPTIONS:
            break
        if c.id not in chosen:
            chosen.append(c.id)
    return tuple(chosen[:LOOKBACK_OPTIONS])


def quote(words: str, limit: int = LOOKBACK_QUOTE_CHARS) -> str:
    words = " ".join(words.split())
    return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"


def start_lookback(ctx: CycleContext, cycle: Cycle) -> tuple[Cycle, tuple[Effect, ...]]:
    options = lookback_candidates(ctx)
    by_id = {c.id: c for c in ctx.contributions}
    rows = tuple((button(cycle, "cycle.button.lookback_option", "look", str(cid),
                         quote=quote(by_id[cid].text)),) for cid in options)
    rows += ((button(cycle, "cycle.button.lookback_none", "look", "0"),),)
    cycle = replace(cycle, looking_back=True, lookback_options=options)
    effects = (
        Say((text("cycle.lookback_inbrenger", name=inbrenger_name(ctx)),), rows),
        Say((text("cycle.lookback_group"),)),
        *cancel_timers(cycle, "phase_reminder", "tick"),
        set_timer(ctx, cycle, "lookback_end", ctx.settings.lookback_minutes),
    )
    return cycle, effects
