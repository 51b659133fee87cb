"""/leave, confirmed: a member who types it hears what stopping means (no more turns, their
words no longer counted) and stops only with their own "Ja, ik stop". A member who only has
to go today need not stop at all: the Dutch group review saw /leave take effect at once in
the middle of the talk. The open cycle goes on without them (flows/cycle/leaving.py), except
that the inbrenger stays in the talk about their own clip."""
from __future__ import annotations

from telegram.ext import BaseHandler, CallbackQueryHandler, filters

from bot.engine.effects import buttons
from bot.engine.events import decide_in
from bot.engine.outgoing import Edit
from bot.engine.work import Unit
from bot.handlers.commands import command
from bot.handlers.common import GroupCommand, display_name, group_command
from bot.handlers.group_button import GroupPress, PressAnswer, group_button
from bot.texts.render import render, say
from flows.callbacks import LeaveButton, pattern
from flows.cycle.events import MemberLeft
from flows.cycle.leaving import leave_refusal
from flows.effects import Button, text
from flows.model import Group, Member
from storage import cycles, members


@group_command()
async def leave(cmd: GroupCommand) -> None:
    member = await members.get(cmd.unit.tx, cmd.group.id, cmd.user.id)
    if member is None:
        await cmd.reply("bot.not_a_member", name=display_name(cmd.user))
        return
    cycle = await cycles.open_cycle(cmd.unit.tx, cmd.group.id)
    refusal = leave_refusal(cycle, member.user_id, member.name)
    if refusal is not None:
        await cmd.reply(refusal)
        return
    # The inbrenger before their talk may only want to pass this one turn on (/swap).
    asked = "bot.leave_confirm_inbrenger" if cycle is not None \
        and cycle.inbrenger_id == member.user_id else "bot.leave_confirm"
    choice = ((Button(text("bot.button.leave_yes"),
                      LeaveButton(cmd.group.id, "yes", member.user_id).pack()),
               Button(text("bot.button.leave_no"),
                      LeaveButton(cmd.group.id, "no", member.user_id).pack())),)
    await cmd.reply_html(say(cmd.language, asked, name=member.name),
                         buttons(cmd.language, choice))


@group_button(LeaveButton, stale="bot.leave_stale")
async def leave_pressed(press: GroupPress[LeaveButton]) -> PressAnswer:
    """Only the member who asked decides; the question becomes its outcome."""
    group, button, language = press.group, press.button, press.language
    member = await members.get(press.unit.tx, group.id, button.user_id)
    if press.presser != button.user_id:
        name = member.name if member else "?"
        return PressAnswer(say(language, "bot.leave_not_yours", name=name), alert=True)
    if member is None:  # left already (a second press, or they left the chat)
        return PressAnswer(say(language, "bot.leave_stale"), alert=True)
    if button.answer == "no":
        kept = say(language, "bot.leave_kept", name=member.name)
        await press.unit.send(Edit(group.chat_id, press.message_id, kept))
        return PressAnswer(kept)
    refusal = leave_refusal(await cycles.open_cycle(press.unit.tx, group.id), member.user_id,
                            member.name)
    if refusal is not None:  # their cycle's talk began since they asked
        return PressAnswer(render(language, refusal), alert=True)
    # /forget erases one group's words or every group's: someone in other groups hears that
    # what they said there stays unless they choose otherwise (review ux20).
    elsewhere = set(await members.groups_of(press.unit.tx, member.user_id)) - {group.id}
    left = "bot.left_elsewhere" if elsewhere else "bot.left"
    await press.unit.send(Edit(group.chat_id, press.message_id,
                               say(language, left, name=member.name)))
    await without(press.unit, group, member)
    return PressAnswer(say(language, "bot.left_short"))


async def without(unit: Unit, group: Group, member: Member, *, left_chat: bool = False) -> None:
    """The member leaves the group; its open cycle goes on without them, or, for its
    inbrenger who left the chat (`left_chat`), waits a while for them to be added back
    (flows/cycle/leaving.py)."""
    await members.leave(unit.tx, group.id, member.user_id, unit.now, left_chat=left_chat)
    await decide_in(unit, group, MemberLeft(member.user_id, member.name, left_chat=left_chat))


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [command("leave", leave, filters.ChatType.GROUPS),
            CallbackQueryHandler(leave_pressed, pattern=pattern(LeaveButton))]
