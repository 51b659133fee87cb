"""The cycle in the group: commands, clips, messages and the buttons of the cycle."""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from telegram import Update
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.engine.events import Once, run_event, start_cycle
from bot.engine.services import services
from bot.handlers import clip_intake
from bot.handlers.common import (
    admin_or_refuse,
    current_group,
    group_command,
    is_admin,
    reply,
    user_language,
)
from bot.texts.render import render, say
from flows.callbacks import CycleButton
from flows.cycle.model import (
    Accept,
    Cancel,
    Consent,
    Contribution,
    Cycle,
    Event,
    LookBackChoice,
    Next,
    Swap,
    ToggleTips,
    Wait,
    Watched,
)
from flows.effects import Text
from flows.model import Group, Member
from storage import contributions, cycles, members
from storage import timers as timer_store

log = logging.getLogger(__name__)


def _once(update: Update) -> Once:
    return Once(update_id=update.update_id)


async def _decide_and_answer(update: Update, context: ContextTypes.DEFAULT_TYPE, group: Group,
                             event: Event, cycle_id: int | None = None) -> None:
    """Runs the event; a refusal is answered to whoever caused it."""
    decision = await run_event(context.application, group, event, cycle_id=cycle_id,
                               once=_once(update))
    language = group.settings.language
    query = update.callback_query
    if decision is None:
        if query:
            await query.answer(say(language, "cycle.refused.stale"), show_alert=True)
        elif update.effective_message and update.effective_message.text and \
                update.effective_message.text.startswith("/"):
            await reply(update, language, "cycle.refused.no_cycle")
        return
    if query:
        answer = decision.refusal or decision.ack
        await query.answer(render(language, answer) if answer else None,
                           show_alert=decision.refusal is not None)
    elif decision.refusal is not None:
        await reply(update, language, decision.refusal)


async def cycle_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/cycle [name]: an admin starts a cycle now, optionally naming the inbrenger."""
    command = await group_command(update, context)
    if command is None or not await admin_or_refuse(update, context, command,
                                                    "bot.only_admins_cycle"):
        return
    group, user, language = command.group, command.user, command.language
    inbrenger_id = None
    if context.args:
        inbrenger_id = await _member_named(context, group, " ".join(context.args))
        if inbrenger_id is None:
            await reply(update, language, "cycle.refused.inbrenger_not_member")
            return
    started = await start_cycle(context.application, group, actor_id=user.id,
                                inbrenger_id=inbrenger_id, once=_once(update))
    if isinstance(started, Text):
        await reply(update, language, started)


async def _member_named(context: ContextTypes.DEFAULT_TYPE, group: Group, name: str) -> int | None:
    wanted = name.strip().lstrip("@").lower()
    async with services(context).db.reading() as tx:
        everyone = await members.active(tx, group.id)
    for member in everyone:
        if member.name.lower() == wanted or member.name.lower().startswith(wanted):
            return member.user_id
    return None


async def next_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _simple(update, context, lambda uid, admin: Next(uid, admin))


async def tips_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _simple(update, context, lambda uid, admin: ToggleTips(uid))


async def cancel_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _simple(update, context, lambda uid, admin: Cancel(uid, admin))


async def _simple(update: Update, context: ContextTypes.DEFAULT_TYPE,
                  make: Callable[[int, bool], Event]) -> None:
    """A command that is one cycle event from its sender (with whether they are an admin)."""
    command = await group_command(update, context)
    if command is None:
        return
    admin = await is_admin(context, command.chat.id, command.user.id)
    await _decide_and_answer(update, context, command.group, make(command.user.id, admin))


async def status_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    command = await group_command(update, context)
    if command is None:
        return
    group, language = command.group, command.language
    svc = services(context)
    async with svc.db.reading() as tx:
        cycle = await cycles.open_cycle(tx, group.id)
        if cycle is None:
            await reply(update, language, "cycle.refused.no_cycle")
            return
        everyone = await members.active(tx, group.id)
        spoken = {c.user_id for c in await contributions.of_cycle(tx, cycle.id)}
        timer = await timer_store.get(tx, group.id, f"cycle:{cycle.id}:phase_reminder")
    await reply(update, language, status_text(language, group, cycle, everyone, spoken,
                                              timer.due_at if timer else None, svc.now()))


def status_text(language: str, group: Group, cycle: Cycle, everyone: tuple[Member, ...],
                spoken: set[int], due: datetime | None, now: datetime) -> Text:
    """/status: the phase, the time left in it, who has not spoken yet, and the tips floor."""
    inbrenger = next((m.name for m in everyone if m.user_id == cycle.inbrenger_id), "?")
    quiet = [m.name for m in everyone if m.user_id not in spoken
             and m.user_id != cycle.inbrenger_id]
    minutes_left = max(0, int((due - now).total_seconds() // 60)) if due else None
    return Text("cycle.status", {
        "phase": say(language, f"cycle.phase.{cycle.phase.value}"),
        "name": inbrenger,
        "time_left": say(language, "cycle.status_time", minutes=minutes_left)
        if minutes_left is not None else "—",
        "quiet": ", ".join(quiet) if quiet else say(language, "cycle.status_everyone_spoke"),
        "tips": say(language, "cycle.status_tips_open" if cycle.tips_open
                    else "cycle.status_tips_closed"),
    })


async def on_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A member's text in the group while a cycle runs (outside a cycle it is just chat)."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None or not message.text:
        return
    group = await current_group(update, context)
    if group is None:
        return
    event = Contribution(user.id, message.message_id, message.text)
    await _decide_and_answer(update, context, group, event)


async def on_edit(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An edited message changes the stored contribution's words; it is no new contribution,
    so it is neither counted again nor nudged again."""
    message = update.edited_message
    if message is None or not message.text:
        return
    group = await current_group(update, context)
    if group is None:
        return
    async with services(context).db.transaction() as tx:
        cycle = await cycles.open_cycle(tx, group.id)
        if cycle is not None:
            await contributions.edit_text(tx, cycle.id, message.message_id, message.text)


async def on_clip(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    group = await current_group(update, context)
    if group is None:
        return
    event = await clip_intake.clip_event(context, user.id, message)
    if event is None:
        # Other files are just shared in the chat; only the inbrenger who owes a clip hears
        # that this one is not a video.
        async with services(context).db.reading() as tx:
            cycle = await cycles.open_cycle(tx, group.id)
        if cycle and cycle.inbrenger_id == user.id and cycle.clip is None:
            await reply(update, group.settings.language, "cycle.not_a_video")
        return
    await _decide_and_answer(update, context, group, event)


_ACTIONS: dict[str, Callable[[int, bool, str], Event]] = {
    "accept": lambda uid, admin, arg: Accept(uid),
    "swap": lambda uid, admin, arg: Swap(uid, admin),
    "consent": lambda uid, admin, arg: Consent(uid),
    "watched": lambda uid, admin, arg: Watched(uid),
    "next": lambda uid, admin, arg: Next(uid, admin),
    "tips": lambda uid, admin, arg: ToggleTips(uid),
    "cancel": lambda uid, admin, arg: Cancel(uid, admin),
    "look": lambda uid, admin, arg: LookBackChoice(uid, int(arg) if arg.isdigit() else -1),
    "wait": lambda uid, admin, arg: Wait(uid),
}


async def on_cycle_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query, chat = update.callback_query, update.effective_chat
    if query is None or query.data is None or chat is None:
        return
    button = CycleButton.unpack(query.data)
    group = await current_group(update, context)
    if button is None or group is None or button.action not in _ACTIONS:
        await query.answer(say(user_language(query.from_user), "cycle.refused.stale"),
                           show_alert=True)
        return
    admin = await is_admin(context, chat.id, query.from_user.id) \
        if button.action in ("swap", "next", "cancel") else False
    event = _ACTIONS[button.action](query.from_user.id, admin, button.argument)
    await _decide_and_answer(update, context, group, event, cycle_id=button.cycle_id)


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    groups_only = filters.ChatType.GROUPS
    return [
        CommandHandler("cycle", cycle_command, groups_only),
        CommandHandler("next", next_command, groups_only),
        CommandHandler("tips", tips_command, groups_only),
        CommandHandler("cancel", cancel_command, groups_only),
        CommandHandler("status", status_command, groups_only),
        MessageHandler(groups_only & filters.UpdateType.EDITED_MESSAGE & filters.TEXT, on_edit),
        MessageHandler(groups_only & filters.UpdateType.MESSAGE & clip_intake.CLIP_FILTER,
                       on_clip),
        MessageHandler(groups_only & filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND,
                       on_message),
        CallbackQueryHandler(on_cycle_button, pattern=r"^cy:"),
    ]

