"""The coach summary of a closed cycle, sent privately to each linked coach."""
from __future__ import annotations

import logging

from telegram.ext import Application

from bot import send
from bot.services import services_of
from bot.texts import render_all
from flows.coach_summary import coach_summary
from flows.cycle_model import CycleContext
from flows.model import Group
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
    html = render_all(group.settings.language, coach_summary(ctx, group.title, len(nudges)))
    delivered = 0
    for coach_id in linked:
        if await send.to_member(app.bot, coach_id, html) is not None:
            delivered += 1
    return delivered
