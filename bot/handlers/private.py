"""A person's private chat with the bot: what /help says there (to a coach: what coaching
brings), and a pointer to the group for everything else sent there (words, a clip, a group
command), where the bot follows no conversation: words are pointed to where they would count
(the talk that runs, or the start of the member's next cycle)."""
from __future__ import annotations

import time

from telegram import Message, Update
from telegram.ext import BaseHandler, ContextTypes, MessageHandler, filters

from bot.engine.services import services
from bot.engine.work import Unit
from bot.handlers.commands import ADMIN_COMMANDS, PRIVATE_COMMANDS
from bot.handlers.common import handling, reply, reply_to, user_language
from bot.texts.render import render_all, text
from flows.model import BEFORE_TALK_PHASES, TALK_PHASES, Group
from storage import coaches, cycles, groups, members
from storage.db import Tx

# Words in the private chat are answered at most this often per person: a pointer, not a chat.
WORDS_ANSWERED_EVERY = 600.0
GROUP_ONLY = frozenset(ADMIN_COMMANDS) - frozenset(PRIVATE_COMMANDS)


async def coached_groups(tx: Tx, user_id: int) -> list[Group]:
    """The groups a person coaches."""
    return [group for group_id in await coaches.groups_of(tx, user_id)
            if (group := await groups.get(tx, group_id)) is not None]


async def coached_titles(unit: Unit, user_id: int) -> list[str]:
    """The names of the groups a person coaches, as the group's own messages name them."""
    return [group.title for group in await coached_groups(unit.tx, user_id)]


async def welcome_private(unit: Unit, update: Update, language: str, name: str) -> None:
    """/start without an invite: a coach (one who unblocked the bot, say) hears which groups
    they coach and where the cycles they may have missed are, not a member's welcome."""
    user = update.effective_user
    titles = await coached_titles(unit, user.id) if user else []
    groups_named = ", ".join(titles)
    if not titles:
        await reply(unit, update, language, "bot.welcome_private", name=name)
    elif user and update.effective_message and await members.groups_of(unit.tx, user.id):
        # A member elsewhere keeps the members' welcome: their reminders and nudges come here.
        await unit.send(reply_to(update.effective_message, render_all(language, (
            text("bot.welcome_private", name=name),
            text("bot.welcome_private_also_coach", groups=groups_named)))))
    else:
        await reply(unit, update, language, "bot.welcome_private_coach", name=name,
                    groups=groups_named)


async def help_private(unit: Unit, update: Update, language: str) -> None:
    """/help in the private chat: a coach hears what they receive and for which groups."""
    user = update.effective_user
    titles = await coached_titles(unit, user.id) if user else []
    if titles:
        await reply(unit, update, language, "bot.help_private_coach", groups=", ".join(titles))
        return
    joined = [group for group_id in (await members.groups_of(unit.tx, user.id) if user else [])
              if (group := await groups.get(unit.tx, group_id)) is not None]
    if joined:  # not "you join there with /join" to who did (a review of a school term)
        await reply(unit, update, language, "bot.help_private_member",
                    groups=", ".join(group.title or "—" for group in joined))
    else:
        await reply(unit, update, language, "bot.help_private")


async def anything_else(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Whatever no other handler takes in the private chat: words ("hoe werkt dit?"), a clip,
    a group command such as /next or /pause. Nothing there is part of the intervision, so
    the person hears where it happens (words, clips and each command at most once every ten
    minutes: a pointer, not a chat)."""
    user, message = update.effective_user, update.effective_message
    if user is None or message is None:
        return
    key, params = _pointer(message)
    if not services(context).throttle.allow(("private", key, params.get("command"), user.id),
                                            WORDS_ANSWERED_EVERY, time.monotonic()):
        return
    async with handling(update, context) as unit:
        if unit is None:
            return
        if params.get("command") == "coach" and await coaches.groups_of(unit.tx, user.id):
            # A coach is never in the group chat: /coach here means "which groups?" (the
            # second UX review), which their /help says.
            await help_private(unit, update, user_language(user))
            return
        if key == "bot.private_words":
            key, params = await _where_words_belong(unit, user.id)
        await reply(unit, update, user_language(user), key, **params)


async def _where_words_belong(unit: Unit, user_id: int) -> tuple[str, dict[str, str]]:
    """Words in the private chat from a member: where they would count. During a talk of
    theirs, in that talk; from an inbrenger before their talk, the group (and /swap, where
    the clip does not come); with a commitment to try, at the start of their next cycle (the
    Dutch group review: "het ging super, moet ik dat ergens kwijt?" heard only "no
    conversation here", and a member's on-topic thought during the talk the same)."""
    pending: Group | None = None
    for group_id in await members.groups_of(unit.tx, user_id):
        group, cycle = await groups.get(unit.tx, group_id), await cycles.open_cycle(unit.tx, group_id)
        if group is None:
            continue
        if cycle is not None and cycle.phase in BEFORE_TALK_PHASES \
                and cycle.inbrenger_id == user_id:  # "ik kom er niet aan toe om te filmen"
            return "bot.private_words_own_intake", {"group": group.title}
        if cycle is not None and cycle.phase in TALK_PHASES:
            if cycle.inbrenger_id == user_id:
                return "bot.private_words_own_talk", {"group": group.title}
            inbrenger = await members.get(unit.tx, group_id, cycle.inbrenger_id)
            return "bot.private_words_in_talk", {"group": group.title,
                                                 "name": inbrenger.name if inbrenger else "?"}
        member = await members.get(unit.tx, group_id, user_id)
        if member is not None and member.last_commitment and (
                cycle is None or cycle.inbrenger_id != user_id):
            pending = pending or group
    if pending is not None:
        return "bot.private_words_commitment", {"group": pending.title}
    coached = await coached_titles(unit, user_id)
    if coached:  # a coach's "thanks" or question would seem passed on to the group
        return "bot.private_words_coach", {"groups": ", ".join(coached)}
    return "bot.private_words", {}


def _pointer(message: Message) -> tuple[str, dict[str, str]]:
    command = (message.text or "").split(maxsplit=1)[0][1:].split("@")[0].lower() \
        if (message.text or "").startswith("/") else ""
    if command in GROUP_ONLY:
        return "bot.private_group_command", {"command": command}
    if message.video or message.video_note or message.animation or (
            message.document and (message.document.mime_type or "").startswith("video/")):
        return "bot.private_clip", {}
    return "bot.private_words", {}


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [MessageHandler(filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
                           & ~filters.StatusUpdate.ALL, anything_else)]
