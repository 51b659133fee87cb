"""The bot's own place in a chat (my_chat_member): added to a group, removed from it, made a
plain member where it can no longer read the talk, or blocked and unblocked in a member's
private chat."""
from __future__ import annotations

from telegram import Update, User
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import TelegramError
from telegram.ext import BaseHandler, ChatMemberHandler, ContextTypes

from bot.engine import removal
from bot.engine.effects import to_group
from bot.engine.events import announce_what_waited
from bot.engine.outgoing import Message
from bot.engine.work import Unit
from bot.handlers.common import handling, in_group, user_language
from bot.texts.render import say
from storage import cycles, groups, inbox, members


async def can_read_the_talk(context: ContextTypes.DEFAULT_TYPE, chat_id: int) -> bool:
    """Without reading rights the bot sees only commands, so the conversation would pass it
    by unnoticed: /setup then says how to fix that. When Telegram does not answer now (a 5xx,
    a timeout) the /setup still goes on, without that warning."""
    try:
        me = await context.bot.get_me()
        if me.can_read_all_group_messages:
            return True
        bot_member = await context.bot.get_chat_member(chat_id, me.id)
    except TelegramError:
        return True
    return bot_member.status in (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)


# Out of the chat: left by oneself, or removed.
OUT_OF_CHAT = (ChatMemberStatus.LEFT, ChatMemberStatus.BANNED)


async def bot_membership(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The bot added to a group says what it is for and that an admin starts with /setup (a
    newcomer otherwise meets silence); removed, its groups stop; no longer an admin where it
    then cannot read the talk, it says so."""
    change = update.my_chat_member
    if change is None:
        return
    gone = change.new_chat_member.status in OUT_OF_CHAT
    if change.chat.type == ChatType.PRIVATE:
        await _private_chat_changed(update, context, open_again=not gone)
    elif not gone and change.old_chat_member.status in OUT_OF_CHAT and in_group(update):
        # Asked before the transaction: Telegram adds a bot back as a plain member, which
        # with privacy mode on reads no talk (review ux23: "alles gaat verder" while nothing
        # of the talk was read).
        can_read = await can_read_the_talk(context, change.chat.id)
        async with handling(update, context) as unit:
            if unit is not None:
                await _joined(unit, change.chat.id, change.from_user,
                              forum=bool(change.chat.is_forum), can_read=can_read,
                              username=context.bot.username or "")
    elif gone:
        await _bot_removed(update, context)
    elif change.old_chat_member.status == ChatMemberStatus.ADMINISTRATOR and in_group(update):
        await _no_longer_admin(update, context)
    elif change.new_chat_member.status == ChatMemberStatus.ADMINISTRATOR and in_group(update):
        await _made_admin(update, context)


async def _joined(unit: Unit, chat_id: int, by: User | None, *, forum: bool = False,
                  can_read: bool = True, username: str = "") -> None:
    """Added to a chat: a new one hears what the bot is for; one whose groups it was removed
    from hears it is back, with what was kept; a group that only moved here hears nothing."""
    stopped = await cycles.stopped_by_removal(unit.tx, chat_id)
    back = await groups.bot_back(unit.tx, chat_id)
    resumed = [group for group in back if await removal.back_in_time(unit, group)]
    if back:  # what the bot can read now, so that being made an admin later is told
        await groups.set_reads_talk(unit.tx, chat_id, can_read)
    for group in resumed:  # added back in time: everything goes on where it was
        language = group.settings.language
        await unit.send(to_group(group, say(language, "bot.back_in_time")))
        if not can_read:
            await unit.send(to_group(group, say(language, "bot.privacy_mode",
                                                username=username)))
    back = [group for group in back if group not in resumed]
    if back:
        titles = ", ".join(group.title for group in back)
        language = back[0].settings.language
        said = [say(language, "bot.back", groups=titles)]
        for group in back:  # the cycle the removal stopped: no member heard of it then
            inbrenger = await members.get(unit.tx, group.id, stopped.get(group.id, 0))
            if inbrenger is not None:
                said.append(say(language, "bot.back_cycle", name=inbrenger.name))
        await unit.send(Message(chat_id, "\n\n".join(said)))
    elif not resumed and not await _group_lives_in(unit, chat_id):
        # Topics are named only where there are any: in a plain group the word is jargon.
        await unit.send(Message(chat_id, say(user_language(by),
                                             "bot.added_forum" if forum else "bot.added")))


async def _group_lives_in(unit: Unit, chat_id: int) -> bool:
    """Whether a group lives in the chat, or is moving into it. A group upgraded to a
    supergroup gets a new chat id, and Telegram then says the bot "joined" that chat, besides
    the two migrate messages (tdlib/telegram-bot-api#266): that is no new group to greet.
    Where the join comes first, the migrate message that will move the group waits in the
    inbox (they arrive together)."""
    if await groups.in_chat(unit.tx, chat_id):
        return True
    for old in await inbox.moving_into(unit.tx, chat_id):
        if await groups.in_chat(unit.tx, old):
            return True
    return False


async def _no_longer_admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """With privacy mode on, the bot reads the talk only as an admin: without those rights it
    would hear no contribution and nudge nobody while the group talks on, so each group in
    the chat hears how to fix it (the same words as at /setup)."""
    change = update.my_chat_member
    if change is None or await can_read_the_talk(context, change.chat.id):
        return
    async with handling(update, context) as unit:
        if unit is None:
            return
        await groups.set_reads_talk(unit.tx, change.chat.id, False)
        for group in await groups.in_chat(unit.tx, change.chat.id):
            await unit.send(to_group(group, say(group.settings.language, "bot.privacy_mode",
                                                username=context.bot.username or "")))


async def _made_admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An admin reads the talk: a group that was told the bot could not hears that it now
    can (the admin who fixed it sees it worked), and its cycles can start again."""
    change = update.my_chat_member
    assert change is not None
    async with handling(update, context) as unit:
        if unit is None or not await groups.set_reads_talk(unit.tx, change.chat.id, True):
            return
        for group in await groups.in_chat(unit.tx, change.chat.id):
            # Mid-cycle, "a cycle begins with /cycle" would read as if it had stopped, and
            # what was said meanwhile was never read (review ux21).
            running = await cycles.open_cycle(unit.tx, group.id) is not None
            key = "bot.reads_now_in_cycle" if running else "bot.reads_now"
            await unit.send(to_group(group, say(group.settings.language, key)))
            # A meeting whose announcement was refused meanwhile is announced now, as the
            # schedule promised (review ux15: it came only at the meeting itself); with a
            # cycle open, start_cycle_in refuses as ever.
            await announce_what_waited(unit, group)


async def _private_chat_changed(update: Update, context: ContextTypes.DEFAULT_TYPE, *,
                                open_again: bool) -> None:
    """A member blocked the bot (or unblocked it): from now on what is meant for them alone
    goes to the group as a reply (or to their private chat again), not into a refusal. Only
    someone stored already is changed: a person who used /forget is not stored again by it
    (their /start is what stores them anew)."""
    user = update.effective_user
    async with handling(update, context) as unit:
        if unit is not None and user is not None:
            await members.private_chat_changed(unit.tx, user.id, unit.now, open_=open_again)


async def _bot_removed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The bot was removed from a chat (or the chat closed): its groups stop when the grace
    of bot/engine/removal.py is over, unless it is added back before."""
    change = update.my_chat_member
    async with handling(update, context) as unit:
        if unit is None or change is None:
            return
        was_admin = change.old_chat_member.status == ChatMemberStatus.ADMINISTRATOR
        await removal.taken_out(unit, change.chat.id, change.from_user.id,
                                user_language(change.from_user), was_admin=was_admin)


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [ChatMemberHandler(bot_membership, ChatMemberHandler.MY_CHAT_MEMBER)]
