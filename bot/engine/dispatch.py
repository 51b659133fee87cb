"""Where a fired timer goes: a cycle's own timers to its state machine, a member's waiting
still or fragment to the media queue, a group's meeting timers to the meeting planner."""
from __future__ import annotations

import logging

from telegram.ext import Application

from bot.engine import media_queue, meetings, removal
from bot.engine.events import run_event
from bot.engine.services import services_of
from bot.engine.work import Once
from flows.cycle.events import TimerFired
from storage import groups
from storage.timers import StoredTimer

log = logging.getLogger(__name__)


async def timer_fired(app: Application, timer: StoredTimer, *, late: bool) -> None:
    db = services_of(app).db
    async with db.reading() as tx:
        group = await groups.get(tx, timer.group_id)
    if group is None:
        return
    once = Once(timer=(timer.id, timer.due_at))
    cycle_id = timer.payload.get("cycle_id")
    if cycle_id is not None:
        await run_event(app, group, TimerFired(timer.event), cycle_id=int(cycle_id), once=once,
                        late=late)
        return
    if timer.event == media_queue.EVENT:
        await media_queue.fired(app, group, timer, once=once)
        return
    if timer.event == removal.EVENT:
        await removal.grace_over(app, group, timer, once=once)
        return
    await meetings.timer_fired(app, group, timer, once=once, late=late)
