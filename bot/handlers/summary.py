"""/summary: any member asks for the summary of the group's last closed cycle again."""
from __future__ import annotations

from telegram.ext import BaseHandler, filters

from bot.engine.summaries import group_summary_html
from bot.handlers.commands import command
from bot.handlers.common import GroupCommand, group_command
from storage.privacy import last_closed_cycle


@group_command(rationed=True)
async def summary_command(cmd: GroupCommand) -> None:
    cycle = await last_closed_cycle(cmd.unit.tx, cmd.group.id)
    if cycle is None:
        await cmd.reply("privacy.summary_none")
        return
    await cmd.reply_html(await group_summary_html(cmd.unit.tx, cmd.group, cycle, cmd.unit.now))


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [command("summary", summary_command, filters.ChatType.GROUPS)]
