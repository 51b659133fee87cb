"""/schedule: the group's rhythm of meetings, shown to anyone and set by an admin
('/schedule di 15:00 om de 2 weken', '/schedule off'); bot/engine/meetings.py plans the
timers that follow from it."""
from __future__ import annotations

from telegram.ext import BaseHandler, filters

from bot.engine.meetings import replan_in
from bot.handlers.commands import command
from bot.handlers.common import GroupCommand, group_command
from bot.texts.render import render_all
from flows.effects import text
from flows.schedule import plan as planning
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
        new: planning.Schedule | None = None
    else:
        parsed = planning.parse_schedule(argument, now, tz)
        if isinstance(parsed, planning.ScheduleError):
            await cmd.reply_html(render_all(cmd.language, parsed.texts()))
            return
        new = parsed
    await groups.set_schedule(cmd.unit.tx, cmd.group.id, new.to_text() if new else None)
    await replan_in(cmd.unit, cmd.group, new)
    if new is None:
        await cmd.reply("schedule.stopped")
    else:
        await cmd.reply_html(render_all(cmd.language, (text("schedule.saved"),)
                                        + planning.schedule_overview(new, now, tz,
                                                                     cmd.language)))


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [command("schedule", schedule_command, filters.ChatType.GROUPS)]
