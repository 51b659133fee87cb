"""The clip's sound on the inbrenger's request (SPEC 4b): the bot analyses it and posts the
speech-and-silence timeline, with the moments the members named in reality marked on it."""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from flows.classifier.timestamps import parse_timestamp
from flows.cycle.events import AskSound, Event
from flows.cycle.model import CycleContext, Decision
from flows.effects import SendSoundTimeline, text
from flows.model import Phase

# The same timeline asked for again within this long is pointed to, not posted again.
SHOWN_RECENTLY = timedelta(minutes=10)


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
    """The timeline, posted in the group; asked again a few minutes later with no new moment
    to mark (the admin and the inbrenger both asked, the second UX review saw), the group is
    pointed to the one above rather than shown it twice. Only the analysis knows whether
    there was one to show (a clip without sound or speech gets its kind answer instead, again:
    a review heard "the timeline is above" where none was ever posted), so the pointer is
    `shown_above`, given in place of the picture only where the picture could be made."""
    assert isinstance(event, AskSound)
    cycle, moments = ctx.cycle, named_moments(ctx)
    again = cycle.sound_shown_at is not None and ctx.now - cycle.sound_shown_at < SHOWN_RECENTLY \
        and moments == cycle.sound_shown_moments
    shown = cycle if again else replace(cycle, sound_shown_at=ctx.now,
                                        sound_shown_moments=moments)
    timeline = SendSoundTimeline(cycle.id, moments, reply_to=event.message_id, shown_above=again)
    return Decision(shown, (timeline,), ack=None if again else text("cycle.ack.audio"))
