"""The bot taken out of a chat: a few minutes' grace before its groups stop.

Removed by mistake in the middle of a talk and added back a minute later, the group had lost
its cycle for good: clip, consent, watching and the talk so far were to be redone (review
ux21). Now the removal only starts a timer per group (`GRACE`); whoever removed the bot
hears privately that adding it back in time lets everything go on. Added back in time, the
group's cycle and schedule go on where they were, and the group hears that what was written
meanwhile was not read (bot/handlers/bot_status.py). When the grace is over, each group stops
as it did at once before: the open cycle is cancelled, its timers and the schedule's are
dropped, and the admins and coaches hear privately what that means.

While the bot is out, what it would say in the chat cannot be delivered (Telegram refuses it;
the sender drops it); a cycle timer that fires then moves nothing on by itself.
"""
from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.engine.events import decide_in
from bot.engine.outgoing import Message
from bot.engine.work import Once, Unit, work
from bot.texts.render import say
from flows.cycle.events import THE_BOT, Cancel
from flows.effects import CancelTimer, SetTimer
from flows.model import Group
from storage import coaches, groups, members
from storage import timers as timer_store
from storage.db import Tx
from storage.timers import StoredTimer

GRACE = timedelta(minutes=10)
EVENT = TIMER = "bot_removed"


async def taken_out(unit: Unit, chat_id: int, remover: int, language: str, *,
                    was_admin: bool = False) -> None:
    """Removed from `chat_id` by `remover`: each of its groups waits `GRACE` before it stops,
    and the remover hears so privately (if the bot may write to them); a bot that was an
    admin is added back as a plain member, so they hear to make it one again (review ux23)."""
    await groups.bot_removed(unit.tx, chat_id, unit.now)
    taken = await groups.in_chat(unit.tx, chat_id)
    for group in taken:
        await unit.set_timer(group.id, SetTimer(TIMER, unit.now + GRACE, EVENT,
                                                {"remover": remover}))
    if taken and await members.can_write_privately(unit.tx, remover):
        titles = ", ".join(group.title or "—" for group in taken)
        key = "bot.removed_grace_admin" if was_admin else "bot.removed_grace"
        await unit.send(Message(remover, say(taken[0].settings.language or language, key,
                                             groups=titles,
                                             minutes=int(GRACE.total_seconds() // 60))))


async def in_grace(tx: Tx, group_id: int) -> bool:
    """Whether the bot is out of the group and may still be added back in time."""
    return await timer_store.waiting(tx, group_id, TIMER)


async def back_in_time(unit: Unit, group: Group) -> bool:
    """Added back: whether the group's grace was still running (it is over now, and the
    group goes on where it was)."""
    if not await in_grace(unit.tx, group.id):
        return False
    await unit.set_timer(group.id, CancelTimer(TIMER))
    return True


async def grace_over(app: Any, group: Group, timer: StoredTimer, *, once: Once) -> None:
    """Not added back in time: the group stops."""
    async with work(app, once) as unit:
        if unit is None:
            return
        await stop_group(unit, group, int(timer.payload.get("remover", 0)))


async def stop_group(unit: Unit, group: Group, remover: int) -> None:
    """The open cycle is cancelled, its timers and the schedule's are dropped, and whoever
    removed the bot, the chat's admins (as last seen at /setup) and the group's coaches hear
    privately what that means; everything stored stays under retention."""
    planned = await groups.schedule_of(unit.tx, group.id) is not None
    stopped = await decide_in(unit, group, Cancel(THE_BOT, True)) is not None
    for pending in await timer_store.pending_of(unit.tx, group.id):
        await unit.set_timer(group.id, CancelTimer(pending.name))
    await groups.set_schedule(unit.tx, group.id, None)
    # Only what was there is said to stop: a topic's group without a cycle or a schedule is
    # not told of a "running cycle" and "planned meetings".
    said = " ".join(say(group.settings.language, key, group=group.title) for key in (
        "bot.group_ended", *(("bot.group_ended_cycle",) if stopped else ()),
        *(("bot.group_ended_meetings",) if planned else ()), "bot.group_ended_stored"))
    told = await _told_of_the_end(unit, group.id, remover)
    for person in told:
        await unit.send(Message(person, said))
    # Its coaches wait for summaries that will no longer come (re-adding the bot is the
    # admins' part, so they hear only what it means for them).
    for coach_id in await coaches.of_group(unit.tx, group.id):
        if coach_id not in told and await members.can_write_privately(unit.tx, coach_id):
            await unit.send(Message(coach_id, say(group.settings.language,
                                                  "bot.group_ended_coach",
                                                  group=group.title or "—")))


async def _told_of_the_end(unit: Unit, group_id: int, remover: int) -> list[int]:
    """The chat's admins as last seen at /setup, and whoever removed the bot: each of them who
    has a private chat with the bot (the chat itself can no longer be written to)."""
    people = sorted({remover, *await groups.admins_of(unit.tx, group_id)})
    return [p for p in people if await members.can_write_privately(unit.tx, p)]
