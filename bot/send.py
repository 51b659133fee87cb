"""Sending to a group (its forum topic) or privately, with Telegram's failures answered."""
from __future__ import annotations

import logging

from telegram import Bot, InlineKeyboardMarkup, Message, ReplyParameters
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden

from flows.model import Group

log = logging.getLogger(__name__)


async def to_group(bot: Bot, group: Group, html: str, markup: InlineKeyboardMarkup | None = None,
                   reply_to: int | None = None) -> Message | None:
    reply = (ReplyParameters(reply_to, allow_sending_without_reply=True)
             if reply_to else None)
    chat_id = group.chat_id
    try:
        try:
            return await bot.send_message(
                chat_id, html, parse_mode=ParseMode.HTML, reply_markup=markup,
                message_thread_id=group.thread_id or None, reply_parameters=reply)
        except ChatMigrated as moved:  # the group became a supergroup; the update follows
            return await bot.send_message(
                moved.new_chat_id, html, parse_mode=ParseMode.HTML, reply_markup=markup,
                reply_parameters=reply)
    except Forbidden:
        log.warning("group %s: the bot may no longer write in this chat", group.id)
    except BadRequest as error:
        log.error("group %s: Telegram refused a message: %s", group.id, error.message)
    return None


async def to_member(bot: Bot, user_id: int, html: str,
                    markup: InlineKeyboardMarkup | None = None) -> Message | None:
    """None when the member never started the bot or blocked it."""
    try:
        return await bot.send_message(user_id, html, parse_mode=ParseMode.HTML,
                                      reply_markup=markup)
    except Forbidden:
        return None
    except BadRequest as error:
        log.warning("private message not sent: %s", error.message)
        return None
