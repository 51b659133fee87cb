"""Watching the clip: the conversation opens when every member who can take part today has
watched it, or when the timebox ends and someone has. When it ends before anyone watched, the
group hears so once and the talk opens at the first press (SPEC 1: the conversation starts
only after the clip has been watched; the inbrenger or an admin can still move on with /next).
One definition serves the gate, the acknowledgement that names who the group still waits for,
and the coach summary's "watched before the talk".

Who is waited for: members who agreed to the agreements (others cannot take part yet), other
than the inbrenger, who did not pass this turn on (a swap) and did not say they are not there
today (the second button under the watch message).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from flows.cycle.events import Event, actor_of
from flows.cycle.model import ContributionRef, Cycle, CycleContext, Decision
from flows.effects import Say, Text, text
from flows.model import TALK_PHASES, Member, Phase


def awaited(members: Sequence[Member], cycle: Cycle) -> tuple[Member, ...]:
    """The members whose watching the group waits for: not who joined once the watching
    began (`Cycle.watch_gate`); they can still press "I watched it"."""
    passed = cycle.skipped_by | {cycle.inbrenger_id}
    gate = cycle.watch_gate
    return tuple(m for m in present(members, cycle)
                 if m.user_id not in passed and (not gate or m.user_id in gate))


def present(members: Sequence[Member], cycle: Cycle) -> tuple[Member, ...]:
    """The members who can take part today: agreed, and not away by their own word. What
    waits for everyone (the strong moments, the look back) waits for these."""
    return tuple(m for m in members if m.agreed and m.user_id not in cycle.absent)


def still_to_watch(members: Sequence[Member], cycle: Cycle) -> tuple[Member, ...]:
    """Who the group still waits for (also what /status shows while watching)."""
    return tuple(m for m in awaited(members, cycle) if m.user_id not in cycle.watched_by)


def everyone_watched(ctx: CycleContext, cycle: Cycle) -> bool:
    return not still_to_watch(ctx.members, cycle)


@dataclass(frozen=True)
class LateToWatch:
    """Who took part in the talk (the members the watching waited for who were here, and
    everyone who said something in it) but had not watched when it began: who pressed
    "I watched it" only after that, and who never did."""

    later: tuple[int, ...]
    never: tuple[int, ...]

    @property
    def everyone_in_time(self) -> bool:
        return not self.later and not self.never


def late_to_watch(cycle: Cycle, members: Sequence[Member],
                  contributions: Sequence[ContributionRef]) -> LateToWatch | None:
    """For "watched before the talk" in the coach summary and the portfolio (a review read
    "everyone had watched" while two members who joined the talk pressed only once it ran);
    None for a cycle that did not keep who had watched when the talk began."""
    if cycle.watched_at_talk is None:
        return None
    talk = {phase.value for phase in TALK_PHASES}
    took_part = [m.user_id for m in awaited(members, cycle)]
    took_part += [c.user_id for c in contributions if c.phase in talk]
    late = [uid for uid in dict.fromkeys(took_part)
            if uid != cycle.inbrenger_id and uid not in cycle.watched_at_talk]
    return LateToWatch(tuple(uid for uid in late if uid in cycle.watched_by),
                       tuple(uid for uid in late if uid not in cycle.watched_by))


def here_after_all(cycle: Cycle, actor: int) -> Cycle:
    """Someone who said they are not here today and then speaks in the talk is here after all:
    the bot counts on them again (strong moments, the look back, the summaries)."""
    return replace(cycle, absent=cycle.absent - {actor}) if actor in cycle.absent else cycle


def counted(cycle: Cycle, event: Event) -> Cycle:
    """The cycle with this press counted: watched, or not here today. Someone who said they
    are away and then watches is here after all."""
    actor = actor_of(event)
    if event.name == "absent":
        return replace(cycle, absent=cycle.absent | {actor})
    return replace(cycle, watched_by=cycle.watched_by | {actor}, absent=cycle.absent - {actor})


def someone_watched(ctx: CycleContext, event: Event) -> Text | None:
    """Guard: a peer has watched (the inbrenger's own press says nothing about the group)."""
    if ctx.cycle.watched_by - {ctx.cycle.inbrenger_id}:
        return None
    return text("cycle.refused.nobody_watched")


def first_to_watch(ctx: CycleContext, event: Event) -> Text | None:
    """Guard: the watch timebox ended before anyone watched, so this first press opens."""
    return None if ctx.cycle.watch_time_over else text("cycle.refused.not_everyone_watched")


def nobody_watched(ctx: CycleContext, event: Event) -> Decision:
    """The watch timebox ended and no peer has watched: the talk waits for the first press,
    said once (a timer that fires again after a restart or a longer timebox says nothing)."""
    if ctx.cycle.watch_time_over:
        return Decision(ctx.cycle)
    return Decision(replace(ctx.cycle, watch_time_over=True), (Say((text(
        "cycle.nobody_watched", name=ctx.name_of(ctx.cycle.inbrenger_id)),)),))


def all_watched_after(ctx: CycleContext, event: Event) -> Text | None:
    """Guard: everyone the group waits for has watched once this press is counted."""
    if everyone_watched(ctx, counted(ctx.cycle, event)):
        return None
    return text("cycle.refused.not_everyone_watched")


def watched(ctx: CycleContext, event: Event) -> Decision:
    """A press of "I watched" (or "I'm not here today"), answered with who is still awaited."""
    cycle = counted(ctx.cycle, event)
    key = "cycle.ack.absent" if event.name == "absent" else "cycle.ack.watched"
    if ctx.cycle.phase is not Phase.WATCHING and event.name == "watched":
        key = "cycle.ack.watched_talk_open"  # an old button: the talk did not wait for it
    elif event.name == "watched" and actor_of(event) == ctx.cycle.inbrenger_id:
        key = "cycle.ack.watched_own"  # thanked as a peer, they would wonder who waits
    elif event.name == "watched" and actor_of(event) in ctx.cycle.watched_by:
        key = "cycle.ack.watched_again"
    elif event.name == "watched" and ctx.cycle.watch_time_over:
        return Decision(cycle, ack=text("cycle.ack.watched_opens"))  # the first: the talk opens
    waiting = still_to_watch(ctx.members, cycle)
    if not waiting or ctx.cycle.phase is not Phase.WATCHING:
        return Decision(cycle, ack=text(key))
    return Decision(cycle, ack=text(f"{key}_waiting", names=", ".join(m.name for m in waiting)))
