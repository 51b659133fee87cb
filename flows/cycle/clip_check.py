"""Whether a clip can be discussed, said to the inbrenger: its size and length against the
limits, from Telegram's metadata or from what ffprobe read of the downloaded file (the media
adapter finds a problem; which words the inbrenger hears is decided here)."""
from __future__ import annotations

from dataclasses import dataclass

from flows.effects import Text, text

MB = 1024 * 1024

# What the media adapter can find wrong in a file (bot/media/ffmpeg.ClipProblem.reason).
_PROBLEMS = {"unreadable": "clip.unreadable", "no_video": "clip.no_video",
             "too_large": "clip.too_large", "too_long": "clip.too_long",
             "too_short": "clip.too_short"}


@dataclass(frozen=True)
class ClipLimits:
    """`max_mb` is what the Bot API server lets the bot download (INTERVISION_MAX_CLIP_MB);
    ten minutes is more than an intervision talk can watch together, two seconds too little
    to show a moment of teaching."""

    max_mb: int = 20
    max_minutes: int = 10
    min_seconds: int = 2

    @property
    def max_bytes(self) -> int:
        return self.max_mb * MB

    @property
    def max_seconds(self) -> int:
        return self.max_minutes * 60


def metadata_problem(limits: ClipLimits, size: int, duration: int) -> Text | None:
    """What Telegram's metadata already shows; a duration of 0 is one Telegram did not read."""
    if size > limits.max_bytes:
        return found_problem(limits, "too_large")
    if duration > limits.max_seconds:
        return found_problem(limits, "too_long")
    if 0 < duration < limits.min_seconds:
        return found_problem(limits, "too_short")
    return None


def found_problem(limits: ClipLimits, reason: str) -> Text:
    """A problem found in the file, in words; an unknown reason reads as unreadable."""
    return text(_PROBLEMS.get(reason, "clip.unreadable"), max_mb=limits.max_mb,
                max_minutes=limits.max_minutes, min_seconds=limits.min_seconds)
