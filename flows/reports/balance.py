"""The balance of a cycle's talk, one definition for every report (the coach's trend, the
portfolios): the peers' contributions by stance. The inbrenger answers rather than activates
or compensates, so their own words are not in it, and tips given after the inbrenger opened
the floor are counted apart as welcome, never as compensating."""
from __future__ import annotations

from collections import Counter

from flows.cycle.model import LOOKBACK, ContributionRef, Cycle
from flows.cycle.strong import is_strong_moment
from flows.labels import COMPENSATING, Label, stance

WELCOME = "welcome"


def talk(contributions: tuple[ContributionRef, ...]) -> tuple[ContributionRef, ...]:
    """The contributions of the conversation itself (not the look-back lines)."""
    return tuple(c for c in contributions if c.phase != LOOKBACK)


def peers_talk(cycle: Cycle, contributions: tuple[ContributionRef, ...]
               ) -> tuple[ContributionRef, ...]:
    """The peers' contributions to the conversation itself."""
    return tuple(c for c in talk(contributions) if c.user_id != cycle.inbrenger_id)


def known(label: str) -> Label | None:
    """The kind of contribution a stored label names; None for a voice note nobody read (its
    label is "voice") or a look-back line ("move")."""
    return Label(label) if label in Label._value2member_map_ else None


def kind_of(cycle: Cycle, contribution: ContributionRef) -> str | None:
    """activating, neutral, compensating or welcome; None for a voice note nobody read. A
    strong moment is what works well, activating whatever its label ("je legt het heel
    helder uit" reads as an opinion), never advice."""
    label = known(contribution.label)
    if label is None:
        return None
    if is_strong_moment(cycle, contribution):
        return "activating"
    if contribution.message_id in cycle.welcome_tips and label in COMPENSATING:
        return WELCOME
    return stance(label)


def balance(cycle: Cycle, contributions: tuple[ContributionRef, ...]) -> Counter[str]:
    return Counter(kind for c in peers_talk(cycle, contributions)
                   if (kind := kind_of(cycle, c)) is not None)
