"""/setup, /join (with the group agreements), /leave, /roster, /help and the private /start."""
from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatMemberStatus
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.engine.services import services
from bot.handlers import coach
from bot.handlers.common import (
    answer,
    current_group,
    display_name,
    group_command,
    in_group,
    is_admin,
    reply,
    thread_of,
    user_language,
)
from bot.texts.render import say
from flows.cycle.rotation import rotation_order
from flows.effects import Text
from flows.model import Settings
from flows.settings_change import change
from storage import groups, members

AGREE_PREFIX = "agree:"


async def setup(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    user, chat, message = update.effective_user, update.effective_chat, update.effective_message
    if user is None or chat is None or message is None:
        return
    language = user_language(user)
    if not in_group(update):
        await reply(update, language, "bot.setup_in_group")
        return
    if not await is_admin(context, chat.id, user.id):
        await reply(update, language, "bot.only_admins_setup")
        return
    svc = services(context)
    thread_id = thread_of(message)
    known = await current_group(update, context)
    settings = known.settings if known else Settings(language=language,
                                                     timezone=svc.config.timezone)
    for arg in context.args or ():  # /setup [nl|en] [Europe/Amsterdam]
        changed = change(settings, "timezone" if "/" in arg else "language", arg)
        if isinstance(changed, Text):
            await reply(update, settings.language, changed)
            return
        settings = changed
    title = chat.title or ""
    if thread_id and message.reply_to_message and message.reply_to_message.forum_topic_created:
        title = f"{title} / {message.reply_to_message.forum_topic_created.name}"
    async with svc.db.transaction() as tx:
        group, new = await groups.register(tx, chat.id, thread_id, title, settings, svc.now())
    key = "bot.setup_done" if new else "bot.setup_updated"
    await reply(update, group.settings.language, key, title=title or str(chat.id))
    await _check_reading_rights(update, context, group.settings.language)


async def _check_reading_rights(update: Update, context: ContextTypes.DEFAULT_TYPE,
                                language: str) -> None:
    """Without reading rights the bot sees only commands, so the conversation would pass it
    by unnoticed: say how to fix that."""
    me = await context.bot.get_me()
    if me.can_read_all_group_messages:
        return
    chat = update.effective_chat
    assert chat is not None
    bot_member = await context.bot.get_chat_member(chat.id, me.id)
    if bot_member.status in (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER):
        return
    await reply(update, language, "bot.privacy_mode", username=me.username or "")


async def join(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    command = await group_command(update, context)
    if command is None:
        return
    group, user = command.group, command.user
    svc = services(context)
    async with svc.db.transaction() as tx:
        new = await members.join(tx, group.id, user.id, display_name(user), svc.now())
        member = await members.get(tx, group.id, user.id)
    language = group.settings.language
    if not new:
        await reply(update, language, "bot.already_member", name=display_name(user))
        return
    agree = InlineKeyboardMarkup([[InlineKeyboardButton(
        say(language, "bot.button.agree"), callback_data=f"{AGREE_PREFIX}{group.id}")]])
    body = "\n\n".join([say(language, "bot.joined", name=display_name(user)),
                        say(language, "bot.agreements")])
    if member is not None and not member.started_private:
        body += "\n\n" + say(language, "bot.start_private",
                             link=f"https://t.me/{context.bot.username}?start=hi")
    message = update.effective_message
    assert message is not None
    await answer(message, body, agree)


async def agree(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    if query is None or query.data is None:
        return
    group_id = int(query.data.removeprefix(AGREE_PREFIX) or 0)
    svc = services(context)
    async with svc.db.transaction() as tx:
        group = await groups.get(tx, group_id)
        member = await members.get(tx, group_id, query.from_user.id)
        if member is not None:
            await members.agree(tx, group_id, query.from_user.id, svc.now())
    language = group.settings.language if group else user_language(query.from_user)
    key = "bot.agreed" if member is not None else "cycle.refused.not_member"
    await query.answer(say(language, key), show_alert=member is None)


async def leave(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    command = await group_command(update, context)
    if command is None:
        return
    group, user = command.group, command.user
    async with services(context).db.transaction() as tx:
        left = await members.leave(tx, group.id, user.id)
    key = "bot.left" if left else "bot.not_a_member"
    await reply(update, group.settings.language, key, name=display_name(user))


async def skip(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/skip: a member passes on their next turn (once), or takes it back."""
    command = await group_command(update, context)
    if command is None:
        return
    group, user = command.group, command.user
    async with services(context).db.transaction() as tx:
        member = await members.get(tx, group.id, user.id)
        if member is not None:
            await members.set_skip_next(tx, group.id, user.id, not member.skip_next)
    language = group.settings.language
    if member is None:
        await reply(update, language, "cycle.refused.not_member")
        return
    key = "bot.skip_off" if member.skip_next else "bot.skip_on"
    await reply(update, language, key, name=member.name)


async def roster(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    command = await group_command(update, context)
    if command is None:
        return
    group = command.group
    async with services(context).db.reading() as tx:
        everyone = await members.active(tx, group.id)
    language = group.settings.language
    if not everyone:
        await reply(update, language, "bot.roster_empty")
        return
    lines = [say(language, "bot.roster_title", count=len(everyone))]
    for position, member in enumerate(rotation_order(everyone), start=1):
        lines.append(say(language, "bot.roster_line", position=position, name=member.name,
                         turns=member.turns,
                         agreed="✅" if member.agreed else "…",
                         private="💬" if member.started_private else ""))
    lines.append(say(language, "bot.roster_legend"))
    message = update.effective_message
    assert message is not None
    await answer(message, "\n".join(lines))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    group = await current_group(update, context)
    language = group.settings.language if group else user_language(update.effective_user)
    key = "bot.help_group" if in_group(update) else "bot.help_private"
    await reply(update, language, key)


async def start_private(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    user = update.effective_user
    if user is None:
        return
    svc = services(context)
    async with svc.db.transaction() as tx:
        await members.started_private(tx, user.id, display_name(user), user.language_code,
                                      svc.now())
    argument = (context.args or [""])[0]
    if argument.startswith("coach_"):
        await coach.redeem(update, context, argument.removeprefix("coach_"))
        return
    await reply(update, user_language(user), "bot.welcome_private", name=display_name(user))


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
    async with services(context).db.transaction() as tx:
        await groups.move_chat(tx, old, new)


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [
        CommandHandler("setup", setup),
        CommandHandler("join", join, filters.ChatType.GROUPS),
        CommandHandler("leave", leave, filters.ChatType.GROUPS),
        CommandHandler("roster", roster, filters.ChatType.GROUPS),
        CommandHandler("skip", skip, filters.ChatType.GROUPS),
        CommandHandler("help", help_command),
        CommandHandler("start", start_private, filters.ChatType.PRIVATE),
        CallbackQueryHandler(agree, pattern=f"^{AGREE_PREFIX}"),
        MessageHandler(filters.StatusUpdate.MIGRATE, chat_migrated),
    ]
