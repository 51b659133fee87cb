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


async def group_summary_html(tx: Tx, group: Group, cycle: Cycle, now: datetime,
                             history: tuple[PastCycle, ...] | None = None) -> str:
    """The group summary of a closed cycle. Who joined (or agreed) after it closed was not
    there to listen: the picture is of the members as the meeting had them (a closed
    cycle's phase began at its close). `history`: the closed cycles it looks across (all of
    them if not given)."""
    there = await members.agreed_by(tx, group.id, cycle.phase_started_at)
    today = await members.active(tx, group.id)
    as_then = tuple(replace(m, agreed=m.user_id in there) for m in today)
    if history is None:
        history = await cycles.history(tx, group.id)
    ctx = CycleContext(cycle, group.settings, as_then, now,
                       await contributions.of_cycle(tx, cycle.id), group.title, history,
                       former=await members.former(tx, group.id))
    return render_all(group.settings.language, group_summary(ctx))


async def _as_sent(tx: Tx, group: Group, cycle: Cycle, now: datetime, in_group: bool) -> str:
    """The group's summary, across the cycles closed before it, or the coach's, made once it
    had closed, as they read now."""
    history = await cycles.history(tx, group.id)
    if in_group:
        return await group_summary_html(tx, group, cycle, now,
                                        tuple(p for p in history if p.cycle_id < cycle.id))
    return await coach_html(tx, group, cycle, now,
                            history=tuple(p for p in history if p.cycle_id <= cycle.id))


async def without_their_words(unit: Unit, user_id: int, group_id: int | None = None) -> int:
    """After `user_id`'s /forget: every summary sent of a cycle they brought in or spoke in
    (in `group_id` alone, where that was all they erased), edited as it reads now (their
    words erased, their name "—"), looking across the cycles there were when it was sent,
    and ending as sent (its next-turn line; the inbrenger's own erase dropped it,
    storage.privacy.forget_member); how many."""
    sent = await summary_messages.quoting(unit.tx, user_id, group_id)
    made: dict[tuple[int, bool], str] = {}  # (cycle, the group's?): one rendering each
    for summary in sent:
        cycle = await cycles.get(unit.tx, summary.cycle_id)
        group = await groups.get(unit.tx, cycle.group_id) if cycle else None
        if cycle is None or group is None:
            continue
        in_group = summary.chat_id == group.chat_id
        if (cycle.id, in_group) not in made:
            made[cycle.id, in_group] = await _as_sent(unit.tx, group, cycle, unit.now, in_group)
        html = made[cycle.id, in_group]
        if summary.tail:
            html = f"{html}\n\n{summary.tail}"
        await unit.send(Edit(summary.chat_id, summary.message_id, html))
    return len(sent)
