"""The coach summary of a closed cycle, sent privately to each linked coach, with a chart of
the participation (a balance per member, never a ranking)."""
from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from telegram.ext import Application

from bot import charts, send
from bot.services import services_of
from bot.texts import render_all, say
from flows.coach_summary import coach_summary
from flows.cycle_model import CycleContext
from flows.model import Group
from flows.summary import participation
from storage import coaches, contributions, cycles, members

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
    language = group.settings.language
    html = render_all(language, coach_summary(ctx, group.title, len(nudges)))
    chart = await _chart(app, ctx, language)
    delivered = 0
    for coach_id in linked:
        if await send.to_member(app.bot, coach_id, html) is None:
            continue
        delivered += 1
        if chart is not None:
            with chart.open("rb") as picture:
                await app.bot.send_photo(coach_id, picture,
                                         caption=say(language, "coach.chart_caption"))
    return delivered


async def _chart(app: Application, ctx: CycleContext, language: str) -> Path | None:
    rows = [(row.name, row.activating, row.neutral, row.compensating)
            for row in participation(ctx.members, ctx.contributions, ctx.cycle.inbrenger_id)]
    if not rows:
        return None
    folder = services_of(app).config.data_dir / "charts"
    folder.mkdir(parents=True, exist_ok=True)
    labels = {"activating": say(language, "coach.legend_activating"),
              "neutral": say(language, "coach.legend_neutral"),
              "compensating": say(language, "coach.legend_compensating"),
              "axis": say(language, "coach.legend_axis")}
    try:
        return await asyncio.to_thread(
            charts.participation_chart, rows, folder / f"cycle-{ctx.cycle.id}.png",
            title=say(language, "coach.chart_title", number=ctx.cycle.number), labels=labels)
    except (ValueError, OSError):
        log.exception("cycle %s: participation chart failed", ctx.cycle.id)
        return None
