"""What the bot tells Telegram at start (its command menus, its webhook or that it polls),
retried in the background: a 502 or a reset at start must not keep the bot from serving."""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllChatAdministrators,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
)
from telegram.error import InvalidToken, TelegramError

from bot.handlers.commands import ADMIN_COMMANDS, GROUP_COMMANDS, PRIVATE_COMMANDS
from bot.texts.render import say
from flows.catalog import LANGUAGES

log = logging.getLogger(__name__)

FIRST_RETRY, LAST_RETRY = 1.0, 60.0


async def keep_trying(what: str, call: Callable[[], Awaitable[object]]) -> None:
    """Runs `call` until it succeeds, waiting longer after each failure."""
    wait = FIRST_RETRY
    while True:
        try:
            await call()
            return
        except InvalidToken:
            raise
        except TelegramError as error:
            log.warning("%s failed (%s); again in %.0f s", what, error.message, wait)
        await asyncio.sleep(wait)
        wait = min(wait * 2, LAST_RETRY)


async def set_command_menus(bot: Bot) -> None:
    for scope, names in ((BotCommandScopeAllGroupChats(), GROUP_COMMANDS),
                         (BotCommandScopeAllChatAdministrators(), ADMIN_COMMANDS),
                         (BotCommandScopeAllPrivateChats(), PRIVATE_COMMANDS)):
        for language in LANGUAGES:
            commands = [BotCommand(name, say(language, f"commands.{name}")) for name in names]
            await bot.set_my_commands(commands, scope=scope, language_code=language)
        # Users whose Telegram language is neither get the Dutch menu, the default.
        await bot.set_my_commands(
            [BotCommand(name, say("nl", f"commands.{name}")) for name in names], scope=scope)
