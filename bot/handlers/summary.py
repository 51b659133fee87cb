"""/summary: any member asks for the summary of the group's last closed cycle again."""
from __future__ import annotations

from dataclasses import replace

from telegram.ext import BaseHandler, filters

from bot.handlers.commands import command
from bot.handlers.common import GroupCommand, group_command
from bot.texts.render import render_all
from flows.cycle.model import CycleContext
from flows.reports.group_summary import group_summary
from storage import contributions, cycles, members
from storage.privacy import last_closed_cycle


@group_command(rationed=True)
async def summary_command(cmd: GroupCommand) -> None:
    tx = cmd.unit.tx
    cycle = await last_closed_cycle(tx, cmd.group.id)
    if cycle is None:
        await cmd.reply("privacy.summary_none")
        return
    # Who joined (or agreed) after the cycle closed was not there to listen: the picture is
    # of the members as the meeting had them (a closed cycle's phase began at its close).
    there = await members.agreed_by(tx, cmd.group.id, cycle.phase_started_at)
    today = await members.active(tx, cmd.group.id)
    as_then = tuple(replace(m, agreed=m.user_id in there) for m in today)
    ctx = CycleContext(cycle, cmd.group.settings, as_then, cmd.unit.now,
                       await contributions.of_cycle(tx, cycle.id), cmd.group.title,
                       await cycles.history(tx, cmd.group.id),
                       former=await members.former(tx, cmd.group.id))
    await cmd.reply_html(render_all(cmd.language, group_summary(ctx)))


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [command("summary", summary_command, filters.ChatType.GROUPS)]
