"""The command menus (SPEC section 7: localised descriptions, `setMyCommands` per scope): every
command the SPEC names is in the groups' menu, the private chat's menu has what works there,
each with a description in Dutch and in English, read back as a Telegram client would
(getMyCommands on the fake Bot API). The running process setting them at start is
tests/e2e/test_e2e_foundation.py."""
from __future__ import annotations

from telegram import (
    BotCommandScopeAllChatAdministrators,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
)

from bot.startup.telegram_calls import set_command_menus
from tests.handlers.in_process import InProcessBot

# SPEC section 7, in its order.
SPEC_COMMANDS = ("setup", "join", "leave", "schedule", "roster", "cycle", "next", "tips", "pause",
                 "replay", "audio", "status", "summary", "coach", "settings", "export", "forget",
                 "help")
# What works in a private chat (bot/handlers: /start, and /help, /export, /forget there).
PRIVATE = ("start", "help", "export", "forget")
# What only a chat's admins can do: in their menu, not in the members' one.
ADMIN_ONLY = ("setup", "cycle")


async def test_every_spec_command_is_in_its_menu_with_a_dutch_and_an_english_description(
        bot: InProcessBot) -> None:
    await set_command_menus(bot.app.bot)  # as `intervision run` does at start
    described: dict[tuple[str, str], dict[str, str]] = {}
    for where, scope in (("group", BotCommandScopeAllGroupChats()),
                         ("admins", BotCommandScopeAllChatAdministrators()),
                         ("private", BotCommandScopeAllPrivateChats())):
        for language in ("nl", "en", ""):  # "" is everyone else: the Dutch menu, the default
            menu = await bot.app.bot.get_my_commands(scope=scope, language_code=language or None)
            described[where, language] = {c.command: c.description for c in menu}
    for language in ("nl", "en", ""):
        assert set(SPEC_COMMANDS) <= set(described["admins", language]), language
        members = set(described["group", language])
        assert set(SPEC_COMMANDS) - set(ADMIN_ONLY) <= members, language
        assert not members & set(ADMIN_ONLY), language
        assert sorted(described["private", language]) == sorted(PRIVATE), language
    for where in ("group", "admins", "private"):
        dutch, english = described[where, "nl"], described[where, "en"]
        assert described[where, ""] == dutch
        for name in dutch:
            assert dutch[name] and english[name], f"/{name} lacks a description ({where})"
            assert dutch[name] != english[name], f"/{name}: one description for both languages"
    assert described["group", "nl"]["join"] == "Meedoen met de intervisiegroep"
    assert described["private", "en"]["forget"] == "Erase your own data"
