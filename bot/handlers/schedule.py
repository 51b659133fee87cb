"""/schedule: the group's rhythm of meetings, shown to anyone and set by an admin
('/schedule di 15:00 om de 2 weken', '/schedule off'). A new rhythm is shown as understood,
with the next meetings, and saved only when an admin presses "save"; bot/engine/meetings.py
plans the timers that follow from it."""
from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, ContextTypes, filters

from bot.engine.effects import buttons
from bot.engine.meetings import replan_in
from bot.engine.outgoing import Edit
from bot.engine.work import Unit
from bot.handlers.commands import command
from bot.handlers.common import (
    GroupCommand,
    answer_press,
    group_command,
    handling,
    is_admin,
    user_language,
)
from bot.texts.render import render, render_all, say
from flows.callbacks import ScheduleButton, parse, pattern
from flows.effects import Button, text
from flows.model import Group
from flows.schedule import plan as planning
from flows.schedule.compact import compact, from_compact
from storage import groups


@group_command(admin=lambda args: bool(args), refusal="bot.only_admins_schedule")
async def schedule_command(cmd: GroupCommand) -> None:
    tz, now = cmd.group.settings.timezone, cmd.unit.now
    argument = " ".join(cmd.args).strip()
    if not argument:
        stored = await groups.schedule_of(cmd.unit.tx, cmd.group.id)
        current = planning.Schedule.from_text(stored) if stored else None
        await cmd.reply_html(render_all(cmd.language, planning.schedule_overview(
            current, now, tz, cmd.language)))
        return
    if planning.is_off(argument):
        await groups.set_schedule(cmd.unit.tx, cmd.group.id, None)
        await replan_in(cmd.unit, cmd.group, None)
        await cmd.reply("schedule.stopped")
        return
    parsed = planning.parse_schedule(argument, now, tz)
    if isinstance(parsed, planning.ScheduleError):
        await cmd.reply_html(render_all(cmd.language, parsed.texts()))
        return
    rhythm = await _button_rhythm(cmd.unit, cmd.group, parsed)
    choice = ((Button(text("schedule.button.save"),
                      ScheduleButton(cmd.group.id, "yes", rhythm).pack()),
               Button(text("schedule.button.drop"),
                      ScheduleButton(cmd.group.id, "no", rhythm).pack())),)
    await cmd.reply_html(render_all(cmd.language, (text("schedule.confirm"),)
                                    + planning.schedule_overview(parsed, now, tz, cmd.language)),
                         buttons(cmd.language, choice))


async def _button_rhythm(unit: Unit, group: Group, schedule: planning.Schedule) -> str:
    """The rhythm in the button itself when it fits in 64 bytes, else a held row's '#id'."""
    packed = compact(schedule)
    try:
        ScheduleButton(group.id, "yes", packed).pack()
    except ValueError:
        held = await groups.hold_schedule(unit.tx, group.id, schedule.to_text(), unit.now)
        return f"#{held}"
    return packed


async def _rhythm_of(unit: Unit, group: Group, button: ScheduleButton
                     ) -> planning.Schedule | None:
    if not button.rhythm.startswith("#"):
        return from_compact(button.rhythm)
    held_id = button.rhythm[1:]
    stored = await groups.take_held_schedule(unit.tx, int(held_id), group.id, unit.now) \
        if held_id.isdigit() else None
    return planning.Schedule.from_text(stored) if stored else None


async def on_schedule_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Save or drop: admins only (others are answered kindly); the question then shows the
    outcome without buttons, so it cannot be answered twice."""
    query, chat = update.callback_query, update.effective_chat
    if query is None or chat is None:
        return
    button = parse(query.data)
    admin = await is_admin(context, chat.id, query.from_user.id)
    stale = say(user_language(query.from_user), "schedule.stale")
    async with handling(update, context) as unit:
        if unit is None:
            return
        group = await groups.get(unit.tx, button.group_id) \
            if isinstance(button, ScheduleButton) else None
        if group is None or group.chat_id != chat.id or query.message is None \
                or not isinstance(button, ScheduleButton):
            await answer_press(query, stale, show_alert=True)
            return
        language, message_id = group.settings.language, query.message.message_id
        if not admin:
            await answer_press(query, say(language, "bot.only_admins_schedule"), show_alert=True)
            return
        if button.answer == "no":
            await unit.send(Edit(chat.id, message_id, say(language, "schedule.dropped")))
            said = "schedule.dropped_short"
        else:
            new = await _rhythm_of(unit, group, button)
            if new is None:
                await unit.send(Edit(chat.id, message_id, stale))
                await answer_press(query, stale, show_alert=True)
                return
            await groups.set_schedule(unit.tx, group.id, new.to_text())
            await replan_in(unit, group, new)
            shown = (text("schedule.saved"),) + planning.schedule_overview(
                new, unit.now, group.settings.timezone, language)
            await unit.send(Edit(chat.id, message_id, render_all(language, shown)))
            said = "schedule.saved"
    await answer_press(query, render(language, text(said)))


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [command("schedule", schedule_command, filters.ChatType.GROUPS),
            CallbackQueryHandler(on_schedule_button, pattern=pattern(ScheduleButton))]
