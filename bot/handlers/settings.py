"""/settings: an admin shows or changes the group's settings."""
from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler, ContextTypes, filters

from bot.handlers.common import current_group, is_admin, reply, user_language
from bot.services import services
from flows.effects import Text
from flows.settings_change import change, describe
from storage import groups


async def settings_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    user, chat = update.effective_user, update.effective_chat
    group = await current_group(update, context)
    if group is None or user is None or chat is None:
        await reply(update, user_language(user), "bot.not_set_up")
        return
    args = context.args or []
    if not args:
        await reply(update, group.settings.language, describe(group.settings))
        return
    if not await is_admin(context, chat.id, user.id):
        await reply(update, group.settings.language, "bot.only_admins_settings")
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
