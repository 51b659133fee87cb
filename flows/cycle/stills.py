"""Stills and re-watches asked for by a member (/pause 1:23, /replay 1:10-1:40, the still
button): the flow knows the clip's duration, so a moment past the end is said to be so and the
last frame is shown with its real time instead of a failed or misleading picture."""
from __future__ import annotations

from flows.classifier.timestamps import clock
from flows.cycle.model import Cycle
from flows.effects import Effect, Say, SendReplay, SendStill, text
from flows.nudging.policy import last_frame


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
