"""The coach summary of a closed cycle, sent privately to each linked coach, with a chart of
the participation (a balance per member, never a ranking)."""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from telegram.ext import Application

from bot.engine import send
from bot.engine.services import services_of
from bot.media import charts
from bot.texts.render import render_all, say
from flows.cycle.model import CycleContext
from flows.model import Group, Phase
from flows.reports.coach_summary import PastCycle, coach_summary, trend
from flows.reports.group_summary import participation
from storage import coaches, contributions, cycles, members
from storage.db import Tx

log = logging.getLogger(__name__)


async def send_summary(app: Application, group: Group, cycle_id: int) -> int:
    """Sends the summary to every coach of the group; returns how many received it."""
    svc = services_of(app)
    async with svc.db.reading() as tx:
        linked = await coaches.of_group(tx, group.id)
        cycle = await cycles.get(tx, cycle_id)
        if not linked or cycle is None:
            return 0
        ctx = CycleContext(cycle, group.settings, await members.active(tx, group.id), svc.now(),
                           await contributions.of_cycle(tx, cycle.id))
        nudges = await contributions.nudges_of(tx, cycle.id)
        history = await _history(tx, group)
    language = group.settings.language
    html = render_all(language, coach_summary(ctx, group.title, len(nudges), history))
    pictures = [(await _chart(app, ctx, language), "coach.chart_caption"),
                (await _trend_chart(app, group, history, language), "coach.trend_title")]
    delivered = 0
    for coach_id in linked:
        if await send.to_member(app.bot, coach_id, html) is None:
            continue
        delivered += 1
        for picture_path, caption in pictures:
            if picture_path is not None:
                with picture_path.open("rb") as picture:
                    await app.bot.send_photo(coach_id, picture, caption=say(language, caption))
    return delivered


async def _history(tx: Tx, group: Group) -> tuple[PastCycle, ...]:
    """The group's closed cycles, oldest first, with the labels of their contributions."""
    found = []
    for past in await cycles.of_group(tx, group.id):
        if past.phase is Phase.CLOSED:
            labels = tuple(c.label for c in await contributions.of_cycle(tx, past.id))
            found.append(PastCycle(past.inbrenger_id, past.number, past.learning_question,
                                   past.commitment, labels))
    return tuple(found)


async def _trend_chart(app: Application, group: Group, history: tuple[PastCycle, ...],
                       language: str) -> Path | None:
    points = trend(history)
    if len(points) < 2:  # a trend needs two cycles
        return None
    labels = {"cycle": say(language, "coach.trend_axis_cycle"),
              "ratio": say(language, "coach.trend_axis_share")}
    return await _render(app, charts.trend_chart, points, f"trend-{group.id}-{len(history)}.png",
                         say(language, "coach.trend_title"), labels)


async def _chart(app: Application, ctx: CycleContext, language: str) -> Path | None:
    rows = [(row.name, row.activating, row.neutral, row.compensating)
            for row in participation(ctx.members, ctx.contributions, ctx.cycle.inbrenger_id)]
    if not rows:
        return None
    labels = {"activating": say(language, "coach.legend_activating"),
              "neutral": say(language, "coach.legend_neutral"),
              "compensating": say(language, "coach.legend_compensating"),
              "axis": say(language, "coach.legend_axis")}
    return await _render(app, charts.participation_chart, rows, f"cycle-{ctx.cycle.id}.png",
                         say(language, "coach.chart_title", number=ctx.cycle.number), labels)


async def _render(app: Application, draw: Callable[..., Path], data: Any, filename: str,
                  title: str, labels: dict[str, str]) -> Path | None:
    """Draws a chart into the data folder's charts/ (deleted by the retention job) off the
    event loop; a chart that fails is logged and left out rather than stopping the summary."""
    folder = services_of(app).config.data_dir / "charts"
    folder.mkdir(parents=True, exist_ok=True)
    try:
        return await asyncio.to_thread(draw, data, folder / filename, title=title, labels=labels)
    except (ValueError, OSError):
        log.exception("chart %s failed", filename)
        return None
