"""/summary of the group's last closed cycle, and a member's own data: /export sends it to them,
/forget erases it (SPEC sections 5 and 6: members can see and delete their own data).

Both data commands work only in the private chat, so nobody's data is ever posted in a group.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from telegram import CallbackQuery, Update, User
from telegram.constants import ParseMode
from telegram.error import Forbidden, TelegramError
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, ContextTypes, filters

from bot.engine.services import services
from bot.handlers.common import (
    answer,
    current_group,
    group_command,
    in_group,
    is_admin,
    reply,
    user_language,
)
from bot.texts.render import keyboard, render_all, say
from flows.cycle.model import CycleContext
from flows.effects import Button, text
from flows.reports.group_summary import group_summary
from flows.reports.portfolio import as_markdown, portfolio
from storage import contributions, cycles, members
from storage.privacy import (
    forget_member,
    has_anything,
    last_closed_cycle,
    member_data,
    open_cycle_as_inbrenger,
)

log = logging.getLogger(__name__)

EXPORT_FILENAME = "intervision-export.json"
FORGET_PREFIX = "forget"
# A confirmation to erase everything should not stay clickable for days.
CONFIRM_VALID = timedelta(minutes=15)


@dataclass(frozen=True)
class ForgetButton:
    """`forget:<yes|no>:<user id>:<issued, unix seconds>`: whose question it was and when, so
    a forged button or one from long ago is recognised and answered kindly."""

    answer: str
    user_id: int
    issued: int

    def pack(self) -> str:
        return f"{FORGET_PREFIX}:{self.answer}:{self.user_id}:{self.issued}"

    @classmethod
    def unpack(cls, data: str) -> ForgetButton | None:
        parts = data.split(":")
        if (len(parts) != 4 or parts[0] != FORGET_PREFIX or parts[1] not in ("yes", "no")
                or not parts[2].isdigit() or not parts[3].isdigit()):
            return None
        return cls(parts[1], int(parts[2]), int(parts[3]))

    def is_stale(self, now: datetime) -> bool:
        return abs(now.timestamp() - self.issued) > CONFIRM_VALID.total_seconds()


def _private_link(context: ContextTypes.DEFAULT_TYPE) -> str:
    return f"https://t.me/{context.bot.username}?start=hi"


async def summary_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Any member may ask for the summary of the group's last closed cycle again."""
    command = await group_command(update, context)
    message = update.effective_message
    if command is None or message is None:
        return
    group, svc = command.group, services(context)
    async with svc.db.reading() as tx:
        cycle = await last_closed_cycle(tx, group.id)
        ctx = None if cycle is None else CycleContext(
            cycle, group.settings, await members.active(tx, group.id), svc.now(),
            await contributions.of_cycle(tx, cycle.id))
    if ctx is None:
        await reply(update, command.language, "privacy.summary_none")
        return
    await answer(message, render_all(command.language, group_summary(ctx)))


async def export_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    user, message = update.effective_user, update.effective_message
    if user is None or message is None:
        return
    if in_group(update):
        await _export_in_group(update, context, user)
        return
    svc = services(context)
    async with svc.db.reading() as tx:
        data = await member_data(tx, user.id)
    language = user_language(user)
    if not has_anything(data):
        await reply(update, language, "privacy.nothing_stored")
        return
    document = {"exported_at": svc.now().isoformat(timespec="seconds"), **data}
    await message.reply_document(
        json.dumps(document, ensure_ascii=False, indent=2).encode(), filename=EXPORT_FILENAME,
        caption=say(language, "privacy.export_caption"), parse_mode=ParseMode.HTML)


async def _export_in_group(update: Update, context: ContextTypes.DEFAULT_TYPE,
                           user: User) -> None:
    """In a group: a member is sent to the private chat; an admin gets the group's portfolio
    there as well (learning questions, commitments and balance of every cycle)."""
    group, chat = await current_group(update, context), update.effective_chat
    language = group.settings.language if group else user_language(user)
    link = _private_link(context)
    if group is None or chat is None or not await is_admin(context, chat.id, user.id):
        await reply(update, language, "privacy.export_private_only", link=link)
        return
    async with services(context).db.reading() as tx:
        group_cycles = [(c, await contributions.of_cycle(tx, c.id))
                        for c in await cycles.of_group(tx, group.id)]
        everyone = await members.active(tx, group.id)
    markdown = as_markdown(portfolio(group, everyone, group_cycles))
    try:
        await context.bot.send_document(
            user.id, markdown.encode(), filename=f"intervision-portfolio-{group.id}.md",
            caption=say(language, "privacy.portfolio_caption", group=group.title),
            parse_mode=ParseMode.HTML)
    except Forbidden:
        await reply(update, language, "privacy.start_private_first", link=link)
        return
    await reply(update, language, "privacy.portfolio_sent", link=link)


async def forget_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    user, message = update.effective_user, update.effective_message
    if user is None or message is None:
        return
    if in_group(update):
        group = await current_group(update, context)
        language = group.settings.language if group else user_language(user)
        await reply(update, language, "privacy.forget_private_only",
                    link=_private_link(context))
        return
    language = user_language(user)
    svc = services(context)
    async with svc.db.reading() as tx:
        data = await member_data(tx, user.id)
        running = await open_cycle_as_inbrenger(tx, user.id)
    if not has_anything(data):
        await reply(update, language, "privacy.nothing_stored")
        return
    if running:
        await reply(update, language, "privacy.open_cycle")
        return
    issued = int(svc.now().timestamp())
    buttons = ((Button(text("privacy.button.yes"),
                       ForgetButton("yes", user.id, issued).pack()),
                Button(text("privacy.button.no"), ForgetButton("no", user.id, issued).pack())),)
    await answer(message, say(language, "privacy.forget_confirm"), keyboard(language, buttons))


async def forget_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Every press is answered: a forged, foreign or old button kindly and without effect."""
    query = update.callback_query
    if query is None or query.data is None:
        return
    user = query.from_user
    language = user_language(user)
    button = ForgetButton.unpack(query.data)
    svc = services(context)
    in_own_chat = query.message is not None and query.message.chat.id == user.id
    if button is None or button.is_stale(svc.now()):
        await query.answer(say(language, "privacy.stale"), show_alert=True)
        return
    if button.user_id != user.id or not in_own_chat:
        await query.answer(say(language, "privacy.foreign"), show_alert=True)
        return
    if button.answer == "no":
        await query.answer(say(language, "privacy.kept_short"))
        await _replace(query, say(language, "privacy.kept"))
        return
    async with svc.db.transaction() as tx:
        running = await open_cycle_as_inbrenger(tx, user.id)
        erased = None if running else await forget_member(tx, user.id)
    if erased is None:
        await query.answer(say(language, "privacy.open_cycle_short"), show_alert=True)
        await _replace(query, say(language, "privacy.open_cycle"))
        return
    await query.answer(say(language, "privacy.erased_short"))
    await _replace(query, say(language, "privacy.erased", **erased))


async def _replace(query: CallbackQuery, html: str) -> None:
    """The confirmation becomes the outcome, so its buttons cannot be pressed again."""
    try:
        await query.edit_message_text(html, parse_mode=ParseMode.HTML, reply_markup=None)
    except TelegramError as error:
        log.warning("forget confirmation not updated: %s", error.message)


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [
        CommandHandler("summary", summary_command, filters.ChatType.GROUPS),
        CommandHandler("export", export_command),
        CommandHandler("forget", forget_command),
        CallbackQueryHandler(forget_button, pattern=f"^{FORGET_PREFIX}:"),
    ]
