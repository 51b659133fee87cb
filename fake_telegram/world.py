"""The fake Telegram's state: who exists, which chats, every message, and the bot's updates.

`World` holds the records and the rules shared by both sides: composing messages the way
Telegram shapes them, and deciding whether a message reaches the bot (privacy mode). What people
do lives in `people.py`; what the bot may do lives in the `api_*.py` method modules.
"""

from __future__ import annotations

import hashlib
import itertools
import time
from pathlib import Path
from typing import Any

from . import errors
from .errors import ApiError, ControlError
from .limits import Faults, FaultSettings, SendLimits
from .markup import commands_in, mentions_in
from .model import (
    ADMINISTRATOR,
    CREATOR,
    KICKED,
    LEFT,
    MEMBER,
    SERVICE_FIELDS,
    ApiCall,
    ArmedFailure,
    CallbackQueryRecord,
    Chat,
    StoredFile,
    StoredMessage,
    User,
)
from .updates import UpdateQueue

MAX_CALL_LOG = 5000  # enough for any test, bounded for a long sandbox session


class World:
    def __init__(
        self,
        token: str,
        *,
        bot_username: str = "intervision_test_bot",
        bot_first_name: str = "Intervisie",
        privacy_mode: bool = False,
        limits: bool = False,
        faults: FaultSettings | None = None,
    ) -> None:
        self.token = token
        self.bot = User(
            id=int(token.split(":", 1)[0]),
            first_name=bot_first_name,
            username=bot_username,
            is_bot=True,
            language_code=None,
        )
        self.updates = UpdateQueue()
        self.limits = SendLimits(limits)
        self.faults = Faults(faults or FaultSettings())
        self._privacy_default = privacy_mode
        # Seconds the sandbox's clock runs ahead (fake_telegram/clock.py): message dates follow
        # it, as they follow the clock of the bot's machine on Telegram.
        self.clock_offset = 0.0
        # Set to a folder, the server answers getFile as the official Bot API server does in
        # --local mode: the file is written there and its absolute path handed out, with no
        # 20 MB limit (the bot then reads it from disk, TELEGRAM_LOCAL_MODE=1).
        self.local_files: Path | None = None
        self.reset()

    def now(self) -> int:
        """The unix time stamped on new messages and member changes."""
        return int(time.time() + self.clock_offset)

    def reset(self) -> None:
        """Forgets everyone and everything, keeping the bot and the update id counter (a bot
        that already confirmed id N would otherwise skip the next updates)."""
        self.privacy_mode = self._privacy_default
        self.users: dict[int, User] = {self.bot.id: self.bot}
        self.chats: dict[int, Chat] = {}
        self.messages: dict[tuple[int, int], StoredMessage] = {}
        self.files: dict[str, StoredFile] = {}
        self.callback_queries: dict[str, CallbackQueryRecord] = {}
        self.commands: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.settings: dict[str, Any] = {}  # webhook, descriptions, menu button: stored only
        self.calls: list[ApiCall] = []
        self.armed: list[ArmedFailure] = []
        # Calls that take effect but answer late: method (lower case) -> seconds, one a call.
        self.slow_answers: dict[str, list[float]] = {}
        self.seq = 0
        self._call_seq = itertools.count(1)
        self._ids = itertools.count(1)
        self.updates.drop_pending()
        self.limits.clear()  # the modes stay as switched; windows and counts start afresh
        self.faults.clear()

    # ----- counters and logs -----------------------------------------------------------

    def next_seq(self) -> int:
        self.seq += 1
        return self.seq

    def next_id(self) -> int:
        """A world-unique number for file ids, callback query ids, file paths."""
        return next(self._ids)

    def record_call(self, method: str, params: dict[str, Any]) -> ApiCall:
        """Logs a Bot API call on arrival; the server fills in its status when answered."""
        call = ApiCall(next(self._call_seq), method, params)
        self.calls.append(call)
        del self.calls[:-MAX_CALL_LOG]
        return call

    def take_armed_failure(self, method: str) -> ApiError | None:
        for armed in self.armed:
            if armed.method == method.lower() and armed.times > 0:
                armed.times -= 1
                params = {"retry_after": armed.retry_after} if armed.retry_after else None
                return ApiError(armed.error_code, armed.description, params)
        return None

    def take_slow_answer(self, method: str) -> float:
        waiting = self.slow_answers.get(method.lower())
        return waiting.pop(0) if waiting else 0.0

    # ----- lookups -----------------------------------------------------------------------

    def user(self, user_id: int) -> User:
        if user_id not in self.users:
            raise ControlError(f"unknown user {user_id}: add_user() first")
        return self.users[user_id]

    def chat(self, chat_id: int) -> Chat:
        """A chat named by a test; private chats exist as soon as the user exists."""
        if chat_id in self.chats:
            return self.chats[chat_id]
        if chat_id in self.users and chat_id != self.bot.id:
            return self.private_chat(self.users[chat_id])
        raise ControlError(f"unknown chat {chat_id}: add_group() or add_user() first")

    def private_chat(self, user: User) -> Chat:
        if user.id not in self.chats:
            self.chats[user.id] = Chat(
                id=user.id, type="private", members={user.id: MEMBER, self.bot.id: MEMBER}
            )
        return self.chats[user.id]

    def chat_for_bot(self, ref: int | str) -> Chat:
        """The chat a Bot API call names, with Telegram's errors for chats the bot can't use."""
        chat: Chat | None = None
        if isinstance(ref, str):
            name = ref.removeprefix("@").lower()
            chat = next(
                (c for c in self.chats.values() if (c.username or "").lower() == name), None
            )
        elif ref in self.chats:
            chat = self.chats[ref]
        elif ref in self.users and ref != self.bot.id:
            chat = self.private_chat(self.users[ref])
        if chat is None:
            raise errors.bad_request(errors.CHAT_NOT_FOUND)
        return chat

    def writable_chat_for_bot(self, ref: int | str) -> Chat:
        """Like chat_for_bot, plus the 403s for sending where the bot may not write."""
        chat = self.chat_for_bot(ref)
        if chat.type == "private":
            user = self.users[chat.id]
            if user.blocked:
                raise errors.forbidden(errors.BLOCKED)
            if not user.started:
                raise errors.forbidden(errors.CANT_INITIATE)
            return chat
        if chat.migrated_to is not None:
            raise errors.ApiError(400, "Bad Request: group chat was upgraded to a supergroup "
                                  "chat", {"migrate_to_chat_id": chat.migrated_to})
        status = chat.status_of(self.bot.id)
        kind = "supergroup chat" if chat.type == "supergroup" else "group chat"
        if status == KICKED:
            raise errors.forbidden(f"bot was kicked from the {kind}")
        if status == LEFT:
            raise errors.forbidden(f"bot is not a member of the {kind}")
        return chat

    def message(self, chat_id: int, message_id: int) -> StoredMessage | None:
        return self.messages.get((chat_id, message_id))

    def chat_instance(self, chat_id: int) -> str:
        # Stable per chat and opaque, like Telegram's; derived so tests can compare.
        digest = hashlib.sha256(f"{self.token}:{chat_id}".encode()).hexdigest()
        return str(int(digest[:15], 16))

    # ----- composing messages ---------------------------------------------------------

    def compose(
        self,
        chat: Chat,
        sender: User,
        content: dict[str, Any],
        *,
        thread_id: int | None = None,
        reply_to: int | None = None,
        allow_missing_reply: bool = False,
    ) -> StoredMessage:
        """Stores a new message shaped like Telegram's, with topic and reply fields filled in.

        Raises ApiError for a bad topic or reply target, as sendMessage would.
        """
        target = self.message(chat.id, reply_to) if reply_to else None
        if reply_to and (target is None or target.deleted):
            if not allow_missing_reply:
                raise errors.bad_request(errors.REPLY_NOT_FOUND)
            target, reply_to = None, None
        if target is not None and (thread_id is None or chat.is_forum):
            # A reply lands in the topic of what it answers, whatever message_thread_id says.
            thread_id = target.thread_id
        if thread_id is not None:
            self._check_thread(chat, thread_id, sender)
        payload: dict[str, Any] = {
            "message_id": chat.next_message_id,
            "from": sender.to_json(),
            "chat": chat.to_json(self.users),
            "date": self.now(),
        }
        chat.next_message_id += 1
        if chat.is_forum and thread_id is not None:
            payload["message_thread_id"] = thread_id
            payload["is_topic_message"] = True
            if target is None:
                # Telegram quirk kept on purpose: a topic message without a reply still carries
                # reply_to_message, pointing at the topic's "forum_topic_created" message.
                target = self.message(chat.id, thread_id)
        elif target is not None and chat.type == "supergroup":
            # Another quirk: a reply outside a topic (a plain supergroup, a forum's General)
            # carries the id of its reply chain's first message as message_thread_id, without
            # is_topic_message. It names no topic; sending to it in a forum fails.
            payload["message_thread_id"] = target.payload.get(
                "message_thread_id", target.message_id
            )
        if target is not None:
            payload["reply_to_message"] = {
                k: v for k, v in target.payload.items() if k != "reply_to_message"
            }
        payload.update(content)
        stored = StoredMessage(
            chat_id=chat.id,
            message_id=payload["message_id"],
            payload=payload,
            from_bot=sender.id == self.bot.id,
            seq=self.next_seq(),
            thread_id=thread_id if chat.is_forum else None,
            reply_to=reply_to,
        )
        stored.created = stored.seq
        self.messages[(chat.id, stored.message_id)] = stored
        return stored

    def _check_thread(self, chat: Chat, thread_id: int, sender: User) -> None:
        if chat.is_forum:
            if thread_id not in chat.topics:
                raise errors.bad_request(errors.THREAD_NOT_FOUND)
            # A closed topic takes messages only from admins (can_manage_topics), bots too.
            if chat.topics[thread_id].closed and not chat.is_admin(sender.id):
                raise errors.bad_request(errors.TOPIC_CLOSED)
        elif chat.type != "private" and self.message(chat.id, thread_id) is None:
            raise errors.bad_request(errors.THREAD_NOT_FOUND)

    def touch(self, stored: StoredMessage) -> None:
        """Marks a message as changed, so `since=` queries see edits and deletions."""
        stored.seq = self.next_seq()

    # ----- delivering updates -----------------------------------------------------------

    def deliver_message(self, stored: StoredMessage, kind: str = "message") -> int | None:
        """Queues a person's (new or edited) message for the bot, unless Telegram wouldn't."""
        stored.delivered = self.reaches_bot(stored)
        if not stored.delivered:
            return None
        return self.updates.push(kind, stored.payload)

    def reaches_bot(self, stored: StoredMessage) -> bool:
        chat = self.chats[stored.chat_id]
        if chat.type == "private":
            return True
        if not chat.is_present(self.bot.id):
            return False
        if not self.privacy_mode or chat.is_admin(self.bot.id):
            return True
        return self._passes_privacy_mode(stored)

    def _passes_privacy_mode(self, stored: StoredMessage) -> bool:
        """Privacy mode: only commands, replies to the bot, mentions and service messages."""
        payload = stored.payload
        if any(name in payload for name in SERVICE_FIELDS):
            return True
        text = payload.get("text") or payload.get("caption") or ""
        entities = payload.get("entities") or payload.get("caption_entities") or []
        me = f"@{(self.bot.username or '').lower()}"
        for command in commands_in(text, entities):
            if "@" not in command or command.lower().endswith(me):
                return True
        if me in mentions_in(text, entities):
            return True
        target = self.message(stored.chat_id, stored.reply_to) if stored.reply_to else None
        return target is not None and target.from_bot

    def member_json(self, chat: Chat, user_id: int, status: str | None = None) -> dict[str, Any]:
        """A ChatMember object; admins get full rights, which is all a fake needs."""
        status = status or chat.status_of(user_id)
        data: dict[str, Any] = {"status": status, "user": self.users[user_id].to_json()}
        if status == CREATOR:
            data["is_anonymous"] = False
        elif status == ADMINISTRATOR:
            data |= {
                "can_be_edited": False,
                "is_anonymous": False,
                "can_manage_chat": True,
                "can_delete_messages": True,
                "can_manage_video_chats": True,
                "can_restrict_members": True,
                "can_promote_members": False,
                "can_change_info": True,
                "can_invite_users": True,
                "can_post_stories": False,
                "can_edit_stories": False,
                "can_delete_stories": False,
                "can_pin_messages": True,
            }
            if chat.is_forum:
                data["can_manage_topics"] = True
        elif status == KICKED:
            data["until_date"] = 0
        return data

    def push_member_change(
        self, chat: Chat, user_id: int, old: str, new: str, by: User
    ) -> int | None:
        """my_chat_member for the bot itself; chat_member for others (admin bots only)."""
        payload = {
            "chat": chat.to_json(self.users),
            "from": by.to_json(),
            "date": self.now(),
            "old_chat_member": self.member_json(chat, user_id, old),
            "new_chat_member": self.member_json(chat, user_id, new),
        }
        if user_id == self.bot.id:
            return self.updates.push("my_chat_member", payload)
        if chat.is_admin(self.bot.id):  # Telegram tells only admin bots about others
            return self.updates.push("chat_member", payload)
        return None

    # ----- files -------------------------------------------------------------------------

    def add_file(self, file: StoredFile) -> StoredFile:
        self.files[file.file_id] = file
        return file

    def new_file_ids(self, kind: str) -> tuple[str, str]:
        """Opaque ids in Telegram's style; tests must never parse them."""
        number = self.next_id()
        digest = hashlib.sha256(f"{self.token}:file:{number}".encode()).hexdigest()
        prefix = {"photo": "AgAC", "video": "BAAC", "video_note": "DQAC", "animation": "CgAC"}
        return f"{prefix.get(kind, 'BQAC')}AgQAAxkBAA{digest[:40]}", f"AgAD{digest[40:52]}"
