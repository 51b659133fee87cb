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
from bot.texts.render import say
from tests.handlers.in_process import InProcessBot
from tests.handlers.updates import BRAM, command

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


async def test_each_private_command_reaches_its_own_handler_in_the_private_chat(
        bot: InProcessBot) -> None:
    """Only the first matching handler runs (bot/startup/application.py FEATURES): the private
    chat's catch-all must come after every feature, or /help, /export, /forget and /start
    there would be answered with "this happens in the group"."""
    await bot.tg.start_private_chat(BRAM.user_id)
    pointers = {say("nl", key) for key in ("bot.private_words", "bot.private_clip")}
    for name in PRIVATE:
        since = await bot.tg.mark()
        await bot.handle(command(bot.app.bot, BRAM, f"/{name}", chat_id=BRAM.user_id))
        said = await bot.said(BRAM.user_id, since=since)
        assert said, f"/{name} got no answer in the private chat"
        assert not pointers & set(said) and not any("in de groep" in s and f"/{name}" in s
                                                    for s in said), (name, said)
