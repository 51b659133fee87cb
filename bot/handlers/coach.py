"""/coach: a group admin makes a single-use invite link for a coach; the coach opens it in a
private chat with the bot and from then on receives the group's cycle summaries."""
from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler, ContextTypes, filters

from bot.engine import send
from bot.engine.services import services
from bot.handlers.common import (
    admin_or_refuse,
    display_name,
    group_command,
    reply,
    user_language,
)
from bot.texts.render import say
from storage import coaches, groups


async def coach_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    command = await group_command(update, context)
    if command is None or not await admin_or_refuse(update, context, command,
                                                    "bot.only_admins_coach"):
        return
    group, user, language = command.group, command.user, command.language
    svc = services(context)
    async with svc.db.transaction() as tx:
        token = await coaches.create_invite(tx, group.id, user.id, svc.now())
    link = f"https://t.me/{context.bot.username}?start=coach_{token}"
    # The link goes privately to the admin: posted in the group, anyone could take it.
    sent = await send.to_member(context.bot, user.id, say(language, "coach.invite", link=link))
    await reply(update, language, "coach.invite_sent" if sent else "coach.start_bot_first",
                link=f"https://t.me/{context.bot.username}?start=hi")


async def redeem(update: Update, context: ContextTypes.DEFAULT_TYPE, token: str) -> None:
    user = update.effective_user
    assert user is not None
    svc = services(context)
    async with svc.db.transaction() as tx:
        group_id = await coaches.redeem(tx, token, user.id, display_name(user), svc.now())
        group = await groups.get(tx, group_id) if group_id else None
    language = group.settings.language if group else user_language(user)
    if group is None:
        await reply(update, language, "coach.invite_invalid")
        return
    await reply(update, language, "coach.linked", group=group.title)


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [CommandHandler("coach", coach_command, filters.ChatType.GROUPS)]
