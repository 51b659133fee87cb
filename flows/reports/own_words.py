"""The inbrenger's own words in a phase of the summaries. The classifier is made for the
peers' words, so its label alone would leave out what the inbrenger says of their own goal
("als minstens de helft van de kring iets heeft gezegd" reads as `other`); a voice note
nobody could read is shown by its length, as the look back shows one."""
from __future__ import annotations

import re

from flows.classifier.timestamps import clock
from flows.cycle.lookback import is_courtesy
from flows.cycle.model import ContributionRef, Cycle
from flows.effects import Text, text
from flows.labels import Label
from flows.model import Phase

_QUIET_LABELS = {Label.AFFIRMATION.value, Label.OTHER.value, ""}
# The inbrenger speaking of themselves ("ik werd ongeduldig", "I got impatient"): their own
# insight, whatever label the classifier (made for the peers' words) gives it.
_OWN_INSIGHT = re.compile(r"^(?:ik|i|i'm|i've|mijn|my)\b", re.IGNORECASE)
# Fewer words than this is a reaction ("ja klopt, goede vraag"), not the inbrenger's goal.
SUBSTANTIAL_WORDS = 5


def says_something(c: ContributionRef) -> bool:
    """The inbrenger's words worth a line: not "ja klopt" or "goede vraag!", not thanks."""
    words = c.text.split()
    if len(words) <= 2:
        return False
    return bool(_OWN_INSIGHT.match(c.text)) or c.label not in _QUIET_LABELS


def _substantial(c: ContributionRef) -> bool:
    return len(c.text.split()) >= SUBSTANTIAL_WORDS and not is_courtesy(c.text)


def own_words(cycle: Cycle, said: list[ContributionRef], phase: Phase,
              count: int) -> list[ContributionRef]:
    """Up to `count` of the inbrenger's words in `said` (one phase's, with words), in the
    talk's order. In the goal their most substantial message is always among them: the goal
    is theirs, and a review saw a summary of a cycle without a word of its inbrenger."""
    mine = [c for c in said if c.user_id == cycle.inbrenger_id]
    own = [c for c in mine if says_something(c)][:count]
    if phase is Phase.GOAL and count:
        longest = max((c for c in mine if _substantial(c)), key=lambda c: len(c.text.split()),
                      default=None)
        if longest is not None and longest not in own:
            own = sorted(own[:count - 1] + [longest], key=mine.index)
    return own


def unread_own_voice(cycle: Cycle, said: tuple[ContributionRef, ...],
                     phase: Phase) -> tuple[ContributionRef, ...]:
    """The inbrenger's voice notes in `phase` that nobody could read, or whose words may not
    be quoted (they have a label but no words)."""
    return tuple(c for c in said if c.user_id == cycle.inbrenger_id and c.is_voice
                 and not c.text and c.phase == phase.value)


def own_line(words: str) -> Text:
    return text("summary.own_line", words=words)


def voice_line(notes: tuple[ContributionRef, ...]) -> Text:
    """One line for the inbrenger's unread voice notes: "🎙 spraakbericht (0:06)", or how
    many and how long together."""
    length = clock(sum(c.duration for c in notes))
    words = text("voice.quote", length=length) if len(notes) == 1 else text(
        "summary.count.voice_notes", count=len(notes), length=length)
    return text("summary.own_line", words=words)
