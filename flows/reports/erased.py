"""How the summaries speak of words their writer erased (/forget): never "—" inside a
sentence, and never "none" where there was something (review ux20)."""
from __future__ import annotations

from flows.cycle.model import Cycle
from flows.effects import Text, text
from flows.model import FORGOTTEN_NAME


def named(name: str) -> str | Text:
    """A name inside a sentence: one who erased their data is "a group member", never "—"
    (which reads as "none"; "Hielp — het meest" reads as nothing at all)."""
    return text("summary.strong_moment_by_peer") if name == FORGOTTEN_NAME else name


def commitment_line(cycle: Cycle) -> Text:
    """The confirmed commitment; where there is none, whether none was confirmed or the
    inbrenger erased it since (/forget): "none confirmed" would be untrue then."""
    if cycle.commitment:
        return text("summary.commitment", commitment=cycle.commitment)
    if cycle.erased_by_inbrenger:
        return text("summary.commitment_erased")
    return text("summary.no_commitment")
