"""/coach: a group admin makes a single-use invite link for a coach; the coach opens it in a
private chat with the bot and from then on receives the group's cycle summaries.

    /coach                 a new invite (admin), sent privately to the admin
    /coach list            the linked coaches by name (members, admins and the coaches)
    /coach remove [NAME]   unlink a coach (admin; a name's start, in any case; buttons
                           where that is several coaches, or no name)
    /coach revoke          every open invite of the group stops working (admin)
"""
from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, filters

from bot.engine import coach_reports
from bot.engine.effects import buttons, to_group
from bot.engine.outgoing import Message
from bot.engine.work import Unit
from bot.handlers.choose import person_buttons
from bot.handlers.commands import command
from bot.handlers.common import (
    GroupCommand,
    display_name,
    group_command,
    posted_as,
    private_link,
    reply,
    reply_to,
    user_language,
)
from bot.texts.render import say
from flows.coach_invite import LINK, invite_answer
from flows.effects import text
from flows.naming import named
from storage import coaches, groups, members

LIST = ("list", "lijst")
REMOVE = ("remove", "verwijder", "verwijderen")
REVOKE = ("revoke", "intrekken", "trek")


def _word(args: list[str]) -> str:
    return args[0].lower() if args else ""


def _needs_admin(args: list[str]) -> bool:
    return _word(args) not in LIST


@group_command(admin=_needs_admin, refusal="coaches.only_admins", know_admin=True,
               configures=True)
async def coach_command(cmd: GroupCommand) -> None:
    word = _word(cmd.args)
    if word in LIST:
        await _list(cmd)
    elif word in REMOVE:
        await _remove(cmd, " ".join(cmd.args[1:]).strip())
    elif word in REVOKE:
        revoked = await coaches.revoke_invites(cmd.unit.tx, cmd.group.id, cmd.unit.now)
        await cmd.reply("coaches.revoked", count=revoked)
    elif word:
        await cmd.reply("coaches.usage")
    else:
        await _invite(cmd)


async def _invite(cmd: GroupCommand) -> None:
    if posted_as(cmd.message) == "admin":
        # Telegram names nobody behind an anonymous admin, so the invite (which goes privately)
        # could reach nobody, and "start a private chat first" would be asked forever.
        await cmd.reply("coach.invite_own_name")
        return
    start_first = say(cmd.language, "coach.start_bot_first", link=private_link(cmd.context))
    if not await members.can_write_privately(cmd.unit.tx, cmd.user.id):
        await cmd.reply_html(start_first)  # no invite made: nobody could receive it
        return
    token = await coaches.create_invite(cmd.unit.tx, cmd.group.id, cmd.user.id, cmd.unit.now)
    link = private_link(cmd.context, f"coach_{token}")
    # The link goes privately to the admin: posted in the group, anyone could take it. Should
    # the admin have blocked the bot since, the group hears how to fix that instead.
    # It names the group: an admin of a supergroup whose topics are groups makes several.
    invite = say(cmd.language, "coach.invite", link=link, group=cmd.group.title)
    await cmd.unit.send(Message(cmd.user.id, invite,
                                fallback=reply_to(cmd.message, start_first)))
    await cmd.reply("coach.invite_sent")


async def _list(cmd: GroupCommand) -> None:
    """Names only: a coach's Telegram id is nobody's business in the group."""
    if not cmd.admin and await members.get(cmd.unit.tx, cmd.group.id, cmd.user.id) is None \
            and not await coaches.is_coach_of(cmd.unit.tx, cmd.group.id, cmd.user.id):
        await cmd.reply("coaches.list_members_only")
        return
    linked = await coaches.named(cmd.unit.tx, cmd.group.id)
    if not linked:
        await cmd.reply("coaches.none")
        return
    await cmd.reply("coaches.list", count=len(linked),
                    lines=tuple(text("coaches.line", name=name or "?") for _, name in linked))


async def _remove(cmd: GroupCommand, wanted: str) -> None:
    """A coach by name ("carla" finds "Coach Carla"); where that is several, or no name was
    typed, the admin chooses with a button (two coaches may share a name)."""
    linked = [(user_id, name or "?") for user_id, name in
              await coaches.named(cmd.unit.tx, cmd.group.id)]
    matches = named(wanted, linked) if wanted else linked
    if not linked:
        await cmd.reply("coaches.none")
    elif not matches:
        await cmd.reply("coaches.unknown", name=wanted[:60])
    elif len(matches) > 1 or not wanted:
        await cmd.reply_html(say(cmd.language, "coaches.which"), buttons(
            cmd.language, person_buttons(cmd.group, "uncoach", matches)))
    else:
        user_id, name = matches[0]
        await coaches.unlink(cmd.unit.tx, cmd.group.id, user_id)
        await cmd.reply("coaches.removed", name=name)
        await cmd.unit.send(coach_reports.unlinked(cmd.group, user_id))


async def redeem(unit: Unit, update: Update, token: str) -> None:
    """The person opened an invite: linked, or told why not (flows/coach_invite.py)."""
    user = update.effective_user
    assert user is not None
    invite = await coaches.invite_of(unit.tx, token, unit.now)
    group = await groups.get(unit.tx, invite.group_id) if invite else None
    if invite is None or group is None:
        await reply(unit, update, user_language(user), "coach.invite_invalid")
        return
    key = invite_answer(invite, user.id,
                        coach=await coaches.is_coach_of(unit.tx, group.id, user.id),
                        member=await members.get(unit.tx, group.id, user.id) is not None)
    if key == LINK and not await coaches.redeem(unit.tx, token, user.id, display_name(user),
                                                unit.now):
        key = "coach.invite_invalid"
    await reply(unit, update, group.settings.language, key, group=group.title)
    if key == LINK:  # who reads the group's summaries is the group's to know (SPEC 5, 6)
        await unit.send(to_group(group, say(group.settings.language, "coaches.linked_told",
                                            name=display_name(user))))


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [command("coach", coach_command, filters.ChatType.GROUPS)]
