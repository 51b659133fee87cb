"""/schedule: the group's rhythm of meetings, shown to anyone and set by an admin
('/schedule di 15:00 om de 2 weken', '/schedule off'). A new rhythm is shown as understood,
with the next meetings, and saved only when an admin presses "save" (a rhythm of several
weeks, or one whose first meeting comes too soon, can first be moved a week later), while no
other rhythm was saved since (flows/schedule/question.py); bot/engine/meetings.py plans the
timers that follow from it."""
from __future__ import annotations

from telegram.ext import BaseHandler, CallbackQueryHandler, filters

from bot.engine.effects import buttons, to_group
from bot.engine.meetings import replan_in, schedule_changed
from bot.engine.outgoing import ButtonRows, Edit
from bot.engine.work import Unit
from bot.handlers.commands import command
from bot.handlers.common import GroupCommand, display_name, group_command
from bot.handlers.group_button import GroupPress, PressAnswer, group_button
from bot.texts.render import render, render_all, say
from flows.callbacks import ScheduleButton, pattern
from flows.cycle.start import new_cycle
from flows.effects import Button, Keyboard, Text, text
from flows.model import Group
from flows.schedule import plan as planning
from flows.schedule.compact import asked_mark, compact, from_compact, rhythm_mark
from flows.schedule.question import change_told, overtaken, soon_warning
from flows.schedule.words import schedule_overview
from storage import cycles, groups, members


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
    its other week, since only the admin knows which week the group meant, and any rhythm
    whose first meeting comes too soon to ask for its clip in time can begin a week later
    (the question says so, and who would hear at once that it is their turn)."""
    rhythm = await _button_rhythm(unit, group, schedule)
    marks = (asked_mark(unit.now), rhythm_mark(await groups.schedule_of(unit.tx, group.id)))

    def answer(kind: str) -> str:
        return ScheduleButton(group.id, kind, rhythm, *marks).pack()

    rows: Keyboard = ((Button(text("schedule.button.save"), answer("yes")),
                       Button(text("schedule.button.drop"), answer("no"))),)
    soon = soon_warning(schedule, unit.now, group.settings, await _announced(unit, group))
    if schedule.every_weeks > 1 or soon is not None:
        rows += ((Button(text("schedule.button.later"), answer("later")),),)
    shown = (text("schedule.confirm"),) + schedule_overview(
        schedule, unit.now, group.settings.timezone, language) + ((soon,) if soon else ())
    return render_all(language, shown), buttons(language, rows)


async def _announced(unit: Unit, group: Group) -> str | None:
    """Who a meeting announced now would name: the rotation's pick, or nobody while a cycle
    is open or too few members have joined (flows/cycle/start.py decides, as at the time)."""
    if await cycles.open_cycle(unit.tx, group.id):
        return None
    group_members = await members.active(unit.tx, group.id)
    cycle = new_cycle(group.id, group_members, unit.now)
    return None if isinstance(cycle, Text) else \
        next(m.name for m in group_members if m.user_id == cycle.inbrenger_id)


async def _button_rhythm(unit: Unit, group: Group, schedule: planning.Schedule) -> str:
    """The rhythm in the button itself when it fits in 64 bytes, else a held row's '#id'."""
    packed = compact(schedule)
    try:  # the longest of the answers, with the longest marks
        ScheduleButton(group.id, "later", packed, "z" * 6, "z" * 6).pack()
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
    outcome without buttons, so it cannot be answered twice. A question overtaken by another
    rhythm saved since (or older than a day) only says so. A saved change is told to the
    group in one line naming who made it, as a changed setting is."""
    group, unit, language = press.group, press.unit, press.language
    if not press.admin:
        return PressAnswer(say(language, "bot.only_admins_schedule"), alert=True)
    current = await groups.schedule_of(unit.tx, group.id)
    overtaken_by = overtaken(current, press.button.asked, press.button.base, unit.now, language)
    if overtaken_by is not None:
        return await _closed(press, render(language, overtaken_by))
    if press.button.answer == "no":
        await unit.send(Edit(group.chat_id, press.message_id, say(language, "schedule.dropped")))
        return PressAnswer(say(language, "schedule.dropped_short"))
    new = await _rhythm_of(unit, group, press.button)
    if new is None:  # a held rhythm already saved or dropped by another press
        return await _closed(press, say(language, "schedule.stale"))
    if press.button.answer == "later":
        later = planning.one_week_later(new, unit.now, group.settings.timezone)
        html, rows = await _question(unit, group, later, language)
        await unit.send(Edit(group.chat_id, press.message_id, html, rows))
        return PressAnswer(say(language, "schedule.moved_short"))
    if new != current:
        told = change_told(new, display_name(press.query.from_user), language)
        await unit.send(to_group(group, render(language, told)))
        await groups.set_schedule(unit.tx, group.id, new.to_text())
        await schedule_changed(unit, group)
    shown = (text("schedule.saved"),) + schedule_overview(
        new, unit.now, group.settings.timezone, language)
    await unit.send(Edit(group.chat_id, press.message_id, render_all(language, shown)))
    return PressAnswer(say(language, "schedule.saved"))


async def _closed(press: GroupPress[ScheduleButton], html: str) -> PressAnswer:
    """The question that can no longer decide says why, without its buttons."""
    await press.unit.send(Edit(press.group.chat_id, press.message_id, html))
    return PressAnswer(html, alert=True)


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [command("schedule", schedule_command, filters.ChatType.GROUPS),
            CallbackQueryHandler(on_schedule_button, pattern=pattern(ScheduleButton))]
