"""/coach: a group admin makes a single-use invite link for a coach; the coach opens it in a
private chat with the bot and from then on receives the group's cycle summaries."""
from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler, ContextTypes, filters

from bot import send
from bot.handlers.common import current_group, display_name, is_admin, reply, user_language
from bot.services import services
from bot.texts import say
from storage import coaches, groups


async def coach_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    user, chat = update.effective_user, update.effective_chat
    group = await current_group(update, context)
    if group is None or user is None or chat is None:
        await reply(update, user_language(user), "bot.not_set_up")
        return
    language = group.settings.language
    if not await is_admin(context, chat.id, user.id):
        await reply(update, language, "bot.only_admins_coach")
        return
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
