"""/settings: an admin shows or changes the group's settings."""
from __future__ import annotations

from dataclasses import replace

from telegram.ext import BaseHandler, filters

from bot.handlers.commands import command
from bot.handlers.common import GroupCommand, group_command
from flows.effects import Text
from flows.settings_change import change, describe
from storage import groups


@group_command(admin=lambda args: bool(args), refusal="bot.only_admins_settings")
async def settings_command(cmd: GroupCommand) -> None:
    """Without arguments anyone sees the settings; with them an admin changes one."""
    if not cmd.args:
        await cmd.reply(describe(cmd.group.settings))
        return
    if len(cmd.args) < 2:
        await cmd.reply("settings.usage")
        return
    changed = change(cmd.group.settings, cmd.args[0], " ".join(cmd.args[1:]))
    if isinstance(changed, Text):
        await cmd.reply(changed)
        return
    await groups.save_settings(cmd.unit.tx, cmd.group.id, changed)
    in_new_language = replace(cmd, group=replace(cmd.group, settings=changed))
    await in_new_language.reply("settings.changed")
    await in_new_language.reply(describe(changed))


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [command("settings", settings_command, filters.ChatType.GROUPS)]
