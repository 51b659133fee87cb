"""A person's private chat with the bot: what /help says there (to a coach: what coaching
brings), and an answer to words written there, where the bot follows no conversation."""
from __future__ import annotations

import time

from telegram import Update
from telegram.ext import BaseHandler, ContextTypes, MessageHandler, filters

from bot.engine.services import services
from bot.engine.work import Unit
from bot.handlers.common import handling, reply, user_language
from storage import coaches, groups

# Words in the private chat are answered at most this often per person: a pointer, not a chat.
WORDS_ANSWERED_EVERY = 600.0


async def help_private(unit: Unit, update: Update, language: str) -> None:
    """/help in the private chat: a coach hears what they receive and for which groups."""
    user = update.effective_user
    coached = await coaches.groups_of(unit.tx, user.id) if user else []
    titles = [group.title for gid in coached if (group := await groups.get(unit.tx, gid))]
    if titles:
        await reply(unit, update, language, "bot.help_private_coach", groups=", ".join(titles))
    else:
        await reply(unit, update, language, "bot.help_private")


async def words(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Someone writes to the bot privately ("hoe werkt dit?"): nothing there is read as part
    of the intervision, so they hear where the talk happens and what /help shows."""
    user = update.effective_user
    if user is None or not services(context).throttle.allow(
            ("private_words", user.id), WORDS_ANSWERED_EVERY, time.monotonic()):
        return
    async with handling(update, context) as unit:
        if unit is not None:
            await reply(unit, update, user_language(user), "bot.private_words")


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [MessageHandler(filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE & filters.TEXT
                           & ~filters.COMMAND, words)]
