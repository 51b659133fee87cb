"""A command this bot does not have, typed in a group: where it plainly meant one of ours
("/schedul", "/instellingen"), a hint with the right one (flows/command_hint.py), at most once
a minute per person and word; anything else is left alone, since it may be another bot's."""
from __future__ import annotations

import time

from telegram import Update
from telegram.ext import BaseHandler, ContextTypes, MessageHandler, filters

from bot.engine.services import services
from bot.handlers.commands import ADMIN_COMMANDS
from bot.handlers.common import find_group, handling, reply, user_language
from flows.command_hint import meant

HINT_EVERY = 60.0


async def mistyped_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    user, message = update.effective_user, update.effective_message
    if user is None or message is None or not message.text:
        return
    typed, _, addressed = message.text.split()[0][1:].partition("@")
    if addressed and addressed.lower() != (context.bot.username or "").lower():
        return  # meant for another bot in the chat
    suggestion = meant(typed, ADMIN_COMMANDS)
    if suggestion is None or not services(context).throttle.allow(
            ("mistyped", message.chat_id, user.id, typed.lower()), HINT_EVERY,
            time.monotonic()):
        return
    async with handling(update, context) as unit:
        if unit is None:
            return
        group = await find_group(unit, update)
        language = group.settings.language if group else user_language(user)
        key = "bot.mistyped_help" if suggestion == "help" else "bot.mistyped_command"
        await reply(unit, update, language, key, typed=typed[:30], command=suggestion)


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [MessageHandler(filters.ChatType.GROUPS & filters.UpdateType.MESSAGE
                           & filters.COMMAND, mistyped_command)]
