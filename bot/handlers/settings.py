"""/settings: anyone sees the group's settings; an admin changes one with `/settings name
value` or with the buttons under the overview (nudging, delivery, language), which then show
the new state. Either way the group reads one line of what changed
(`flows.settings_change.change_said`). The same buttons serve the language and time zone
choice under /setup."""
from __future__ import annotations

from dataclasses import replace

from telegram.ext import BaseHandler, CallbackQueryHandler, filters

from bot.engine.effects import buttons, to_group
from bot.engine.meetings import settings_changed
from bot.engine.outgoing import ButtonRows, Edit
from bot.engine.work import Unit
from bot.handlers.commands import command
from bot.handlers.common import GroupCommand, display_name, group_command
from bot.handlers.group_button import GroupPress, PressAnswer, group_button
from bot.texts.render import render, render_all, say
from flows.callbacks import SettingButton, pattern
from flows.effects import Text
from flows.model import Group, Settings
from flows.settings_change import change, change_said, describe
from flows.settings_choice import (
    SETUP_VIEW,
    settings_keyboard,
    settings_mark,
    setup_choice,
    setup_keyboard,
)
from storage import groups


@group_command(admin=lambda args: bool(args), refusal="bot.only_admins_settings",
               know_admin=True, configures=True)
async def settings_command(cmd: GroupCommand) -> None:
    """Without arguments anyone sees the settings (an admin with buttons to change them);
    with them an admin changes one."""
    if not cmd.args:
        rows = buttons(cmd.language, settings_keyboard(cmd.group.settings, cmd.group.id)) \
            if cmd.admin else ()
        await cmd.reply_html(render(cmd.language, describe(cmd.group.settings)), rows)
        return
    if len(cmd.args) < 2:
        await cmd.reply("settings.usage")
        return
    changed = change(cmd.group.settings, cmd.args[0], " ".join(cmd.args[1:]))
    if isinstance(changed, Text):
        await cmd.reply(changed)
        return
    said = change_said(cmd.group.settings, changed)
    if not said:
        await cmd.reply("choice.unchanged")
        return
    await cmd.reply_html(render_all(changed.language, said))
    await _save(cmd.unit, cmd.group, changed)  # after the answer: a running phase may follow


async def _save(unit: Unit, group: Group, changed: Settings) -> Group:
    """Saves the settings, plans the next meeting's timers by them, and lets the running
    phase follow a changed timebox."""
    await groups.save_settings(unit.tx, group.id, changed)
    saved = replace(group, settings=changed)
    await settings_changed(unit, saved, before=group.settings)
    return saved


def shown(view: str, group: Group) -> tuple[str, ButtonRows]:
    """The message a settings button sits on, as it reads now: the overview under /settings,
    the language and time zone choice under /setup."""
    settings, language = group.settings, group.settings.language
    if view == SETUP_VIEW:
        return (render(language, setup_choice(settings)),
                buttons(language, setup_keyboard(settings, group.id)))
    return (render(language, describe(settings)),
            buttons(language, settings_keyboard(settings, group.id)))


def setup_message(settings: Settings, group_id: int) -> tuple[str, ButtonRows]:
    """For /setup in a new group (bot/handlers/membership.py): the words and buttons."""
    return shown(SETUP_VIEW, Group(group_id, 0, settings=settings))


@group_button(SettingButton, stale="choice.stale")
async def on_setting_button(press: GroupPress[SettingButton]) -> PressAnswer:
    """Admins change; everyone else is answered kindly and nothing changes."""
    group, button, language = press.group, press.button, press.language
    changed = change(group.settings, button.name, button.value) if press.admin else None
    if changed is None:
        return PressAnswer(say(language, "choice.only_admins"), alert=True)
    if button.mark and button.mark != settings_mark(group.settings):
        # An older overview: another admin changed something since, and this press would
        # undo that unseen (the admin review). The message shows the settings of now first.
        html, rows = shown(button.view, group)
        await press.unit.send(Edit(group.chat_id, press.message_id, html, rows))
        return PressAnswer(say(language, "choice.overtaken"), alert=True)
    if isinstance(changed, Text):
        return PressAnswer(render(language, changed), alert=True)
    if changed == group.settings:
        return PressAnswer(say(language, "choice.unchanged"))
    before, group = group, await _save(press.unit, group, changed)
    html, rows = shown(button.view, group)
    await press.unit.send(Edit(group.chat_id, press.message_id, html, rows))
    if button.view != SETUP_VIEW:  # a group being set up reads the edited choice itself
        said = change_said(before.settings, changed, by=display_name(press.query.from_user))
        await press.unit.send(to_group(group, render_all(group.settings.language, said)))
    return PressAnswer(say(group.settings.language, "choice.changed"))


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [command("settings", settings_command, filters.ChatType.GROUPS),
            CallbackQueryHandler(on_setting_button, pattern=pattern(SettingButton))]
