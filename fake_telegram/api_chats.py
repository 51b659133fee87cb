"""Bot API methods about chats and their members, and forum topics."""

from __future__ import annotations

from typing import Any

from . import errors
from .model import ADMINISTRATOR, CREATOR, LEFT, Chat, Topic
from .params import Params
from .registry import MethodTable
from .world import World

methods = MethodTable()

_NO_GIFTS = {
    "unlimited_gifts": False,
    "limited_gifts": False,
    "unique_gifts": False,
    "premium_subscription": False,
    "gifts_from_channels": False,
}


def _group_for_bot(world: World, p: Params) -> Chat:
    """A chat the bot can look into: for groups, Telegram requires the bot to be in it."""
    chat = world.chat_for_bot(p.chat_id())
    if chat.type != "private" and not chat.is_present(world.bot.id):
        kind = "supergroup chat" if chat.type == "supergroup" else "group chat"
        raise errors.forbidden(f"bot is not a member of the {kind}")
    return chat


@methods.register("getChat")
async def get_chat(world: World, p: Params) -> dict[str, Any]:
    chat = _group_for_bot(world, p)
    info = chat.to_json(world.users) | {
        "accent_color_id": 0,
        "max_reaction_count": 11,
        "accepted_gift_types": _NO_GIFTS,
    }
    return info  # a ChatFullInfo: a private chat's has no language_code (a User's has)


@methods.register("getChatMember")
async def get_chat_member(world: World, p: Params) -> dict[str, Any]:
    chat = _group_for_bot(world, p)
    user_id = p.req_int("user_id")
    if user_id not in world.users:
        raise errors.bad_request("user not found")
    if chat.type == "private" and user_id not in (chat.id, world.bot.id):
        raise errors.bad_request("user not found")
    return world.member_json(chat, user_id)


@methods.register("getChatAdministrators")
async def get_chat_administrators(world: World, p: Params) -> list[dict[str, Any]]:
    chat = _group_for_bot(world, p)
    if chat.type == "private":
        raise errors.bad_request("there are no administrators in the private chat")
    admins = [u for u, s in chat.members.items() if s in (CREATOR, ADMINISTRATOR)]
    return [world.member_json(chat, user_id) for user_id in admins]


@methods.register("getChatMemberCount")
async def get_chat_member_count(world: World, p: Params) -> int:
    chat = _group_for_bot(world, p)
    return sum(1 for user_id in chat.members if chat.is_present(user_id))


@methods.register("leaveChat")
async def leave_chat(world: World, p: Params) -> bool:
    chat = _group_for_bot(world, p)
    if chat.type == "private":
        raise errors.bad_request("chat member status can't be changed in private chats")
    old = chat.status_of(world.bot.id)
    chat.members[world.bot.id] = LEFT
    # The bot hears about its own departure through my_chat_member, as on Telegram.
    world.push_member_change(chat, world.bot.id, old, LEFT, world.bot)
    return True


@methods.register("createForumTopic")
async def create_forum_topic(world: World, p: Params) -> dict[str, Any]:
    chat = world.writable_chat_for_bot(p.chat_id())
    if not chat.is_forum:
        raise errors.bad_request("the chat is not a forum")
    if not chat.is_admin(world.bot.id):
        raise errors.bad_request("not enough rights to create a topic")
    name = p.req_str("name")
    topic = Topic(chat.next_message_id, name, p.get_int("icon_color", default=7322096) or 0)
    chat.topics[topic.thread_id] = topic
    world.compose(
        chat,
        world.bot,
        {"forum_topic_created": {"name": name, "icon_color": topic.icon_color}},
        thread_id=topic.thread_id,
    )
    return {"message_thread_id": topic.thread_id, "name": name, "icon_color": topic.icon_color}


def _topic(world: World, p: Params) -> Topic:
    chat = world.writable_chat_for_bot(p.chat_id())
    topic = chat.topics.get(p.req_int("message_thread_id"))
    if topic is None:
        raise errors.bad_request(errors.THREAD_NOT_FOUND)
    return topic


@methods.register("closeForumTopic")
async def close_forum_topic(world: World, p: Params) -> bool:
    _topic(world, p).closed = True
    return True


@methods.register("reopenForumTopic")
async def reopen_forum_topic(world: World, p: Params) -> bool:
    _topic(world, p).closed = False
    return True


@methods.register("createChatInviteLink")
async def create_chat_invite_link(world: World, p: Params) -> dict[str, Any]:
    chat = world.writable_chat_for_bot(p.chat_id())
    if not chat.is_admin(world.bot.id):
        raise errors.bad_request("not enough rights to manage chat invite links")
    link: dict[str, Any] = {
        "invite_link": f"https://t.me/+fake{world.next_id():08d}",
        "creator": world.bot.to_json(),
        "creates_join_request": p.get_bool("creates_join_request"),
        "is_primary": False,
        "is_revoked": False,
    }
    # Without them Telegram's link has no expiry and no limit, and says neither.
    for optional in ("expire_date", "member_limit"):
        if (value := p.get_int(optional)) is not None:
            link[optional] = value
    return link
