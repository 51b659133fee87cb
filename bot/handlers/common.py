"""What most handlers ask first: which group is this, who is writing, may they do this."""
from __future__ import annotations

import html
from dataclasses import dataclass

from telegram import Chat, InlineKeyboardMarkup, Message, ReplyParameters, Update, User
from telegram.constants import ChatMemberStatus
from telegram.error import Forbidden, TelegramError
from telegram.ext import ContextTypes

from bot.engine.send import send_html
from bot.engine.services import services
from bot.texts.render import render
from flows.catalog import DEFAULT_LANGUAGE
from flows.effects import Text, text
from flows.model import Group
from storage import groups

ADMIN_STATUSES = {ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER}


def thread_of(message: Message | None) -> int:
    """The forum topic a message belongs to; 0 for a plain group or the General topic."""
    if message is None or not message.is_topic_message:
        return 0
    return message.message_thread_id or 0


def user_language(user: User | None) -> str:
    code = (user.language_code or "") if user else ""
    return "en" if code.startswith("en") else DEFAULT_LANGUAGE


def display_name(user: User) -> str:
    return user.full_name or user.username or str(user.id)


def in_group(update: Update) -> bool:
    chat = update.effective_chat
    return chat is not None and chat.type in (Chat.GROUP, Chat.SUPERGROUP)


async def current_group(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Group | None:
    chat = update.effective_chat
    if chat is None or not in_group(update):
        return None
    message = update.effective_message
    async with services(context).db.reading() as tx:
        return await groups.find(tx, chat.id, thread_of(message))


@dataclass(frozen=True)
class GroupCommand:
    """A command in a set-up group: the group, who sent it, and in which chat."""

    group: Group
    user: User
    chat: Chat

    @property
    def language(self) -> str:
        return self.group.settings.language


async def group_command(update: Update,
                        context: ContextTypes.DEFAULT_TYPE) -> GroupCommand | None:
    """The group this command was sent in; when the chat is no intervision group yet, the
    sender is told how to set it up and None comes back."""
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None:
        return None
    group = await current_group(update, context)
    if group is None:
        await reply(update, user_language(user), "bot.not_set_up")
        return None
    return GroupCommand(group, user, chat)


async def admin_or_refuse(update: Update, context: ContextTypes.DEFAULT_TYPE,
                          command: GroupCommand, refusal_key: str) -> bool:
    """True for an admin of the chat; anyone else gets `refusal_key` as the answer."""
    if await is_admin(context, command.chat.id, command.user.id):
        return True
    await reply(update, command.language, refusal_key)
    return False


async def is_admin(context: ContextTypes.DEFAULT_TYPE, chat_id: int, user_id: int) -> bool:
    try:
        member = await context.bot.get_chat_member(chat_id, user_id)
    except TelegramError:
        return False
    return member.status in ADMIN_STATUSES


async def answer(message: Message, html_text: str,
                 markup: InlineKeyboardMarkup | None = None) -> Message | None:
    """Sends `html_text` to the message's chat and topic as a reply to it; when the message is
    gone by then (deleted), still sends it rather than failing."""
    try:
        return await send_html(
            message.get_bot(), message.chat_id, html_text, reply_markup=markup,
            message_thread_id=thread_of(message) or None,
            reply_parameters=ReplyParameters(message.message_id,
                                             allow_sending_without_reply=True))
    except Forbidden:
        return None  # the bot was removed from the chat or blocked in private


async def reply(update: Update, language: str, item: Text | str, **params: object) -> None:
    """Answers in the same chat and topic, as a reply to the message."""
    message = update.effective_message
    if message is None:
        return
    await answer(message, render(language, text(item, **params) if isinstance(item, str)
                                 else item))


def quote_user_text(words: str) -> str:
    return html.escape(words, quote=False)
