"""Reality's second step, where each peer names a moment that works well: what counts as such
a strong moment, when it is said and later in the summaries. It is the practice's "what works
well", so it is never advice, whatever label the classifier (made for advice) gives praise."""
from __future__ import annotations

import re

from flows.classifier.timestamps import parse_timestamp
from flows.cycle.model import ContributionRef, Cycle
from flows.labels import Label
from flows.model import Phase, RealityStep

# Praise said to the inbrenger ("Je stem is heel rustig, echt fijn") names their move; a bare
# "mee eens" or "mooi!" names none.
_TO_THE_INBRENGER = re.compile(r"\b(?:je|jij|jou|jouw|you|your)\b", re.IGNORECASE)


def in_strong_step(cycle: Cycle) -> bool:
    """Reality's second step, where each member names a moment that works well."""
    return cycle.phase is Phase.REALITY and cycle.step == RealityStep.STRONG


def names_what_works(label: Label, words: str, stamped: bool) -> bool:
    """In the strong-moment step: anything but a tip with a time stamp ("op 1:10 had je
    beter ..." is advice), and without one an observation, an opinion ("je legt het heel
    helder uit") or praise said to the inbrenger."""
    if label is Label.TIP:
        return False
    if stamped:
        return True
    if label is Label.AFFIRMATION:
        return bool(_TO_THE_INBRENGER.search(words))
    return label in (Label.OBSERVATION, Label.OPINION)


def is_strong_moment(cycle: Cycle, c: ContributionRef) -> bool:
    """A peer's stored contribution that named a strong moment in the strong-moment step
    (its words may be erased since: then its label says it)."""
    if c.phase != Phase.REALITY.value or c.step != RealityStep.STRONG.value \
            or c.user_id == cycle.inbrenger_id:
        return False
    if c.label not in Label._value2member_map_:
        return False
    return names_what_works(Label(c.label), c.text, parse_timestamp(c.text) is not None)


def moment_of(c: ContributionRef) -> float | None:
    """The moment in the clip a strong moment names, if it names one."""
    return parse_timestamp(c.text) if c.text else None
