"""One unit of work: everything one update (or one fired timer) changes, in ONE transaction.

The mark that the update or timer was handled, the state it changed, the timers it set and
every message it decided (the outbox) are committed together. After the commit the sender is
woken for the chats that got mail and the JobQueue is told about the timers; handling never
waits for Telegram to accept a message.

    async with work(app, Once(update_id=update.update_id)) as unit:
        if unit is None:
            return  # handled before
        ... storage calls with unit.tx ...
        await unit.send(Message(chat_id, html))
"""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.engine import jobs, live_buttons
from bot.engine.outgoing import Edit, Outgoing, encode, lane_of
from bot.engine.services import services_of
from flows.effects import CancelTimer, SetTimer, TranscribeVoice
from storage import inbox, outbox
from storage import timers as timer_store
from storage.db import Tx


@dataclass(frozen=True)
class Once:
    """What makes an event count once: the update id, or a timer's id and due time."""

    update_id: int | None = None
    timer: tuple[int, datetime] | None = None


@dataclass
class Unit:
    tx: Tx
    now: datetime
    lanes: set[int] = field(default_factory=set)
    timers: list[tuple[int, SetTimer | CancelTimer]] = field(default_factory=list)
    # Voice notes to transcribe once this is committed (group id, the flow's request).
    voice_notes: list[tuple[int, TranscribeVoice]] = field(default_factory=list)
    # Groups whose message here says that it comes later than planned (bot/engine/jobs.py).
    told_late: set[int] = field(default_factory=set)

    async def send(self, item: Outgoing) -> None:
        """Decides a Bot API call; it goes out after the commit. A message's buttons changed
        here are known at once to what retires buttons (bot/engine/live_buttons.py). An edit
        that waits already, the same, is not queued twice (a button pressed again and again
        before Telegram took its first edit: each would cost a place in the group's minute)."""
        payload = encode(item)
        if isinstance(item, Edit) and payload == await outbox.last_edit(
                self.tx, lane_of(item), item.chat_id, item.message_id):
            return
        await outbox.add(self.tx, lane_of(item), payload, self.now)
        self.lanes.add(lane_of(item))
        if isinstance(item, Edit):
            await live_buttons.edited(self.tx, item)

    async def set_timer(self, group_id: int, effect: SetTimer | CancelTimer) -> None:
        if isinstance(effect, SetTimer):
            await timer_store.set(self.tx, group_id, effect.name, effect.event,
                                  dict(effect.payload), effect.due)
        else:
            await timer_store.cancel(self.tx, group_id, effect.name)
        self.timers.append((group_id, effect))


@dataclass
class InHand:
    """What became of the update in hand (bot/engine/handling.py): the ids units claimed (an
    update none claimed is marked handled on its own afterwards), and the errors its handlers
    raised (the error handler notes them; a unit that broke rolled its handled-mark back)."""

    claimed: set[int] = field(default_factory=set)
    errors: list[BaseException] = field(default_factory=list)


in_hand: ContextVar[InHand | None] = ContextVar("in_hand", default=None)


async def claim(tx: Tx, once: Once, now: datetime) -> bool:
    """Marks the update or timer as handled; False when it was handled before."""
    if once.update_id is not None:
        state = in_hand.get()
        if state is not None:
            state.claimed.add(once.update_id)
        if not await inbox.mark(tx, once.update_id, now):
            return False
    return once.timer is None or await timer_store.claim(tx, *once.timer, now)


@asynccontextmanager
async def work(app: Any, once: Once | None = None) -> AsyncIterator[Unit | None]:
    """The transaction of one update or timer; None inside when it was handled before."""
    svc = services_of(app)
    now = svc.now()
    async with svc.db.transaction() as tx:
        if not await claim(tx, once or Once(), now):
            yield None
            return
        unit = Unit(tx, now)
        yield unit
    await after_commit(app, unit)


async def after_commit(app: Any, unit: Unit) -> None:
    svc = services_of(app)
    if unit.lanes:
        svc.sender.wake(unit.lanes)
    svc.told_late |= unit.told_late
    for group_id, effect in unit.timers:
        await jobs.mirror(app, group_id, effect)
    for group_id, request in unit.voice_notes:
        if svc.on_voice_note is not None:  # handed in at start (bot/engine/voice_notes.py)
            svc.background(svc.on_voice_note(app, group_id, request),
                           f"reading voice note {request.message_id} of group {group_id}")
