"""What most handlers ask first: which group is this, who is writing, may they do this; and
how they answer (always through the unit's outbox, never straight to Telegram)."""
from __future__ import annotations

import functools
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta

from telegram import CallbackQuery, Chat, Message, Update, User
from telegram.constants import ChatMemberStatus
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.engine import flood
from bot.engine.outgoing import ButtonRows
from bot.engine.outgoing import Message as Outgoing
from bot.engine.patience import patiently, seconds
from bot.engine.services import services
from bot.engine.work import Once, Unit, work
from bot.texts.fit import fit_answer
from bot.texts.render import render
from flows.catalog import DEFAULT_LANGUAGE
from flows.effects import Text, text
from flows.model import Group
from storage import groups
from storage.db import Tx

ADMIN_STATUSES = {ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER}
ADMIN_CHECK_TRIES = 4
PRESS_TRIES = 3
Context = ContextTypes.DEFAULT_TYPE


def thread_of(message: Message | None) -> int:
    """The forum topic a message belongs to; 0 for a plain group or the General topic."""
    if message is None or not message.is_topic_message:
        return 0
    return message.message_thread_id or 0


def length_of(duration: int | timedelta | None) -> int:
    """A voice note's or video's length in whole seconds (python-telegram-bot gives a
    timedelta where PTB_TIMEDELTA is set, its coming default)."""
    return int(seconds(duration or 0))


def user_language(user: User | None) -> str:
    code = (user.language_code or "") if user else ""
    return "en" if code.startswith("en") else DEFAULT_LANGUAGE


def display_name(user: User) -> str:
    return user.full_name or user.username or str(user.id)


def in_group(update: Update) -> bool:
    chat = update.effective_chat
    return chat is not None and chat.type in (Chat.GROUP, Chat.SUPERGROUP)


def posted_as(message: Message | None) -> str | None:
    """Who really wrote: None for a person under their own name; "admin" for an anonymous
    admin of this chat; "channel" for a post on behalf of a channel. Telegram sends both with
    one stand-in user for everybody, so that user must never become a member."""
    if message is None or message.sender_chat is None:
        return None
    return "admin" if message.sender_chat.id == message.chat_id else "channel"


async def explain_anonymous(unit: Unit, update: Update, context: Context, language: str) -> None:
    """One kind explanation per chat every few minutes, not one per message."""
    message = update.effective_message
    place = (message.chat_id if message else 0, thread_of(message))
    if services(context).throttle.allow(("anonymous", place), flood.NOT_SET_UP_EVERY,
                                        time.monotonic()):
        await reply(unit, update, language, "bot.anonymous")


def private_link(context: Context, payload: str = "hi") -> str:
    return f"https://t.me/{context.bot.username}?start={payload}"


@asynccontextmanager
async def handling(update: Update, context: Context) -> AsyncIterator[Unit | None]:
    """The update's one transaction (None inside when it was handled before)."""
    async with work(context.application, Once(update_id=update.update_id)) as unit:
        yield unit


async def group_of(tx: Tx, update: Update) -> Group | None:
    """The intervision group of the chat (and forum topic) the update comes from."""
    chat = update.effective_chat
    if chat is None or not in_group(update):
        return None
    return await groups.find(tx, chat.id, thread_of(update.effective_message))


async def find_group(unit: Unit, update: Update) -> Group | None:
    return await group_of(unit.tx, update)


async def not_set_up_here(tx: Tx, chat_id: int) -> Text:
    """What to say where no group lives. In a chat whose other forum topics hold groups, a
    plain "not set up yet" would send an admin to /setup a second group where members only
    went to the wrong topic, so the groups there are named."""
    elsewhere = await groups.in_chat(tx, chat_id)
    if not elsewhere:
        return text("bot.not_set_up")
    return text("bot.not_set_up_topic", groups=", ".join(g.title for g in elsewhere))


async def is_admin(context: Context, chat_id: int, user_id: int) -> bool:
    """Asks Telegram; a passing failure (a timeout, a 5xx, a 429) is tried again a few times
    before the answer is "no", so an admin is not refused because Telegram hiccuped."""
    try:
        member = await patiently(lambda: context.bot.get_chat_member(chat_id, user_id),
                                 tries=ADMIN_CHECK_TRIES, pause=0.5, longest=5.0)
    except TelegramError:
        return False
    return member.status in ADMIN_STATUSES


async def answer_press(query: CallbackQuery, said: str | None = None, *,
                       show_alert: bool = False) -> None:
    """Answers a button press right away (Telegram waits at most 15 s for it); a passing
    failure is tried again, since an unanswered button keeps spinning for the person. `said`
    is catalog HTML; it goes out as the plain words Telegram takes (bot/texts/fit.py)."""
    words = fit_answer(said) if said else None
    try:
        await patiently(lambda: query.answer(words, show_alert=show_alert),
                        tries=PRESS_TRIES, pause=0.3, longest=3.0)
    except TelegramError:
        return  # too old to answer: Telegram has stopped the spinner itself


def reply_to(message: Message, html: str, rows: ButtonRows = ()) -> Outgoing:
    """An answer in the message's chat and topic, as a reply to it."""
    return Outgoing(message.chat_id, html, thread_of(message) or None, message.message_id, rows)


async def reply(unit: Unit, update: Update, language: str, item: Text | str,
                **params: object) -> None:
    """Answers in the same chat and topic, as a reply to the message."""
    message = update.effective_message
    if message is None:
        return
    said = text(item, **params) if isinstance(item, str) else item
    await unit.send(reply_to(message, render(language, said)))


@dataclass(frozen=True)
class GroupCommand:
    """A command in a set-up group, inside its update's transaction."""

    group: Group
    user: User
    chat: Chat
    message: Message
    args: list[str]
    admin: bool
    unit: Unit
    context: Context

    @property
    def language(self) -> str:
        return self.group.settings.language

    async def reply(self, item: Text | str, **params: object) -> None:
        said = text(item, **params) if isinstance(item, str) else item
        await self.unit.send(reply_to(self.message, render(self.language, said)))

    async def reply_html(self, html: str, rows: ButtonRows = ()) -> None:
        await self.unit.send(reply_to(self.message, html, rows))


AdminRule = bool | Callable[[list[str]], bool]


def group_command(*, admin: AdminRule = False, refusal: str = "bot.only_admins",
                  know_admin: bool = False, rationed: bool = False, configures: bool = False
                  ) -> Callable[[Callable[[GroupCommand], Awaitable[None]]],
                                Callable[[Update, Context], Coroutine[None, None, None]]]:
    """The preamble of every group command: a set-up group (else one "not set up" answer
    every few minutes), one answer per short interval to the same command, and, where
    `admin` says so for the given arguments, an admin (else `refusal`); `know_admin` only
    tells the handler whether the sender is one; a `rationed` command (one that only shows
    something) is answered once per short interval to the same person. A command that
    `configures` the group (its forms that only show something too) is an admin's, so an
    admin posting anonymously as the group uses all of it, as an admin; other commands are
    taking part, which needs a person's own name. The admin check asks Telegram before the
    transaction starts, so the database is never held while waiting."""

    def decorate(handler: Callable[[GroupCommand], Awaitable[None]]
                 ) -> Callable[[Update, Context], Coroutine[None, None, None]]:
        @functools.wraps(handler)
        async def run(update: Update, context: Context) -> None:
            user, chat, message = update.effective_user, update.effective_chat, \
                update.effective_message
            if user is None or chat is None or message is None:
                return
            svc, now = services(context), time.monotonic()
            place = (chat.id, thread_of(message))
            if svc.throttle.recent(("not_set_up", place), flood.NOT_SET_UP_EVERY, now):
                return  # told a moment ago; a stranger's flood costs no database or Telegram
            word = (message.text or "").split(maxsplit=1)[0].split("@")[0]
            if rationed and not svc.throttle.allow(("command", place, user.id, word),
                                                   flood.SAME_COMMAND_EVERY, now):
                return
            args = list(context.args or ())
            needs_admin = admin(args) if callable(admin) else admin
            anonymous = posted_as(message)
            if anonymous == "admin":
                allowed = True  # only an admin of this chat can post as the chat itself
            else:
                allowed = await is_admin(context, chat.id, user.id) \
                    if (needs_admin or know_admin) and anonymous is None else False
            async with handling(update, context) as unit:
                if unit is None:
                    return
                group = await find_group(unit, update)
                if group is None:
                    if svc.throttle.allow(("not_set_up", place), flood.NOT_SET_UP_EVERY, now):
                        await reply(unit, update, user_language(user),
                                    await not_set_up_here(unit.tx, chat.id))
                    return
                if anonymous is not None and not (allowed and (needs_admin or configures)):
                    # Configuring is an admin's; taking part needs a person's own name.
                    await explain_anonymous(unit, update, context, group.settings.language)
                    return
                if needs_admin and not allowed:
                    await reply(unit, update, group.settings.language, refusal)
                    return
                await handler(GroupCommand(group, user, chat, message, args, allowed, unit,
                                           context))

        return run

    return decorate
