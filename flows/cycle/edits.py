"""A contribution edited in the phase it was said in: the handler stores the new words (read
again, bot/handlers/cycle.on_edit); here the bot answers what the edit added, as it would
have answered a new message with these words (review ux21 #6): a time stamp gets its still
button, a question rewritten as a tip its nudge. What the old words were answered for is not
said again: a message nudged once is not nudged twice, the same moment gets no second button.
"""
from __future__ import annotations

from flows.classifier import classify, detect_language
from flows.classifier.timestamps import parse_timestamp
from flows.cycle.events import ContributionEdited, Event
from flows.cycle.model import CycleContext, Decision
from flows.cycle.talk import respond_to_words
from flows.effects import LogNudge, Say, StoreContribution
from flows.labels import COMPENSATING


def answer_edit(ctx: CycleContext, event: Event) -> Decision:
    assert isinstance(event, ContributionEdited)
    language = ctx.settings.language
    was = classify(event.before, detect_language(event.before, language)).label
    now = classify(event.text, detect_language(event.text, language)).label
    moment = parse_timestamp(event.text)
    new_moment = moment is not None and moment != parse_timestamp(event.before)
    new_tip = not event.nudged and now in COMPENSATING and was not in COMPENSATING
    if not (new_moment or new_tip):
        return Decision(ctx.cycle)
    answered = respond_to_words(ctx, event.actor, event.message_id, event.text, None)
    effects = tuple(e for e in answered.effects if not isinstance(e, StoreContribution))
    nudged = any(isinstance(e, LogNudge) for e in effects)
    offered = any(isinstance(e, Say) and e.buttons for e in effects)
    if (nudged and new_tip) or (not nudged and offered and new_moment):
        return Decision(answered.cycle, effects)
    return Decision(ctx.cycle)  # the answer would repeat an old one, or say something else
