"""What people do in the fake Telegram: join, start the bot, write, upload, click buttons.

Each action changes the world and queues the updates real Telegram would send the bot.
Misuse by a test (unknown user, writing in a group one is not in) raises ControlError.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .errors import ApiError, ControlError
from .markup import format_text
from .media import KINDS, default_file_name, guess_mime, media_fields, probe
from .model import (
    ADMINISTRATOR,
    CREATOR,
    KICKED,
    LEFT,
    MEMBER,
    CallbackQueryRecord,
    Chat,
    StoredFile,
    StoredMessage,
    Topic,
    User,
)
from .world import World


def add_user(
    world: World,
    user_id: int,
    first_name: str,
    *,
    username: str | None = None,
    last_name: str | None = None,
    language_code: str | None = "nl",
) -> User:
    if user_id <= 0 or user_id == world.bot.id:
        raise ControlError(f"user ids are positive and differ from the bot's: {user_id}")
    if user_id in world.users:
        raise ControlError(f"user {user_id} already exists")
    user = User(user_id, first_name, username, last_name, language_code)
    world.users[user_id] = user
    return user


def set_language(world: World, user_id: int, language_code: str | None) -> None:
    """The user switches their Telegram app's language: later updates carry the new code."""
    world.user(user_id).language_code = language_code


def start_private_chat(world: World, user_id: int, payload: str | None = None) -> StoredMessage:
    """The user presses Start (or opens a t.me/<bot>?start=<payload> link): /start arrives."""
    user = world.user(user_id)
    chat = world.private_chat(user)
    if user.blocked:
        user.blocked = False
        chat.members[world.bot.id] = MEMBER
        world.push_member_change(chat, world.bot.id, KICKED, MEMBER, user)
    user.started = True
    text = "/start" if not payload else f"/start {payload}"
    return _send_text(world, user, chat, text, None, None)


def block_bot(world: World, user_id: int) -> None:
    user = world.user(user_id)
    chat = world.private_chat(user)
    if not user.blocked:
        user.blocked = True
        chat.members[world.bot.id] = KICKED
        world.push_member_change(chat, world.bot.id, MEMBER, KICKED, user)


def add_group(
    world: World,
    chat_id: int,
    title: str,
    *,
    forum: bool = False,
    supergroup: bool | None = None,
    admins: Sequence[int] = (),
    members: Sequence[int] = (),
    username: str | None = None,
    added_by: int | None = None,
) -> Chat:
    """A group with the bot in it. The first admin is the creator. With `added_by`, the bot
    receives the my_chat_member and new_chat_members updates of being added; without, the bot
    is simply already there (a world set up before the test)."""
    if chat_id >= 0:
        raise ControlError(f"group chat ids are negative: {chat_id}")
    if chat_id in world.chats:
        raise ControlError(f"chat {chat_id} already exists")
    is_super = forum or bool(supergroup)
    chat = Chat(
        id=chat_id,
        type="supergroup" if is_super else "group",
        title=title,
        username=username,
        is_forum=forum,
    )
    for index, user_id in enumerate(admins):
        world.user(user_id)
        chat.members[user_id] = CREATOR if index == 0 else ADMINISTRATOR
    for user_id in members:
        world.user(user_id)
        chat.members.setdefault(user_id, MEMBER)
    world.chats[chat_id] = chat
    if added_by is None:
        chat.members[world.bot.id] = MEMBER
    else:
        set_bot_membership(world, chat_id, MEMBER, by=added_by)
    return chat


def set_bot_membership(world: World, chat_id: int, status: str, *, by: int) -> None:
    """The bot is added, promoted, demoted, removed (`left`) or banned (`kicked`) by `by`."""
    chat = world.chat(chat_id)
    actor = world.user(by)
    old = chat.status_of(world.bot.id)
    if old == status:
        return
    chat.members[world.bot.id] = status
    world.push_member_change(chat, world.bot.id, old, status, actor)
    if old in (LEFT, KICKED) and status in (MEMBER, ADMINISTRATOR):
        service = world.compose(chat, actor, {"new_chat_members": [world.bot.to_json()]})
        world.deliver_message(service)


def add_member(world: World, chat_id: int, user_id: int, *, added_by: int | None = None) -> None:
    chat = world.chat(chat_id)
    user = world.user(user_id)
    actor = world.user(added_by) if added_by else user
    old = chat.status_of(user_id)
    if old in (MEMBER, ADMINISTRATOR, CREATOR):
        return
    chat.members[user_id] = MEMBER
    world.push_member_change(chat, user_id, old, MEMBER, actor)
    world.deliver_message(world.compose(chat, actor, {"new_chat_members": [user.to_json()]}))


def remove_member(world: World, chat_id: int, user_id: int, *, by: int | None = None) -> None:
    chat = world.chat(chat_id)
    user = world.user(user_id)
    actor = world.user(by) if by else user
    old = chat.status_of(user_id)
    if old in (LEFT, KICKED):
        return
    chat.members[user_id] = LEFT if actor is user else KICKED
    world.push_member_change(chat, user_id, old, chat.members[user_id], actor)
    world.deliver_message(world.compose(chat, actor, {"left_chat_member": user.to_json()}))


def set_admin(world: World, chat_id: int, user_id: int, admin: bool) -> None:
    chat = world.chat(chat_id)
    world.user(user_id)
    old = chat.status_of(user_id)
    if old == CREATOR:
        raise ControlError("the group's creator is always an admin")
    new = ADMINISTRATOR if admin else MEMBER
    if old != new:
        chat.members[user_id] = new
        creator = next((u for u, s in chat.members.items() if s == CREATOR), user_id)
        world.push_member_change(chat, user_id, old, new, world.users[creator])


def migrate_to_supergroup(world: World, chat_id: int) -> int:
    """A basic group becomes a supergroup, as Telegram does when a group grows or gets
    certain settings: a new chat id, the same people; the bot sees the two service messages,
    and the old id answers 400 with migrate_to_chat_id from then on. Telegram also tells the
    bot that it "joined" the new chat (my_chat_member, old status left) and never that it
    left the old one (tdlib/telegram-bot-api#266); the order of these updates is not
    promised, and the fake sends the join first, where a bot cannot yet know the chat moved."""
    old = world.chat(chat_id)
    if old.type != "group" or old.migrated_to is not None:
        raise ControlError(f"chat {chat_id} is not a basic group")
    new_id = int(f"-100{abs(chat_id)}")
    new = Chat(id=new_id, type="supergroup", title=old.title, members=dict(old.members))
    world.chats[new_id] = new
    creator = world.user(next(u for u, s in old.members.items() if s == CREATOR))
    if old.is_present(world.bot.id):
        world.push_member_change(new, world.bot.id, LEFT, new.status_of(world.bot.id), creator)
    world.deliver_message(world.compose(old, creator, {"migrate_to_chat_id": new_id}))
    world.deliver_message(world.compose(new, creator, {"migrate_from_chat_id": chat_id}))
    old.migrated_to = new_id
    return new_id


def add_topic(world: World, chat_id: int, name: str, *, created_by: int | None = None) -> int:
    """Creates a forum topic; its thread id is the id of its "forum_topic_created" message."""
    chat = world.chat(chat_id)
    if not chat.is_forum:
        raise ControlError(f"chat {chat_id} is not a forum: add_group(..., forum=True)")
    creator_id = created_by or next(u for u, s in chat.members.items() if s == CREATOR)
    thread_id = chat.next_message_id
    topic = Topic(thread_id, name)
    chat.topics[thread_id] = topic
    service = world.compose(
        chat,
        world.user(creator_id),
        {"forum_topic_created": {"name": name, "icon_color": topic.icon_color}},
        thread_id=thread_id,
    )
    world.deliver_message(service)
    return thread_id


def _sender_in(world: World, user_id: int, chat_id: int) -> tuple[User, Chat]:
    user = world.user(user_id)
    chat = world.chat(chat_id)
    if chat.type == "private":
        if chat.id != user_id:
            raise ControlError(f"user {user_id} cannot write in the private chat of {chat_id}")
        if user.blocked:
            raise ControlError(f"user {user_id} blocked the bot: start_private_chat() first")
        user.started = True  # writing to a bot means having pressed Start
    elif not chat.is_present(user_id):
        raise ControlError(f"user {user_id} is not a member of chat {chat_id}")
    return user, chat


def _compose(
    world: World,
    user: User,
    chat: Chat,
    content: dict[str, Any],
    thread_id: int | None,
    reply_to: int | None,
) -> StoredMessage:
    try:
        return world.compose(chat, user, content, thread_id=thread_id, reply_to=reply_to)
    except ApiError as error:  # a test named a topic or reply target that doesn't exist
        raise ControlError(error.description) from None


# Telegram's stand-in senders: an anonymous admin posts as the group itself, a linked channel
# as the channel; the message's `from` is then one of these users, the same for everybody.
GROUP_ANONYMOUS_BOT = {"id": 1087968824, "is_bot": True, "first_name": "Group",
                       "username": "GroupAnonymousBot"}
CHANNEL_BOT = {"id": 136817688, "is_bot": True, "first_name": "Channel",
               "username": "Channel_Bot"}


def _send_text(
    world: World, user: User, chat: Chat, text: str, thread_id: int | None, reply_to: int | None,
    as_chat: str | None = None,
) -> StoredMessage:
    plain, entities = format_text(text, None)
    if not plain:
        raise ControlError("Telegram does not send empty messages")
    content: dict[str, Any] = {"text": plain}
    if entities:
        content["entities"] = entities
    stored = _compose(world, user, chat, content, thread_id, reply_to)
    if as_chat == "group":  # an anonymous admin
        stored.payload["from"] = dict(GROUP_ANONYMOUS_BOT)
        stored.payload["sender_chat"] = dict(stored.payload["chat"])
    elif as_chat == "channel":
        stored.payload["from"] = dict(CHANNEL_BOT)
        stored.payload["sender_chat"] = {"id": -1009000000000 - user.id, "type": "channel",
                                         "title": f"Kanaal van {user.first_name}"}
    world.deliver_message(stored)
    return stored


def send_text(
    world: World,
    user_id: int,
    chat_id: int,
    text: str,
    *,
    thread_id: int | None = None,
    reply_to: int | None = None,
    as_chat: str | None = None,
) -> StoredMessage:
    """`as_chat`: "group" posts as an anonymous admin, "channel" on behalf of a channel."""
    user, chat = _sender_in(world, user_id, chat_id)
    return _send_text(world, user, chat, text, thread_id, reply_to, as_chat)


def edit_text(
    world: World, user_id: int, chat_id: int, message_id: int, text: str
) -> StoredMessage:
    stored = world.message(chat_id, message_id)
    if stored is None or stored.deleted or stored.payload.get("from", {}).get("id") != user_id:
        raise ControlError(f"user {user_id} has no message {message_id} in chat {chat_id}")
    plain, entities = format_text(text, None)
    stored.history.append(stored.payload.get("text", ""))
    stored.payload["text"] = plain
    stored.payload.pop("entities", None)
    if entities:
        stored.payload["entities"] = entities
    stored.payload["edit_date"] = world.now()
    world.touch(stored)
    world.deliver_message(stored, "edited_message")
    return stored


async def send_media(
    world: World,
    user_id: int,
    chat_id: int,
    data: bytes,
    *,
    kind: str = "video",
    caption: str | None = None,
    mime_type: str | None = None,
    file_name: str | None = None,
    thread_id: int | None = None,
    reply_to: int | None = None,
) -> StoredMessage:
    """A person sends a file; Telegram measures it (here: ffprobe) and assigns its ids."""
    if kind not in KINDS:
        raise ControlError(f"kind must be one of {KINDS}, not {kind!r}")
    user, chat = _sender_in(world, user_id, chat_id)
    measured = await probe(data)
    named = kind not in ("photo", "video_note")  # Telegram keeps no name or type for these
    file_name = (file_name or default_file_name(kind, mime_type)) if named else None
    file_id, unique_id = world.new_file_ids(kind)
    stored_file = world.add_file(
        StoredFile(
            file_id=file_id,
            file_unique_id=unique_id,
            kind=kind,
            data=data,
            mime_type=guess_mime(kind, file_name, mime_type) if named else None,
            file_name=file_name,
            duration=measured.duration,
            width=measured.width,
            height=measured.height,
        )
    )
    content = media_fields(stored_file)
    if caption and kind != "video_note":  # video notes have no caption in Telegram
        plain, entities = format_text(caption, None)
        content["caption"] = plain
        if entities:
            content["caption_entities"] = entities
    stored = _compose(world, user, chat, content, thread_id, reply_to)
    stored.media_kind, stored.file_id = kind, file_id
    world.deliver_message(stored)
    return stored


def click(world: World, user_id: int, chat_id: int, message_id: int, button: str) -> str:
    """Presses an inline button (matched by callback_data, else by its text)."""
    user = world.user(user_id)
    chat = world.chat(chat_id)
    if (chat.type == "private" and chat.id != user_id) or (
        chat.type != "private" and not chat.is_present(user_id)
    ):
        raise ControlError(f"user {user_id} cannot see chat {chat_id}")
    stored = world.message(chat_id, message_id)
    if stored is None or stored.deleted:
        raise ControlError(f"no message {message_id} in chat {chat_id}")
    rows = (stored.payload.get("reply_markup") or {}).get("inline_keyboard") or []
    buttons = [b for row in rows for b in row]
    chosen = next((b for b in buttons if b.get("callback_data") == button), None) or next(
        (b for b in buttons if b.get("text") == button), None
    )
    if chosen is None or "callback_data" not in chosen:
        labels = [(b.get("text"), b.get("callback_data")) for b in buttons]
        raise ControlError(f"no callback button {button!r} on message {message_id}: {labels}")
    query_id = str(4_200_000_000_000_000_000 + world.next_id())
    world.callback_queries[query_id] = CallbackQueryRecord(
        query_id, user_id, chat_id, message_id, chosen["callback_data"]
    )
    world.updates.push(
        "callback_query",
        {
            "id": query_id,
            "from": user.to_json(),
            "message": stored.payload,
            "chat_instance": world.chat_instance(chat_id),
            "data": chosen["callback_data"],
        },
    )
    return query_id
