"""The coach's summary: the group summary plus the balance of contributions per member,
whether the clip was watched before the talk, and the nudges given."""
from __future__ import annotations

from flows.cycle_model import CycleContext
from flows.effects import Text, text
from flows.summary import group_summary, participation


def coach_summary(ctx: CycleContext, group_title: str, nudges: int) -> tuple[Text, ...]:
    cycle = ctx.cycle
    parts: list[Text] = [text("coach.header", group=group_title)]
    parts.extend(group_summary(ctx))
    counts = "\n".join(
        f"• {row.name}: {row.activating} / {row.neutral} / {row.compensating}"
        for row in participation(ctx.members, ctx.contributions, cycle.inbrenger_id))
    parts.append(text("coach.counts", lines=counts or "—"))
    parts.append(text("coach.watched_before" if cycle.watched_before_talk
                      else "coach.not_watched_before"))
    parts.append(text("coach.nudges", count=nudges))
    return tuple(parts)
