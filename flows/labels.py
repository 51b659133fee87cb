"""The nine kinds of contribution (../shared/data/README.md) and the classifier's verdict."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Label(StrEnum):
    OPEN_QUESTION = "open_question"
    CLOSED_QUESTION = "closed_question"
    REFLECTION = "reflection"
    OBSERVATION = "observation"
    TIP = "tip"
    OPINION = "opinion"
    INFORMATION = "information"
    AFFIRMATION = "affirmation"
    OTHER = "other"


COMPENSATING = frozenset({Label.TIP, Label.OPINION, Label.INFORMATION})
ACTIVATING = frozenset({Label.OPEN_QUESTION, Label.REFLECTION, Label.OBSERVATION})


def stance(label: Label) -> str:
    """'activating', 'compensating' or 'neutral': the balance the summaries show."""
    if label in ACTIVATING:
        return "activating"
    if label in COMPENSATING:
        return "compensating"
    return "neutral"


@dataclass(frozen=True)
class Classification:
    """What a message is, the words that decided it (shown in a nudge), and for a tip a
    rephrasing as an open question in the message's language, where one can be made."""

    label: Label
    cue: str = ""
    rephrasing: str | None = None
