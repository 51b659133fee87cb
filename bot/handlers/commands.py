"""Command handlers that answer new messages only: an edited `/next` must not move the cycle
a second time (Telegram sends edits as updates of their own)."""
from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Update
from telegram.ext import CommandHandler, filters
from telegram.ext.filters import BaseFilter


def command(name: str, callback: Callable[[Update, Any], Coroutine[Any, Any, Any]],
            chats: BaseFilter | None = None) -> CommandHandler:  # type: ignore[type-arg]
    only_new = filters.UpdateType.MESSAGE
    return CommandHandler(name, callback, only_new & chats if chats is not None else only_new)
