"""/schedule: the group's rhythm of meetings, shown to anyone and set by an admin
('/schedule di 15:00 om de 2 weken', '/schedule off'). A new rhythm is shown as understood,
with the next meetings, and saved only when an admin presses "save" (a rhythm of several
weeks can first be moved a week later); bot/engine/meetings.py plans the timers that follow
from it."""
from __future__ import annotations

from telegram.ext import BaseHandler, CallbackQueryHandler, filters

from bot.engine.effects import buttons
from bot.engine.meetings import replan_in, schedule_changed
from bot.engine.outgoing import ButtonRows, Edit
from bot.engine.work import Unit
from bot.handlers.commands import command
from bot.handlers.common import GroupCommand, group_command
from bot.handlers.group_button import GroupPress, PressAnswer, group_button
from bot.texts.render import render_all, say
from flows.callbacks import ScheduleButton, pattern
from flows.effects import Button, Keyboard, text
from flows.model import Group
from flows.schedule import plan as planning
from flows.schedule.compact import compact, from_compact
from flows.schedule.words import schedule_overview
from storage import cycles, groups


@group_command(admin=lambda args: bool(args), refusal="bot.only_admins_schedule",
               configures=True)
async def schedule_command(cmd: GroupCommand) -> None:
    tz, now = cmd.group.settings.timezone, cmd.unit.now
    argument = " ".join(cmd.args).strip()
    current = await groups.schedule_of(cmd.unit.tx, cmd.group.id)
    if not argument:
        cancelled = await cycles.cancelled_meetings(cmd.unit.tx, cmd.group.id, now)
        await cmd.reply_html(render_all(cmd.language, schedule_overview(
            current, now, tz, cmd.language, cancelled=cancelled)))
        return
    if planning.is_off(argument):
        await groups.set_schedule(cmd.unit.tx, cmd.group.id, None)
        await replan_in(cmd.unit, cmd.group, None)
        await cmd.reply("schedule.stopped")
        return
    parsed = planning.parse_schedule(argument, now, tz, current)
    if isinstance(parsed, planning.ScheduleError):
        await cmd.reply_html(render_all(cmd.language, parsed.texts()))
        return
    await cmd.reply_html(*await _question(cmd.unit, cmd.group, parsed, cmd.language))


async def _question(unit: Unit, group: Group, schedule: planning.Schedule, language: str
                    ) -> tuple[str, ButtonRows]:
    """"Save this?" with the next meetings; a rhythm of several weeks can also be moved to
    its other week, since only the admin knows which week the group meant."""
    rhythm = await _button_rhythm(unit, group, schedule)
    rows: Keyboard = ((Button(text("schedule.button.save"),
                              ScheduleButton(group.id, "yes", rhythm).pack()),
                       Button(text("schedule.button.drop"),
                              ScheduleButton(group.id, "no", rhythm).pack())),)
    if schedule.every_weeks > 1:
        rows += ((Button(text("schedule.button.later"),
                         ScheduleButton(group.id, "later", rhythm).pack()),),)
    shown = (text("schedule.confirm"),) + schedule_overview(
        schedule, unit.now, group.settings.timezone, language)
    return render_all(language, shown), buttons(language, rows)


async def _button_rhythm(unit: Unit, group: Group, schedule: planning.Schedule) -> str:
    """The rhythm in the button itself when it fits in 64 bytes, else a held row's '#id'."""
    packed = compact(schedule)
    try:
        ScheduleButton(group.id, "later", packed).pack()  # the longest of the answers
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


@group_button(ScheduleButton, stale="schedule.stale")
async def on_schedule_button(press: GroupPress[ScheduleButton]) -> PressAnswer:
    """Save or drop: admins only (others are answered kindly); the question then shows the
    outcome without buttons, so it cannot be answered twice."""
    group, unit, language = press.group, press.unit, press.language
    if not press.admin:
        return PressAnswer(say(language, "bot.only_admins_schedule"), alert=True)
    if press.button.answer == "no":
        await unit.send(Edit(group.chat_id, press.message_id, say(language, "schedule.dropped")))
        return PressAnswer(say(language, "schedule.dropped_short"))
    new = await _rhythm_of(unit, group, press.button)
    if new is None:  # a held rhythm already saved or dropped by another press
        stale = say(language, "schedule.stale")
        await unit.send(Edit(group.chat_id, press.message_id, stale))
        return PressAnswer(stale, alert=True)
    if press.button.answer == "later":
        later = planning.one_week_later(new, unit.now, group.settings.timezone)
        html, rows = await _question(unit, group, later, language)
        await unit.send(Edit(group.chat_id, press.message_id, html, rows))
        return PressAnswer(say(language, "schedule.moved_short"))
    await groups.set_schedule(unit.tx, group.id, new.to_text())
    await schedule_changed(unit, group)
    shown = (text("schedule.saved"),) + schedule_overview(
        new, unit.now, group.settings.timezone, language)
    await unit.send(Edit(group.chat_id, press.message_id, render_all(language, shown)))
    return PressAnswer(say(language, "schedule.saved"))


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [command("schedule", schedule_command, filters.ChatType.GROUPS),
            CallbackQueryHandler(on_schedule_button, pattern=pattern(ScheduleButton))]
