"""Pausing and re-watching the clip: /pause 1:23, /replay 1:10-1:40, and the still button
offered under observations with a time stamp."""
from __future__ import annotations

import re

from telegram import Message, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, ContextTypes, filters

from bot.engine import effects as effect_runner
from bot.engine.services import services
from bot.handlers.common import answer, current_group, group_command, reply, user_language
from bot.texts.render import say
from flows.classifier.timestamps import parse_timestamp
from flows.effects import SendReplay, SendStill
from storage import cycles, members

_RANGE = re.compile(r"^\s*(\S+)\s*(?:-|–|tot|to)\s*(\S+)\s*$")


async def _open_cycle_with_clip(update: Update, context: ContextTypes.DEFAULT_TYPE):  # type: ignore[no-untyped-def]
    command = await group_command(update, context)
    if command is None:
        return None, None
    group, user = command.group, command.user
    async with services(context).db.reading() as tx:
        cycle = await cycles.open_cycle(tx, group.id)
        member = await members.get(tx, group.id, user.id)
    if member is None:
        await reply(update, group.settings.language, "cycle.refused.not_member")
        return None, None
    if cycle is None or cycle.clip is None:
        await reply(update, group.settings.language, "clip.no_clip")
        return None, None
    return group, cycle


async def pause_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    group, cycle = await _open_cycle_with_clip(update, context)
    if group is None:
        return
    seconds = parse_timestamp(" ".join(context.args or ()))
    if seconds is None:
        await reply(update, group.settings.language, "clip.pause_usage")
        return
    message = update.effective_message
    await effect_runner.carry_out(context.application, group, cycle, (
        SendStill(cycle.id, seconds, message.message_id if message else None),))


async def replay_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    group, cycle = await _open_cycle_with_clip(update, context)
    if group is None:
        return
    match = _RANGE.match(" ".join(context.args or ()))
    start = parse_timestamp(match.group(1)) if match else None
    end = parse_timestamp(match.group(2)) if match else None
    if start is None or end is None or end <= start:
        await reply(update, group.settings.language, "clip.replay_usage")
        return
    message = update.effective_message
    await effect_runner.carry_out(context.application, group, cycle, (
        SendReplay(cycle.id, start, end, message.message_id if message else None),))


async def still_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None and query.data is not None
    group = await current_group(update, context)
    async with services(context).db.reading() as tx:
        cycle = await cycles.open_cycle(tx, group.id) if group else None
    if group is None or cycle is None or cycle.clip is None:
        await query.answer(say(user_language(query.from_user), "cycle.refused.stale"),
                           show_alert=True)
        return
    seconds = float(query.data.removeprefix("still:") or 0)
    await query.answer()
    await effect_runner.carry_out(context.application, group, cycle, (
        SendStill(cycle.id, seconds, query.message.message_id if query.message else None),))


async def checkin_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The inbrenger answers the meaningfulness check-in; steering is said in the group."""
    query = update.callback_query
    assert query is not None and query.data is not None
    group = await current_group(update, context)
    language = group.settings.language if group else user_language(query.from_user)
    if query.data.endswith("steer"):
        await query.answer(say(language, "bot.checkin_steer_ack"), show_alert=True)
        if group is not None and isinstance(query.message, Message):
            await answer(query.message, say(language, "bot.checkin_steer",
                                            name=query.from_user.full_name))
        return
    await query.answer(say(language, "bot.checkin_yes_ack"))


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [
        CommandHandler("pause", pause_command, filters.ChatType.GROUPS),
        CommandHandler("replay", replay_command, filters.ChatType.GROUPS),
        CallbackQueryHandler(still_button, pattern=r"^still:\d+$"),
        CallbackQueryHandler(checkin_button, pattern=r"^checkin:(yes|steer)$"),
    ]
