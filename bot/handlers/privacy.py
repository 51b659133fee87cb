"""A member's own data: /export sends it to them, /forget erases it (SPEC sections 5 and 6:
members can see and delete their own data).

Both data commands work only in the private chat, so nobody's data is ever posted in a group.
"""
from __future__ import annotations

import json

from telegram import Update, User
from telegram.ext import BaseHandler, CallbackQueryHandler, ContextTypes

from bot.engine.effects import buttons as button_rows
from bot.engine.outgoing import Document, Edit
from bot.engine.work import Unit
from bot.handlers.commands import command
from bot.handlers.common import (
    answer_press,
    find_group,
    handling,
    in_group,
    is_admin,
    private_link,
    reply,
    reply_to,
    user_language,
)
from bot.texts.render import say
from flows.callbacks import ForgetButton, parse, pattern
from flows.effects import Button, text
from flows.reports.portfolio import as_markdown, portfolio
from storage import contributions, cycles, members
from storage.privacy import forget_member, has_anything, member_data, open_cycle_as_inbrenger

EXPORT_FILENAME = "intervision-export.json"


async def export_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    user, message, chat = update.effective_user, update.effective_message, update.effective_chat
    if user is None or message is None or chat is None:
        return
    admin = in_group(update) and await is_admin(context, chat.id, user.id)
    async with handling(update, context) as unit:
        if unit is None:
            return
        if in_group(update):
            await _export_in_group(unit, update, context, user, admin)
            return
        data = await member_data(unit.tx, user.id)
        language = user_language(user)
        if not has_anything(data):
            await reply(unit, update, language, "privacy.nothing_stored")
            return
        document = {"exported_at": unit.now.isoformat(timespec="seconds"), **data}
        await unit.send(Document(user.id, EXPORT_FILENAME,
                                 json.dumps(document, ensure_ascii=False, indent=2),
                                 say(language, "privacy.export_caption")))


async def _export_in_group(unit: Unit, update: Update, context: ContextTypes.DEFAULT_TYPE,
                           user: User, admin: bool) -> None:
    """In a group: a member is sent to the private chat; an admin gets the group's portfolio
    there as well (learning questions, commitments and balance of every cycle)."""
    group = await find_group(unit, update)
    language = group.settings.language if group else user_language(user)
    link = private_link(context)
    if group is None or not admin:
        await reply(unit, update, language, "privacy.export_private_only", link=link)
        return
    if not await members.can_write_privately(unit.tx, user.id):
        await reply(unit, update, language, "privacy.start_private_first", link=link)
        return
    group_cycles = [(c, await contributions.of_cycle(unit.tx, c.id))
                    for c in await cycles.of_group(unit.tx, group.id)]
    everyone = await members.active(unit.tx, group.id)
    markdown = as_markdown(portfolio(group, everyone, group_cycles))
    await unit.send(Document(user.id, f"intervision-portfolio-{group.id}.md", markdown,
                             say(language, "privacy.portfolio_caption", group=group.title)))
    await reply(unit, update, language, "privacy.portfolio_sent", link=link)


async def forget_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    user, message = update.effective_user, update.effective_message
    if user is None or message is None:
        return
    async with handling(update, context) as unit:
        if unit is None:
            return
        if in_group(update):
            group = await find_group(unit, update)
            language = group.settings.language if group else user_language(user)
            await reply(unit, update, language, "privacy.forget_private_only",
                        link=private_link(context))
            return
        language = user_language(user)
        data = await member_data(unit.tx, user.id)
        if not has_anything(data):
            await reply(unit, update, language, "privacy.nothing_stored")
            return
        if await open_cycle_as_inbrenger(unit.tx, user.id):
            await reply(unit, update, language, "privacy.open_cycle")
            return
        issued = int(unit.now.timestamp())
        choice = ((Button(text("privacy.button.yes"), ForgetButton("yes", user.id, issued).pack()),
                   Button(text("privacy.button.no"), ForgetButton("no", user.id, issued).pack())),)
        await unit.send(reply_to(message, say(language, "privacy.forget_confirm"),
                                 button_rows(language, choice)))


async def forget_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Every press is answered: a forged, foreign or old button kindly and without effect."""
    query = update.callback_query
    if query is None:
        return
    user = query.from_user
    language = user_language(user)
    button = parse(query.data)
    in_own_chat = query.message is not None and query.message.chat.id == user.id
    async with handling(update, context) as unit:
        if unit is None:
            return
        if not isinstance(button, ForgetButton) or button.is_stale(unit.now):
            await answer_press(query, say(language, "privacy.stale"), show_alert=True)
            return
        if button.user_id != user.id or not in_own_chat or query.message is None:
            await answer_press(query, say(language, "privacy.foreign"), show_alert=True)
            return
        # The confirmation becomes the outcome, so its buttons cannot be pressed again.
        message_id = query.message.message_id
        if button.answer == "no":
            await unit.send(Edit(user.id, message_id, say(language, "privacy.kept")))
            short, alert = "privacy.kept_short", False
        elif await open_cycle_as_inbrenger(unit.tx, user.id):
            await unit.send(Edit(user.id, message_id, say(language, "privacy.open_cycle")))
            short, alert = "privacy.open_cycle_short", True
        else:
            erased = await forget_member(unit.tx, user.id)
            await unit.send(Edit(user.id, message_id, say(language, "privacy.erased", **erased)))
            short, alert = "privacy.erased_short", False
    await answer_press(query, say(language, short), show_alert=alert)


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [
        command("export", export_command),
        command("forget", forget_command),
        CallbackQueryHandler(forget_button, pattern=pattern(ForgetButton)),
    ]

