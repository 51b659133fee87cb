"""The clip's sound on the inbrenger's request (SPEC 4b): the bot analyses it and posts the
speech-and-silence timeline, with the moments the members named in reality marked on it."""
from __future__ import annotations

from flows.classifier.timestamps import parse_timestamp
from flows.cycle.events import AskSound, Event
from flows.cycle.model import CycleContext, Decision
from flows.effects import SendSoundTimeline, text
from flows.model import Phase


def named_moments(ctx: CycleContext) -> tuple[float, ...]:
    """The time stamps named in reality, in the clip, once each, in order."""
    clip = ctx.cycle.clip
    length = clip.duration if clip else None
    found = {float(int(moment)) for c in ctx.contributions
             if c.phase == Phase.REALITY.value and c.text
             and (moment := parse_timestamp(c.text)) is not None
             and (length is None or moment <= length)}
    return tuple(sorted(found))


def show_sound(ctx: CycleContext, event: Event) -> Decision:
    assert isinstance(event, AskSound)
    timeline = SendSoundTimeline(ctx.cycle.id, named_moments(ctx), reply_to=event.message_id)
    return Decision(ctx.cycle, (timeline,), ack=text("cycle.ack.audio"))
