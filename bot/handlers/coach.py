"""/coach: a group admin makes a single-use invite link for a coach; the coach opens it in a
private chat with the bot and from then on receives the group's cycle summaries."""
from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, filters

from bot.engine.outgoing import Message
from bot.engine.work import Unit
from bot.handlers.commands import command
from bot.handlers.common import (
    GroupCommand,
    display_name,
    group_command,
    private_link,
    reply,
    reply_to,
    user_language,
)
from bot.texts.render import say
from storage import coaches, groups, members


@group_command(admin=True, refusal="bot.only_admins_coach")
async def coach_command(cmd: GroupCommand) -> None:
    token = await coaches.create_invite(cmd.unit.tx, cmd.group.id, cmd.user.id, cmd.unit.now)
    link = private_link(cmd.context, f"coach_{token}")
    start_first = say(cmd.language, "coach.start_bot_first", link=private_link(cmd.context))
    if not await members.can_write_privately(cmd.unit.tx, cmd.user.id):
        await cmd.reply_html(start_first)
        return
    # The link goes privately to the admin: posted in the group, anyone could take it. Should
    # the admin have blocked the bot since, the group hears how to fix that instead.
    await cmd.unit.send(Message(cmd.user.id, say(cmd.language, "coach.invite", link=link),
                                fallback=reply_to(cmd.message, start_first)))
    await cmd.reply("coach.invite_sent")


async def redeem(unit: Unit, update: Update, token: str) -> None:
    user = update.effective_user
    assert user is not None
    group_id = await coaches.redeem(unit.tx, token, user.id, display_name(user), unit.now)
    group = await groups.get(unit.tx, group_id) if group_id else None
    language = group.settings.language if group else user_language(user)
    if group is None:
        await reply(unit, update, language, "coach.invite_invalid")
        return
    await reply(unit, update, language, "coach.linked", group=group.title)


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [command("coach", coach_command, filters.ChatType.GROUPS)]
