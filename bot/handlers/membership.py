"""/setup, /join (with the group agreements), /skip, /roster, /help, the private
/start, people arriving in and leaving the chat, and a group that moved to a supergroup."""
from __future__ import annotations

import logging
import time

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    ChatMemberHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.engine import flood
from bot.engine.meetings import settings_changed
from bot.engine.services import services
from bot.handlers import coach, cycle, leaving, newcomers, private
from bot.handlers.bot_status import OUT_OF_CHAT, can_read_the_talk
from bot.handlers.commands import command
from bot.handlers.common import (
    GroupCommand,
    answer_press,
    display_name,
    find_group,
    group_command,
    handling,
    in_group,
    is_admin,
    posted_as,
    private_link,
    reply,
    reply_to,
    thread_of,
    user_language,
)
from bot.handlers.pressed import buttons_done, pressed_outcome
from bot.handlers.settings import setup_message
from bot.texts.render import render, say
from flows.callbacks import AgreeButton, parse, pattern
from flows.catalog import LANGUAGES
from flows.cycle.rotation import rotation_order
from flows.effects import Text, text
from flows.model import BEFORE_TALK_PHASES, Settings
from flows.reports.progress import group_progress
from flows.settings_change import LANGUAGE_NAMES, change
from storage import coaches, cycles, groups, members, outbox

SKIP_OFF = ("off", "uit", "nee", "no")

log = logging.getLogger(__name__)


async def setup(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    user, chat, message = update.effective_user, update.effective_chat, update.effective_message
    if user is None or chat is None or message is None:
        return
    language = user_language(user)
    admin = in_group(update) and (posted_as(message) == "admin"
                                  or await is_admin(context, chat.id, user.id))
    can_read = await can_read_the_talk(context, chat.id) if admin else True
    chat_admins = await _chat_admins(context, chat.id) if admin else None
    svc = services(context)
    async with handling(update, context) as unit:
        if unit is None:
            return
        if not in_group(update):
            await reply(unit, update, language, "bot.setup_in_group")
            return
        if not admin:
            await reply(unit, update, language, "bot.only_admins_setup")
            return
        known = await find_group(unit, update)
        settings = known.settings if known else Settings(language=language,
                                                         timezone=svc.config.timezone)
        for arg in context.args or ():  # /setup [nl|en] [Europe/Amsterdam]
            changed = change(settings, "language" if arg.lower() in LANGUAGES
                             or arg.lower() in LANGUAGE_NAMES else "timezone", arg)
            if isinstance(changed, Text):
                await reply(unit, update, settings.language, changed)
                return
            settings = changed
        title = chat.title or ""
        topic = message.reply_to_message.forum_topic_created if message.reply_to_message \
            else None
        if thread_of(message) and topic:
            title = f"{title} / {topic.name}"
        group, new = await groups.register(unit.tx, chat.id, thread_of(message), title,
                                           settings, unit.now)
        if known is not None and known.settings != group.settings:
            await settings_changed(unit, group)  # a new time zone moves the meeting's timers
        if chat_admins is not None:
            await groups.note_admins(unit.tx, group.id, chat_admins, unit.now)
        await groups.set_reads_talk(unit.tx, chat.id, can_read)
        # Blind (privacy mode, no admin), the next steps begin with making the bot an admin:
        # "begin now with /cycle" would be refused (review ux15).
        key = ("bot.setup_done" if can_read else "bot.setup_done_blind") if new \
            else "bot.setup_updated"
        await reply(unit, update, group.settings.language, key, title=title or str(chat.id))
        if new:  # the language and time zone as buttons, where a choice is made
            html, rows = setup_message(group.settings, group.id)
            await unit.send(reply_to(message, html, rows))
        if not can_read:
            await reply(unit, update, group.settings.language, "bot.privacy_mode",
                        username=context.bot.username or "")
        if new and chat.is_forum and not thread_of(message):
            # The forum's General topic: the whole chat became one group, where most forums
            # meant a group per topic (the admin review).
            await reply(unit, update, group.settings.language, "bot.setup_forum_general")
    svc.throttle.forget(("not_set_up", (chat.id, thread_of(message))))


async def _chat_admins(context: ContextTypes.DEFAULT_TYPE, chat_id: int) -> list[int] | None:
    """The chat's human administrators, asked while the bot is in the chat, so that they can
    still be told privately if it is removed; None when Telegram does not answer now (the last
    list stays)."""
    try:
        listed = await context.bot.get_chat_administrators(chat_id)
    except TelegramError:
        return None
    return [admin.user.id for admin in listed if not admin.user.is_bot]


@group_command()
async def join(cmd: GroupCommand) -> None:
    tx, group, user = cmd.unit.tx, cmd.group, cmd.user
    if await coaches.is_coach_of(tx, group.id, user.id):
        # A coach follows the group from outside: as a member too, they would be counted
        # among the peers whose counts their coach summary shows.
        await cmd.reply("coach.cannot_join", name=display_name(user))
        return
    if not await members.join(tx, group.id, user.id, display_name(user), cmd.unit.now):
        await cmd.reply("bot.already_member", name=display_name(user))
        return
    member = await members.get(tx, group.id, user.id)
    # Back after /leave, their agreement holds: no "until you agree" and no button (review
    # ux21 saw /cycle pick them while that text said they could not be picked yet).
    again = member is not None and member.agreed
    body = say(cmd.language, "bot.joined_again", name=display_name(user)) if again \
        else "\n\n".join([say(cmd.language, "bot.joined", name=display_name(user)),
                          say(cmd.language, "bot.agreements")])
    if member is not None and not member.started_private:
        body += "\n\n" + say(cmd.language, "bot.start_private", link=private_link(cmd.context))
    agree_button = (say(cmd.language, "bot.button.agree"), AgreeButton(group.id).pack())
    await cmd.reply_html(body, () if again else ((agree_button,),))


async def agree(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    if query is None:
        return
    button = parse(query.data)
    async with handling(update, context) as unit:
        if unit is None:
            return
        group = await groups.get(unit.tx, button.group_id) \
            if isinstance(button, AgreeButton) else None
        member = await members.get(unit.tx, group.id, query.from_user.id) if group else None
        if group is not None and member is not None:
            await members.agree(unit.tx, group.id, query.from_user.id, unit.now)
            joined = getattr(query.message, "reply_to_message", None)
            if joined and joined.from_user and joined.from_user.id == query.from_user.id:
                # Only the one who joined answers it; the group can read that they agreed.
                await buttons_done(unit, query, outcome=await pressed_outcome(
                    unit, query, group.settings.language))
    language = group.settings.language if group else user_language(query.from_user)
    key = "bot.agreed" if member is not None else "cycle.refused.not_member"
    await answer_press(query, say(language, key), show_alert=member is None)


async def left_chat(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Someone left the Telegram chat (or was removed from it): they leave every intervision
    group there as well, so the rotation, the watch gate and the silence invitations stop
    counting on them. Telegram itself tells the chat that they left. Added back soon after,
    they are members again as they were (bot/handlers/newcomers.py)."""
    message = update.effective_message
    person = message.left_chat_member if message else None
    if message is not None and person is not None and not person.is_bot:
        await _gone(update, context, message.chat_id, person.id)


async def member_changed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The same, and an arrival, from a chat_member update, which Telegram sends where the bot
    is an admin, also in large supergroups that leave out the service message. Both may come:
    the second finds the person gone already, or welcomed."""
    change = update.chat_member
    if change is None or change.new_chat_member.user.is_bot:
        return
    person = change.new_chat_member.user
    if change.new_chat_member.status in OUT_OF_CHAT:
        await _gone(update, context, change.chat.id, person.id)
    elif change.old_chat_member.status in OUT_OF_CHAT:
        await newcomers.welcome(update, context, change.chat.id, [person])


async def _gone(update: Update, context: ContextTypes.DEFAULT_TYPE, chat_id: int,
                user_id: int) -> None:
    async with handling(update, context) as unit:
        if unit is None:
            return
        for group in await groups.in_chat(unit.tx, chat_id):
            member = await members.get(unit.tx, group.id, user_id)  # active members only
            if member is not None:
                await leaving.without(unit, group, member, left_chat=True)


@group_command()
async def skip(cmd: GroupCommand) -> None:
    """/skip: a member passes on their next turn (once); /skip off takes that back. Saying
    it twice changes nothing the second time."""
    member = await members.get(cmd.unit.tx, cmd.group.id, cmd.user.id)
    if member is None:
        await cmd.reply("cycle.refused.not_member")
        return
    skipping = not (cmd.args and cmd.args[0].lower() in SKIP_OFF)
    cycle = await cycles.open_cycle(cmd.unit.tx, cmd.group.id)
    if skipping and cycle is not None and cycle.inbrenger_id == member.user_id \
            and cycle.phase in BEFORE_TALK_PHASES:
        # Announced, "/skip" most likely means "I can't this time" (review ux14): a skip of
        # the next turn would be used up by this very cycle, so point to passing this one on.
        await cmd.reply("bot.skip_while_announced", name=member.name)
        return
    await members.set_skip_next(cmd.unit.tx, cmd.group.id, cmd.user.id, skipping)
    await cmd.reply("bot.skip_on" if skipping else "bot.skip_off", name=member.name)


@group_command(rationed=True)
async def roster(cmd: GroupCommand) -> None:
    everyone = await members.active(cmd.unit.tx, cmd.group.id)
    if not everyone:
        await cmd.reply("bot.roster_empty")
        return
    lines = [say(cmd.language, "bot.roster_title", count=len(everyone))]
    in_turn = tuple(rotation_order(everyone))  # both lists in the order of the turns
    for position, member in enumerate(in_turn, start=1):
        lines.append(say(cmd.language, "bot.roster_line", position=position, name=member.name,
                         turns=member.turns,
                         agreed=text("bot.roster_agreed" if member.agreed
                                     else "bot.roster_not_agreed"),
                         private=text("bot.roster_private") if member.started_private else ""))
    lines.append(say(cmd.language, "bot.roster_legend"))
    lines.append(render(cmd.language, group_progress(in_turn, await cycles.history(cmd.unit.tx,
                                                                            cmd.group.id))))
    await cmd.reply_html("\n".join(lines))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/help, rationed like every answer that changes nothing: anyone can send it."""
    chat, user = update.effective_chat, update.effective_user
    place = (chat.id if chat else 0, thread_of(update.effective_message))
    if not services(context).throttle.allow(("help", place, user.id if user else 0),
                                            flood.SAME_COMMAND_EVERY, time.monotonic()):
        return
    async with handling(update, context) as unit:
        if unit is None:
            return
        group = await find_group(unit, update)
        if group is None and in_group(update) and not services(context).throttle.allow(
                ("help_not_set_up", place), flood.NOT_SET_UP_EVERY, time.monotonic()):
            return
        language = group.settings.language if group else user_language(update.effective_user)
        if in_group(update):
            # While a cycle runs, first where it stands: what to do now (the Dutch group
            # review asked /help halfway and read only the list of commands).
            now = await cycle.cycle_status(unit.tx, group, unit.now) if group else None
            await reply(unit, update, language, text("bot.help_now", now=now,
                                                     help=text("bot.help_group"))
                        if now else "bot.help_group")
        else:
            await private.help_private(unit, update, language)


async def start_private(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    user = update.effective_user
    if user is None:
        return
    async with handling(update, context) as unit:
        if unit is None:
            return
        await members.started_private(unit.tx, user.id, display_name(user), user.language_code,
                                      unit.now)
        argument = (context.args or [""])[0]
        if argument.startswith("coach_"):
            await coach.redeem(unit, update, argument.removeprefix("coach_"))
            return
        await private.welcome_private(unit, update, user_language(user), display_name(user))


async def chat_migrated(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Telegram upgraded the group to a supergroup: follow it to its new chat id. Both service
    messages (in the old and in the new chat) arrive; the second finds nothing left to move."""
    message = update.effective_message
    if message is None:
        return
    if message.migrate_to_chat_id:
        old, new = message.chat_id, message.migrate_to_chat_id
    elif message.migrate_from_chat_id:
        old, new = message.migrate_from_chat_id, message.chat_id
    else:
        return
    async with handling(update, context) as unit:
        if unit is not None:
            moved = await groups.move_chat(unit.tx, old, new)
            if not moved and await groups.in_chat(unit.tx, old):
                # /setup ran in the new chat before this message came: both are kept, and
                # the operator hears which old group's cycles stay under the old chat id.
                log.warning("chat %s became %s, which has an intervision group already; the "
                            "old chat's groups were not moved", old, new)
            if await outbox.move_lane(unit.tx, old, new):
                unit.lanes.add(new)


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [
        *leaving.build_handlers(),
        command("setup", setup),
        command("join", join, filters.ChatType.GROUPS),
        command("roster", roster, filters.ChatType.GROUPS),
        command("skip", skip, filters.ChatType.GROUPS),
        command("help", help_command),
        command("start", start_private, filters.ChatType.PRIVATE),
        CallbackQueryHandler(agree, pattern=pattern(AgreeButton)),
        MessageHandler(filters.StatusUpdate.MIGRATE, chat_migrated),
        MessageHandler(filters.StatusUpdate.LEFT_CHAT_MEMBER, left_chat),
        MessageHandler(filters.StatusUpdate.NEW_CHAT_MEMBERS & filters.ChatType.GROUPS,
                       newcomers.added_to_chat),
        ChatMemberHandler(member_changed, ChatMemberHandler.CHAT_MEMBER),
    ]
