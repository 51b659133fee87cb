"""A person's private chat with the bot: what /help says there (to a coach: what coaching
brings), and a pointer to the group for everything else sent there (words, a clip, a group
command), where the bot follows no conversation: words are pointed to where they would count
(the talk that runs, or the start of the member's next cycle)."""
from __future__ import annotations

import time

from telegram import Message, Update
from telegram.ext import BaseHandler, ContextTypes, MessageHandler, filters

from bot.engine import removal
from bot.engine.services import services
from bot.engine.work import Unit
from bot.handlers.commands import ADMIN_COMMANDS, PRIVATE_COMMANDS
from bot.handlers.common import handling, reply, reply_to, user_language
from bot.texts.render import render_all, text
from flows.command_hint import meant
from flows.effects import Text
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


async def joined_groups(tx: Tx, user_id: int) -> list[Group]:
    """The groups a person takes part in."""
    return [group for group_id in await members.groups_of(tx, user_id)
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
    """/help in the private chat: a member hears what comes here and for which groups, a
    coach what they receive and for which groups; one who is both hears both, as /start
    says (review ux20: a coach's /help hid the group she takes part in)."""
    user = update.effective_user
    if user is None:
        return
    titles = await coached_titles(unit, user.id)
    joined = await _joined_titles(unit, user.id)
    said: list[Text] = []
    if joined:  # not "you join there with /join" to who did (a review of a school term)
        said.append(text("bot.help_private_member", groups=joined))
    if titles:  # one /forget line: a member's choice of group keeps their coaching (ux23)
        coach_key = "bot.help_private_coach_also" if joined else "bot.help_private_coach"
        said.append(text(coach_key, groups=", ".join(titles)))
    message = update.effective_message
    if message is not None:
        await unit.send(reply_to(message, render_all(
            language, tuple(said) or (text("bot.help_private"),))))


async def _joined_titles(unit: Unit, user_id: int) -> str:
    """The groups a member takes part in, by name ("" for none)."""
    return ", ".join(group.title or "—" for group in await joined_groups(unit.tx, user_id))


async def anything_else(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Whatever no other handler takes in the private chat: words ("hoe werkt dit?"), a clip,
    a group command such as /next or /pause. Nothing there is part of the intervision, so
    the person hears where it happens (the same pointer at most once every ten minutes: a
    pointer, not a chat; one to another group comes, review ux20)."""
    user, message = update.effective_user, update.effective_message
    if user is None or message is None:
        return
    key, params = _pointer(message)
    # Which group the words are about is known only from the database, so the ten minutes
    # are counted per group after looking (every update is stored in the inbox anyway).
    throttle, now = services(context).throttle, time.monotonic()
    async with handling(update, context) as unit:
        if unit is None:
            return
        if params.get("command") == "coach" and await coaches.groups_of(unit.tx, user.id):
            # A coach is never in the group chat: /coach here means "which groups?" (the
            # second UX review), which their /help says.
            await help_private(unit, update, user_language(user))
            return
        language, about = user_language(user), None
        if key == "bot.private_words":
            key, params, about = await _where_words_belong(unit, user.id, message)
            language = about.settings.language if about else language
        elif key == "bot.private_group_command":
            # A member hears their groups: /leave there stops one group (review ux20).
            joined = await _joined_titles(unit, user.id)
            if joined:
                key, params = "bot.private_group_command_in", {**params, "groups": joined}
        if throttle.allow(("private", key, params.get("command"), user.id,
                           about.id if about else None), WORDS_ANSWERED_EVERY, now):
            await reply(unit, update, language, key, **params)


Pointer = tuple[str, dict[str, str]]


async def _where_words_belong(unit: Unit, user_id: int, message: Message
                              ) -> tuple[str, dict[str, str], Group | None]:
    """Words in the private chat from a member: where they would count, and the group that
    is (its language is the pointer's). During a talk of theirs, in that talk; from an
    inbrenger before their talk, the group (and /swap, where the clip does not come); with
    a commitment to try, at the start of their next cycle (the Dutch group review: "het
    ging super, moet ik dat ergens kwijt?" heard only "no conversation here").

    A member of several groups (review ux20: the first group she joined always won): the
    group of the message they reply to, then their own talk or turn anywhere, then the
    group the bot last wrote to them about (the nudge or follow-up they answer), then any
    talk or commitment."""
    joined = await joined_groups(unit.tx, user_id)
    for group in joined:  # the bot is out of it: "say it there" would be no help (ux23)
        if await removal.in_grace(unit.tx, group.id):
            return "bot.private_words_removed", {"group": group.title}, group
    pointers = [(group, pointer) for group in joined
                if (pointer := await _pointer_in(unit, group, user_id)) is not None]
    replied = _replied_about(message, [group for group, _ in pointers])
    last = await members.last_told_privately(unit.tx, user_id)
    order = (lambda g, k: g is replied,
             lambda g, k: k == "bot.private_words_own_talk",
             lambda g, k: k == "bot.private_words_own_intake",
             lambda g, k: g.id == last,
             lambda g, k: k == "bot.private_words_in_talk",
             lambda g, k: True)
    for first in order:
        for group, (key, params) in pointers:
            if first(group, key):
                return key, params, group
    coached = await coached_titles(unit, user_id)
    if coached:  # a coach's "thanks" or question would seem passed on to the group
        return "bot.private_words_coach", {"groups": ", ".join(coached)}, None
    return "bot.private_words", {}, None


async def _pointer_in(unit: Unit, group: Group, user_id: int) -> Pointer | None:
    """Where the member's words about `group` would count, if anywhere now."""
    cycle = await cycles.open_cycle(unit.tx, group.id)
    own = cycle is not None and cycle.inbrenger_id == user_id
    if own and cycle is not None and cycle.phase in BEFORE_TALK_PHASES:
        return "bot.private_words_own_intake", {"group": group.title}  # "geen tijd gehad"
    if cycle is not None and cycle.phase in TALK_PHASES:
        if own:
            return "bot.private_words_own_talk", {"group": group.title}
        inbrenger = await members.get(unit.tx, group.id, cycle.inbrenger_id)
        return "bot.private_words_in_talk", {"group": group.title,
                                             "name": inbrenger.name if inbrenger else "?"}
    member = await members.get(unit.tx, group.id, user_id)
    if member is not None and member.last_commitment and not own:
        return "bot.private_words_commitment", {"group": group.title}
    return None


def _replied_about(message: Message, candidates: list[Group]) -> Group | None:
    """The group a private message of the bot that `message` replies to is about: its first
    line names it ("Over Intervisie 2B:", flows.effects.about_group); the longest title
    named wins, so a forum's "Pabo / Groep A" is not its "Pabo"."""
    replied = message.reply_to_message
    first_line = ((replied.text or replied.caption or "") if replied else "").split("\n")[0]
    if not first_line.endswith(":"):
        return None
    named = [g for g in candidates if g.title and g.title in first_line]
    return max(named, key=lambda g: len(g.title), default=None)


def _pointer(message: Message) -> tuple[str, dict[str, str]]:
    command = (message.text or "").split(maxsplit=1)[0][1:].split("@")[0].lower() \
        if (message.text or "").startswith("/") else ""
    if command in GROUP_ONLY:
        return "bot.private_group_command", {"command": command}
    suggestion = meant(command, ADMIN_COMMANDS) if command else None
    if suggestion is not None and suggestion != command:  # "/vergeet" (review ux23)
        key = "bot.mistyped_help" if suggestion == "help" else "bot.mistyped_command"
        return key, {"typed": command[:30], "command": suggestion}
    if message.video or message.video_note or message.animation or (
            message.document and (message.document.mime_type or "").startswith("video/")):
        return "bot.private_clip", {}
    return "bot.private_words", {}


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [MessageHandler(filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
                           & ~filters.StatusUpdate.ALL, anything_else)]
