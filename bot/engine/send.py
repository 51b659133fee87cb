"""Sending to a group (its forum topic) or privately, with Telegram's failures answered."""
from __future__ import annotations

import html as html_lib
import logging
import re
from typing import Any

from telegram import Bot, InlineKeyboardMarkup, Message, ReplyParameters
from telegram.constants import MessageLimit, ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden

from flows.model import Group

log = logging.getLogger(__name__)

_TAG = re.compile(r"<[^>]+>")


def fit(html_text: str) -> tuple[str, str | None]:
    """The text and parse mode to send. A text over Telegram's 4,096 characters (a summary
    quoting a very long commitment) would be refused whole; cutting HTML could break a tag, so
    such a text goes out as plain text, shortened, rather than not at all."""
    if len(html_text) <= MessageLimit.MAX_TEXT_LENGTH:
        return html_text, ParseMode.HTML
    plain = html_lib.unescape(_TAG.sub("", html_text))
    if len(plain) <= MessageLimit.MAX_TEXT_LENGTH:
        return plain, None
    return plain[: MessageLimit.MAX_TEXT_LENGTH - 1] + "…", None


async def send_html(bot: Bot, chat_id: int, html_text: str, **options: Any) -> Message:
    body, parse_mode = fit(html_text)
    return await bot.send_message(chat_id, body, parse_mode=parse_mode, **options)


async def to_group(bot: Bot, group: Group, html: str, markup: InlineKeyboardMarkup | None = None,
                   reply_to: int | None = None) -> Message | None:
    reply = (ReplyParameters(reply_to, allow_sending_without_reply=True)
             if reply_to else None)
    try:
        try:
            return await send_html(bot, group.chat_id, html, reply_markup=markup,
                                   message_thread_id=group.thread_id or None,
                                   reply_parameters=reply)
        except ChatMigrated as moved:  # the group became a supergroup; the update follows
            return await send_html(bot, moved.new_chat_id, html, reply_markup=markup,
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
        return await send_html(bot, user_id, html, reply_markup=markup)
    except Forbidden:
        return None
    except BadRequest as error:
        log.warning("private message not sent: %s", error.message)
        return None
