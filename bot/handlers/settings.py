"""/settings: an admin shows or changes the group's settings."""
from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler, ContextTypes, filters

from bot.engine.services import services
from bot.handlers.common import admin_or_refuse, group_command, reply
from flows.effects import Text
from flows.settings_change import change, describe
from storage import groups


async def settings_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    command = await group_command(update, context)
    if command is None:
        return
    group = command.group
    args = context.args or []
    if not args:
        await reply(update, group.settings.language, describe(group.settings))
        return
    if not await admin_or_refuse(update, context, command, "bot.only_admins_settings"):
        return
    if len(args) < 2:
        await reply(update, group.settings.language, "settings.usage")
        return
    changed = change(group.settings, args[0], " ".join(args[1:]))
    if isinstance(changed, Text):
        await reply(update, group.settings.language, changed)
        return
    async with services(context).db.transaction() as tx:
        await groups.save_settings(tx, group.id, changed)
    await reply(update, changed.language, "settings.changed")
    await reply(update, changed.language, describe(changed))


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [CommandHandler("settings", settings_command, filters.ChatType.GROUPS)]
