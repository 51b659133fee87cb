"""The coach summary of a closed cycle, for each linked coach privately, with a chart of the
participation (a balance per member, never a ranking) and, from the second cycle on, the
group's trend. Decided inside the cycle's transaction; the charts are drawn when sent."""
from __future__ import annotations

from datetime import datetime
from html import unescape

from bot.engine.outgoing import Chart, Message, Outgoing
from bot.texts.render import render_all, say
from flows.cycle.model import Cycle, CycleContext
from flows.effects import Text
from flows.model import Group
from flows.reports.coach_summary import addition_header, coach_summary, trend_of
from flows.reports.group_summary import participation
from flows.reports.progress import PastCycle
from storage import coaches, contributions, cycles, members
from storage.db import Tx


async def summary(tx: Tx, group: Group, cycle_id: int, now: datetime) -> list[Outgoing]:
    """What every coach of the group receives; nothing when the group has none."""
    linked = await coaches.of_group(tx, group.id)
    cycle = await cycles.get(tx, cycle_id)
    if not linked or cycle is None:
        return []
    ctx = await _coach_context(tx, group, cycle, now)
    history = await cycles.history(tx, group.id)
    html = await coach_html(tx, group, cycle, now, ctx, history)
    items: list[Outgoing] = []
    for coach_id in linked:
        items.append(Message(coach_id, html, summary_of=cycle.id))
        items.extend(coach_charts(coach_id, ctx, group, history, group.settings.language))
    return items


async def _coach_context(tx: Tx, group: Group, cycle: Cycle, now: datetime) -> CycleContext:
    return CycleContext(cycle, group.settings, await members.active(tx, group.id), now,
                        await contributions.of_cycle(tx, cycle.id),
                        former=await members.former(tx, group.id))


async def coach_html(tx: Tx, group: Group, cycle: Cycle, now: datetime,
                     ctx: CycleContext | None = None,
                     history: tuple[PastCycle, ...] | None = None) -> str:
    """The coach summary's words, as stored now (also to edit one sent, after a /forget,
    with `history` as it was then)."""
    ctx = ctx or await _coach_context(tx, group, cycle, now)
    nudges = await contributions.nudges_of(tx, cycle.id)
    if history is None:
        history = await cycles.history(tx, group.id)
    return render_all(group.settings.language,
                      coach_summary(ctx, group.title, [kind for _, kind in nudges], history))


async def addition(tx: Tx, group: Group, cycle_id: int,
                   texts: tuple[Text, ...]) -> list[Outgoing]:
    """A short addition (a late look-back answer, a voice note read after the summary) for
    every coach: never the whole summary. It names whose cycle it adds to, since a coach of
    several groups and cycles may get it hours after the summary."""
    whose = await _coached_cycle(tx, group, cycle_id)
    if whose is None:
        return []
    linked, cycle, inbrenger = whose
    header = addition_header(cycle, inbrenger, group.title)
    html = render_all(group.settings.language, (header, *texts))
    return [Message(coach_id, html) for coach_id in linked]


async def _coached_cycle(tx: Tx, group: Group,
                         cycle_id: int) -> tuple[list[int], Cycle, str] | None:
    """The group's linked coaches, the cycle and its inbrenger's name; None without either."""
    linked = await coaches.of_group(tx, group.id)
    cycle = await cycles.get(tx, cycle_id)
    if not linked or cycle is None:
        return None
    names = {m.user_id: m.name for m in await members.named(tx, group.id)}
    return linked, cycle, names.get(cycle.inbrenger_id) or "?"


async def stopped(tx: Tx, group: Group, cycle_id: int) -> list[Outgoing]:
    """For every coach: a cycle whose talk had begun stopped, so no summary will come."""
    whose = await _coached_cycle(tx, group, cycle_id)
    if whose is None:
        return []
    linked, cycle, inbrenger = whose
    said = say(group.settings.language, "coach_summary.stopped", number=cycle.number,
               name=inbrenger, group=group.title or "—")
    return [Message(coach_id, said) for coach_id in linked]


def unlinked(group: Group, coach_id: int) -> Message:
    """What a coach an admin unlinked hears privately: no more summaries will come."""
    return Message(coach_id, say(group.settings.language, "coaches.unlinked_coach",
                                 group=group.title or "—"))


def coach_charts(coach_id: int, ctx: CycleContext, group: Group, history: tuple[PastCycle, ...],
                 language: str) -> list[Chart]:
    charts = []
    # Every contribution has its place in the bar: tips on request and voice notes nobody
    # could read too, so a member who only spoke does not look silent.
    rows = [(_plain(language, "report.chart_away", name=row.name) if row.away else row.name,
             row.activating, row.neutral, row.compensating, row.welcome, row.spoken)
            for row in participation(ctx)]
    if rows:
        charts.append(Chart(
            coach_id, "participation", rows,
            # Named for the inbrenger: their cycle's number is theirs, not the group's count
            # (which the trend chart uses), so "cycle 1" alone would name two different charts.
            _plain(language, "coach_summary.chart_title", number=ctx.cycle.number,
                   name=ctx.name_of(ctx.cycle.inbrenger_id)),
            {"activating": say(language, "coach.legend_activating"),
             "neutral": say(language, "coach.legend_neutral"),
             "compensating": say(language, "coach.legend_compensating"),
             "welcome": say(language, "coach_summary.legend_welcome"),
             "spoken": say(language, "coach_summary.legend_spoken"),
             "axis": say(language, "coach.legend_axis")},
            say(language, "coach.chart_caption", number=ctx.cycle.number,
                name=ctx.name_of(ctx.cycle.inbrenger_id), group=group.title or "—"),
            f"cycle-{ctx.cycle.id}.png"))
    # Each point says whose cycle it was ("Bram (3)"): the group's count alone told the coach
    # nothing of the summaries' "Bram's cycle 3".
    points = [(position, share, _plain(language, "coach.trend_tick",
                                       name=_short(ctx.name_of(past.inbrenger_id)),
                                       number=past.number))
              for position, share, past in trend_of(history)]
    if len(points) >= 2:  # a trend needs two cycles
        charts.append(Chart(
            coach_id, "trend", points, say(language, "coach.trend_title"),
            {"cycle": say(language, "coach.trend_axis_cycle"),
             "ratio": say(language, "coach.trend_axis_share")},
            # The caption names the group: a coach of several gets their trends in one chat.
            say(language, "coach.trend_caption", group=group.title or "—"),
            f"trend-{group.id}-{len(history)}.png"))
    return charts


def _short(name: str, limit: int = 10) -> str:
    """A name under a trend point: eight of them side by side, each keeping its number."""
    return name if len(name) <= limit else name[:limit - 1] + "…"


def _plain(language: str, key: str, **params: object) -> str:
    """A catalog text as the chart draws it: plain, not Telegram HTML."""
    return unescape(say(language, key, **params))
