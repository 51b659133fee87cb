"""Applying a transition of the state machine (flows/cycle/table.py): whether a word is
part of the conversation, the context as the next phase sees it, and why an event that no
transition takes does nothing now."""
from __future__ import annotations

from dataclasses import replace

from flows.cycle.events import Event
from flows.cycle.model import ContributionRef, Cycle, CycleContext
from flows.cycle.phases import current_step
from flows.effects import Effect, StoreContribution, Text, text
from flows.model import FINAL_PHASES, TALK_PHASES, WillStep


def in_the_talk(cycle: Cycle) -> bool:
    """The conversation itself: a look-back line is about it, not taking part in it."""
    return cycle.phase in TALK_PHASES and current_step(cycle) != WillStep.LOOKBACK


def with_stored(ctx: CycleContext, effects: tuple[Effect, ...]) -> CycleContext:
    """The context as entering the next phase or step sees it, with what this event stored:
    the line that closes the look back belongs in the summary the cycle closes with."""
    known = {c.message_id for c in ctx.contributions}
    stored = tuple(ContributionRef(-1, e.user_id, e.phase, e.text, e.label, e.message_id,
                                   e.kind, e.duration, step=e.step)  # -1: not yet stored
                   for e in effects
                   if isinstance(e, StoreContribution) and e.message_id not in known)
    return replace(ctx, contributions=ctx.contributions + stored) if stored else ctx


def wrong_phase(ctx: CycleContext, event: Event) -> Text:
    """Why this event does nothing now, as specific as we can say it."""
    if ctx.cycle.phase in FINAL_PHASES:
        return text("cycle.refused.closed")
    if event.name in REFUSAL_EVENTS:
        return text(f"cycle.refused.{event.name}")
    return text("cycle.refused.wrong_phase")


# Events with their own explanation when they come at the wrong moment.
REFUSAL_EVENTS = frozenset({"accept", "swap", "clip", "consent", "watched", "next", "tips",
                            "lookback_choice", "learning_question", "new_question", "commit",
                            "checkin",
                            "tried", "move", "transcript", "audio", "absent"})
