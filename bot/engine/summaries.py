"""A closed cycle's summaries rendered again from what is stored now: the group's (/summary)
and the coach's. A member's /forget edits the summaries already sent with these, so that
their words leave the chats too (SPEC 6); the words of the others stay as they were."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from bot.engine.coach_reports import coach_html
from bot.engine.outgoing import Edit
from bot.engine.work import Unit
from bot.texts.render import render_all
from flows.cycle.model import Cycle, CycleContext
from flows.model import Group
from flows.reports.group_summary import group_summary
from flows.reports.progress import PastCycle
from storage import contributions, cycles, groups, members, summary_messages
from storage.db import Tx


async def group_summary_html(tx: Tx, group: Group, cycle: Cycle, now: datetime, *,
                             as_sent: bool = False) -> str:
    """The group summary of a closed cycle. Who joined (or agreed) after it closed was not
    there to listen: the picture is of the members as the meeting had them (a closed
    cycle's phase began at its close). `as_sent`: across the cycles closed before it only,
    as it was when the cycle closed."""
    there = await members.agreed_by(tx, group.id, cycle.phase_started_at)
    today = await members.active(tx, group.id)
    as_then = tuple(replace(m, agreed=m.user_id in there) for m in today)
    ctx = CycleContext(cycle, group.settings, as_then, now,
                       await contributions.of_cycle(tx, cycle.id), group.title,
                       await _history(tx, group, cycle, as_sent),
                       former=await members.former(tx, group.id))
    return render_all(group.settings.language, group_summary(ctx))


async def _history(tx: Tx, group: Group, cycle: Cycle, as_sent: bool, *,
                   with_it: bool = False) -> tuple[PastCycle, ...]:
    """The group's closed cycles; `as_sent`: only those closed before `cycle` (`with_it`: and
    `cycle` itself, as the coach's summary was made once it had closed)."""
    history = await cycles.history(tx, group.id)
    if not as_sent:
        return history
    return tuple(p for p in history if p.cycle_id < cycle.id
                 or (with_it and p.cycle_id == cycle.id))


async def without_their_words(unit: Unit, user_id: int) -> int:
    """After `user_id`'s /forget: every summary sent of a cycle they brought in or spoke in,
    edited as it reads now (their words erased, their name "—"), across the cycles as it
    was sent, and ending as sent (its next-turn line); how many."""
    sent = await summary_messages.quoting(unit.tx, user_id)
    for summary in sent:
        cycle = await cycles.get(unit.tx, summary.cycle_id)
        group = await groups.get(unit.tx, cycle.group_id) if cycle else None
        if cycle is None or group is None:
            continue
        if summary.chat_id == group.chat_id:
            html = await group_summary_html(unit.tx, group, cycle, unit.now, as_sent=True)
        else:
            html = await coach_html(unit.tx, group, cycle, unit.now,
                                    history=await _history(unit.tx, group, cycle, True,
                                                           with_it=True))
        if summary.tail:
            html = f"{html}\n\n{summary.tail}"
        await unit.send(Edit(summary.chat_id, summary.message_id, html))
    return len(sent)
