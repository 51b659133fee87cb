"""A still or fragment asked for while the member's allowance is spent (bot/engine/flood.py)
waits its turn instead of being refused: one per member waits, as a stored timer, and comes
when the next one may. A review saw a member in a lively group ask for two fragments within
ten seconds; the second was refused, and he had to remember to ask again (review ux13).

The timer is the group's (its payload names no cycle, so it does not go to the cycle's state
machine: bot/engine/dispatch.py); it fires into the open cycle it was asked in, or nothing
when that cycle has closed or stopped since."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from bot.engine import effects, flood
from bot.engine.services import services_of
from bot.engine.work import Once, work
from flows.cycle.model import Cycle
from flows.cycle.stills import replay_request, still_request
from flows.effects import Effect, SetTimer
from flows.model import Group
from storage import cycles
from storage import timers as timer_store
from storage.db import Tx
from storage.timers import StoredTimer

EVENT = "media_asked"


def _name(user_id: int) -> str:
    return f"media:{user_id}"


async def one_waits(tx: Tx, group_id: int, user_id: int) -> bool:
    """Whether this member's earlier request still waits (a third is refused, not queued)."""
    return await timer_store.waiting(tx, group_id, _name(user_id))


def still_later(cycle: Cycle, user_id: int, seconds: float, reply_to: int | None,
                now: datetime) -> SetTimer:
    return _later(cycle, user_id, now, {"what": "still", "seconds": seconds,
                                        "reply_to": reply_to})


def replay_later(cycle: Cycle, user_id: int, start: float, end: float, reply_to: int | None,
                 now: datetime) -> SetTimer:
    return _later(cycle, user_id, now, {"what": "replay", "start": start, "end": end,
                                        "reply_to": reply_to})


def _later(cycle: Cycle, user_id: int, now: datetime, request: dict[str, Any]) -> SetTimer:
    return SetTimer(_name(user_id), now + timedelta(seconds=flood.MEDIA_WAIT), EVENT,
                    {"of_cycle": cycle.id, "user_id": user_id, **request})


def _request(cycle: Cycle, asked: dict[str, Any]) -> tuple[Effect, ...]:
    reply_to = asked.get("reply_to")
    if asked.get("what") == "replay":
        return replay_request(cycle, float(asked["start"]), float(asked["end"]), reply_to)
    return still_request(cycle, float(asked["seconds"]), reply_to)


async def fired(app: Any, group: Group, timer: StoredTimer, *, once: Once) -> None:
    """The waiting request, sent into the cycle it was asked in if that is still open. It
    uses the member's allowance as any request does (counted, not checked: the wait was
    its limit)."""
    asked = timer.payload
    await services_of(app).media_allowance.take((group.id, asked.get("user_id")))
    async with work(app, once) as unit:
        if unit is None:
            return
        cycle = await cycles.open_cycle(unit.tx, group.id)
        if cycle is None or cycle.id != asked.get("of_cycle") or cycle.clip is None \
                or not cycle.consent:
            return
        await effects.store(unit, group, cycle, _request(cycle, asked))
