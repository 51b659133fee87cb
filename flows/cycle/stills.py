"""Stills and re-watches asked for by a member (/pause 1:23, /replay 1:10-1:40, the still
button): the flow knows the clip's duration, so a moment past the end is said to be so and the
last frame is shown with its real time instead of a failed or misleading picture."""
from __future__ import annotations

import re

from flows.classifier.timestamps import clock, parse_timestamp
from flows.cycle.model import Cycle
from flows.effects import Effect, Say, SendReplay, SendStill, Text, text
from flows.nudging.policy import last_frame

_RANGE = re.compile(r"^\s*(\S+)\s*(?:-|–|tot|to)\s*(\S+)\s*$")
LONGEST_REPLAY = 60  # seconds: a fragment to look at again, not the whole clip once more


# A moment written as minutes and seconds ("9:99", "1:75"); the seconds may be impossible.
_CLOCK_LIKE = re.compile(r"(?<![\d:])(\d{1,3}):(\d{2})(?![\d:])")


def not_a_time(words: str) -> Text | None:
    """What is wrong with a moment whose seconds run past 59 ("9:99 is geen tijd"), which
    would otherwise hear the same as no time at all (review ux13)."""
    wrong = next((m for m in _CLOCK_LIKE.finditer(words) if int(m.group(2)) >= 60), None)
    return None if wrong is None else text("clip.not_a_time", time=wrong.group(0))


def still_moment(words: str) -> float | Text:
    """The moment /pause's words ask for, in seconds, or what to answer instead: an
    impossible time named, or how to give one."""
    seconds = parse_timestamp(words)
    if seconds is not None:
        return seconds
    return not_a_time(words) or text("clip.pause_usage")


def replay_range(words: str) -> tuple[float, float] | Text:
    """The fragment /replay's words ask for ("1:10-1:40", "1:10 tot 1:40"), in seconds, or
    what to answer instead: an impossible time, the two moments swapped, no range, or a range
    too long."""
    match = _RANGE.match(words)
    start = parse_timestamp(match.group(1)) if match else None
    end = parse_timestamp(match.group(2)) if match else None
    if start is None or end is None:
        impossible = not_a_time(words)
        if impossible is not None:
            return impossible
    if match and start is not None and end is not None and end < start:
        return text("clip.replay_reversed", start=match.group(1), end=match.group(2))
    if start is None or end is None or end <= start:
        return text("clip.replay_usage")
    if end - start > LONGEST_REPLAY:
        return text("clip.replay_too_long", seconds=LONGEST_REPLAY)
    return start, end


def still_request(cycle: Cycle, seconds: float, reply_to: int | None = None
                  ) -> tuple[Effect, ...]:
    clip = cycle.clip
    if clip is None:
        return (Say((text("clip.no_clip"),), reply_to=reply_to),)
    if clip.duration and seconds > clip.duration:
        last = last_frame(clip.duration)
        return (Say((text("clip.past_end", time=clock(int(seconds)),
                          length=clock(clip.duration), last=clock(last)),), reply_to=reply_to),
                SendStill(cycle.id, float(last), reply_to))
    return (SendStill(cycle.id, max(0.0, seconds), reply_to),)


def replay_request(cycle: Cycle, start: float, end: float, reply_to: int | None = None
                   ) -> tuple[Effect, ...]:
    """A fragment that runs past the end is shortened to the end; one that starts after it is
    refused kindly with the clip's length."""
    clip = cycle.clip
    if clip is None:
        return (Say((text("clip.no_clip"),), reply_to=reply_to),)
    if clip.duration and start >= clip.duration:
        return (Say((text("clip.replay_past_end", time=clock(int(start)),
                          length=clock(clip.duration)),), reply_to=reply_to),)
    if clip.duration and end > clip.duration:
        return (Say((text("clip.replay_shortened", length=clock(clip.duration)),),
                    reply_to=reply_to),
                SendReplay(cycle.id, start, float(clip.duration), reply_to))
    return (SendReplay(cycle.id, start, end, reply_to),)
