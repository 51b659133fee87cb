"""The fake world's records: people, chats, topics, messages, files, callback queries.

Plain mutable dataclasses owned by `World`; everything runs on one asyncio loop, so no locks.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

# Chat member statuses, as the Bot API names them.
CREATOR = "creator"
ADMINISTRATOR = "administrator"
MEMBER = "member"
LEFT = "left"
KICKED = "kicked"
PRESENT = (CREATOR, ADMINISTRATOR, MEMBER)

# Message fields that make a service message; Telegram delivers those even in privacy mode.
SERVICE_FIELDS = (
    "new_chat_members",
    "left_chat_member",
    "new_chat_title",
    "group_chat_created",
    "supergroup_chat_created",
    "migrate_to_chat_id",
    "pinned_message",
    "forum_topic_created",
    "forum_topic_closed",
    "forum_topic_reopened",
)


@dataclass
class User:
    id: int
    first_name: str
    username: str | None = None
    last_name: str | None = None
    language_code: str | None = "nl"
    is_bot: bool = False
    # The private chat with the bot: Telegram refuses to let a bot write first.
    started: bool = False
    blocked: bool = False

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name}
        if self.last_name:
            data["last_name"] = self.last_name
        if self.username:
            data["username"] = self.username
        if self.language_code and not self.is_bot:
            data["language_code"] = self.language_code
        return data


@dataclass
class Topic:
    thread_id: int
    name: str
    icon_color: int = 7322096
    closed: bool = False


@dataclass
class Chat:
    id: int
    type: str  # "private", "group" or "supergroup"
    title: str | None = None
    username: str | None = None
    is_forum: bool = False
    # user id -> status; the bot itself is a member like any other (its own user id).
    members: dict[int, str] = field(default_factory=dict)
    topics: dict[int, Topic] = field(default_factory=dict)
    next_message_id: int = 1
    migrated_to: int | None = None  # a group upgraded to this supergroup

    def to_json(self, users: dict[int, User]) -> dict[str, Any]:
        if self.type == "private":
            return _private_chat_json(users[self.id])
        data: dict[str, Any] = {"id": self.id, "type": self.type, "title": self.title}
        if self.username:
            data["username"] = self.username
        if self.is_forum:
            data["is_forum"] = True
        return data

    def status_of(self, user_id: int) -> str:
        return self.members.get(user_id, LEFT)

    def is_present(self, user_id: int) -> bool:
        return self.status_of(user_id) in PRESENT

    def is_admin(self, user_id: int) -> bool:
        return self.status_of(user_id) in (CREATOR, ADMINISTRATOR)


def _private_chat_json(user: User) -> dict[str, Any]:
    data: dict[str, Any] = {"id": user.id, "type": "private", "first_name": user.first_name}
    if user.last_name:
        data["last_name"] = user.last_name
    if user.username:
        data["username"] = user.username
    return data


@dataclass
class StoredFile:
    file_id: str
    file_unique_id: str
    kind: str  # photo, video, video_note, animation, document
    data: bytes
    mime_type: str | None = None
    file_name: str | None = None
    duration: int = 0
    width: int = 0
    height: int = 0
    file_path: str | None = None  # assigned by getFile

    @property
    def file_size(self) -> int:
        return len(self.data)


@dataclass
class StoredMessage:
    """A message in a chat, kept in the Bot API's JSON shape plus what tests want to know."""

    chat_id: int
    message_id: int
    payload: dict[str, Any]  # the Message object as the Bot API sends it
    from_bot: bool
    seq: int  # world sequence number of the last change, for `since=` queries
    created: int = 0  # world sequence number when sent: orders messages across chats
    thread_id: int | None = None
    reply_to: int | None = None  # explicit reply only (not a topic's implicit one)
    html: str | None = None  # text as sent, before HTML parsing
    parse_mode: str | None = None
    method: str | None = None  # the Bot API method that produced it
    media_kind: str | None = None
    file_id: str | None = None
    deleted: bool = False
    history: list[str] = field(default_factory=list)  # earlier texts, oldest first
    delivered: bool = True  # for people's messages: did it reach the bot (privacy mode)?
    pinned: bool = False
    sent_at: float = field(default_factory=time.time)

    def view(self) -> dict[str, Any]:
        """The flat summary the control API returns (see docs/fake-telegram.md)."""
        p = self.payload
        return {
            "seq": self.seq,
            "created": self.created,
            "chat_id": self.chat_id,
            "message_id": self.message_id,
            "thread_id": self.thread_id,
            "from_bot": self.from_bot,
            "from_user_id": p.get("from", {}).get("id"),
            "text": p.get("text", p.get("caption")),
            "caption": p.get("caption"),
            "html": self.html,
            "parse_mode": self.parse_mode,
            "reply_markup": p.get("reply_markup"),
            "reply_to": self.reply_to,
            "media": self.media_kind,
            "service": next((name for name in SERVICE_FIELDS if name in p), None),
            "file_id": self.file_id,
            "deleted": self.deleted,
            "edited": bool(self.history) or "edit_date" in p,
            "history": list(self.history),
            "pinned": self.pinned,
            "delivered": self.delivered,
            "method": self.method,
            "date": p.get("date"),
            "message": p,
        }


@dataclass
class CallbackQueryRecord:
    id: str
    user_id: int
    chat_id: int
    message_id: int
    data: str
    answered: bool = False
    answer: dict[str, Any] | None = None


@dataclass
class ApiCall:
    seq: int
    method: str
    params: dict[str, Any]
    status: int | None = None  # None while the call is still running (a parked long poll)
    at: float = field(default_factory=time.time)

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "method": self.method,
            "params": self.params,
            "status": self.status,
            "at": self.at,
        }


@dataclass
class ArmedFailure:
    """The next `times` calls of `method` fail with this answer (429s, 5xx, ...)."""

    method: str  # lower case
    times: int
    error_code: int
    description: str
    retry_after: int | None = None
