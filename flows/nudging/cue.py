"""The words a nudge quotes: the cue it reacted to, so the writer sees why it came (SPEC
section 4), in their own capitals and short enough to read at a glance."""
from __future__ import annotations

from flows.labels import Classification

# A cue longer than this is shortened in the nudge; the writer recognises their words anyway.
CUE_MAX_CHARS = 60


def quoted_cue(classification: Classification, message_text: str) -> str:
    """The words the nudge reacted to, as the writer wrote them (the classifier reads them in
    lower case); the message's start when the classifier named none."""
    cue = _as_written(" ".join((classification.cue or message_text).split()), message_text)
    cue = cue.rstrip(".,;:")  # the nudge's own sentence goes on after the quote: „...”.
    if len(cue) <= CUE_MAX_CHARS:
        return cue
    return cue[: CUE_MAX_CHARS - 1].rstrip() + "…"


def _as_written(cue: str, message_text: str) -> str:
    """The cue in the message's own capitals where the message holds it word for word."""
    written = " ".join(message_text.split())
    lowered = written.lower()
    at = lowered.find(cue.lower())
    if at < 0 or len(lowered) != len(written):  # not found, or lower() changed a length
        return cue
    return written[at:at + len(cue)]
