"""A clip nobody has watched when its meeting ends (the watch time ran out, and nobody
pressed "👀 Ik heb gekeken"): the talk waits for the next meeting instead of opening at the
first press, days later and at night, for nobody (a review saw "🎯 Doel" at 02:24, eight days
on, after the next meeting had passed in silence). The meeting's end says so; the next meeting
asks the group to watch again; a press in between is thanked and waits. A cycle started by
hand has no meeting: there the first press opens the talk, whenever it comes."""
from __future__ import annotations

from dataclasses import replace

from flows.cycle.events import Event, MeetingBegan
from flows.cycle.guards import meeting_on, meeting_span, next_meeting
from flows.cycle.model import CycleContext, Decision
from flows.cycle.phases import inbrenger_name, meeting_in, set_timer, timer_at
from flows.cycle.watching import nobody_watched, watched
from flows.effects import Effect, Say, text


def end_of_meeting(ctx: CycleContext) -> tuple[Effect, ...]:
    """The timer of the meeting's end, set when the talk starts to wait for a first watcher."""
    due = ctx.cycle.meeting_at
    if due is None or due + meeting_span(ctx) <= ctx.now:
        return ()
    return (timer_at(ctx.cycle, "meeting_over", due + meeting_span(ctx)),)


def time_over(ctx: CycleContext, event: Event) -> Decision:
    """The watch time ran out with nobody watched (watching.nobody_watched), and the meeting's
    end is marked, where the talk would otherwise wait past it."""
    decision = nobody_watched(ctx, event)
    if decision.cycle.watch_time_over and not ctx.cycle.watch_time_over:
        return replace(decision, effects=(*decision.effects, *end_of_meeting(ctx)))
    return decision


def over_unwatched(ctx: CycleContext, event: Event) -> Decision:
    """The meeting ended and nobody said they watched: when the talk can still be."""
    cycle = ctx.cycle
    if not cycle.watch_time_over or meeting_on(ctx, event) is None:
        return Decision(cycle)
    later = next_meeting(ctx)
    assert later is not None  # meeting_on: a later meeting exists
    said = text("cycle.watch_meeting_over", name=inbrenger_name(ctx),
                when=meeting_in(ctx.settings, later))
    return Decision(cycle, (Say((said,)),))


def watch_again(ctx: CycleContext, event: Event) -> Decision:
    """A later meeting begins while the clip still waits to be watched: it is this meeting's
    now, and the group is asked to watch; the watch time runs again."""
    assert isinstance(event, MeetingBegan)
    cycle = replace(ctx.cycle, meeting_at=event.meeting_at, watch_time_over=False)
    minutes = ctx.settings.watch_minutes
    return Decision(cycle, (set_timer(ctx, cycle, "watch_end", minutes),
                            Say((text("cycle.watch_again", name=inbrenger_name(ctx)),))))


def watched_between(ctx: CycleContext, event: Event) -> Decision:
    """A press that does not open the talk; between meetings it hears when the talk is."""
    decision = watched(ctx, event)
    later = next_meeting(ctx)
    if event.name == "watched" and ctx.cycle.watch_time_over and later is not None \
            and meeting_on(ctx, event) is not None:
        return replace(decision, ack=text("cycle.ack.watched_until_meeting",
                                          when=meeting_in(ctx.settings, later)))
    return decision
