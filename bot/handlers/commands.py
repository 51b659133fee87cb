"""The bot's commands: the menus' lists (set at start by bot/startup/telegram_calls.py), and
command handlers that answer new messages only: an edited `/next` must not move the cycle a
second time (Telegram sends edits as updates of their own)."""
from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Update
from telegram.ext import CommandHandler, filters
from telegram.ext.filters import BaseFilter

# The group chats' menu: everything a member can do there. Admins see the whole menu, with
# setting up and starting a cycle, which only they can (Telegram shows a chat's admins the menu
# of the administrators' scope instead); a member who types them anyway is told who can.
ADMIN_ONLY_COMMANDS = ("setup", "cycle")
ADMIN_COMMANDS = ("setup", "join", "leave", "roster", "skip", "swap", "cycle", "next", "status",
                  "tips", "pause", "replay", "audio", "schedule", "summary", "coach", "settings",
                  "cancel", "export", "forget", "help")
GROUP_COMMANDS = tuple(name for name in ADMIN_COMMANDS if name not in ADMIN_ONLY_COMMANDS)
PRIVATE_COMMANDS = ("start", "help", "export", "forget")


def command(name: str, callback: Callable[[Update, Any], Coroutine[Any, Any, Any]],
            chats: BaseFilter | None = None) -> CommandHandler:  # type: ignore[type-arg]
    only_new = filters.UpdateType.MESSAGE
    return CommandHandler(name, callback, only_new & chats if chats is not None else only_new)
