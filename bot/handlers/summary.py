"""/summary: any member asks for the summary of the group's last closed cycle again."""
from __future__ import annotations

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
    ctx = CycleContext(cycle, cmd.group.settings, await members.active(tx, cmd.group.id),
                       cmd.unit.now, await contributions.of_cycle(tx, cycle.id), cmd.group.title,
                       await cycles.history(tx, cmd.group.id),
                       former=await members.former(tx, cmd.group.id))
    await cmd.reply_html(render_all(cmd.language, group_summary(ctx)))


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [command("summary", summary_command, filters.ChatType.GROUPS)]
