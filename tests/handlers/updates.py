"""Update builders for in-process handler tests: the `Update` objects Telegram would send
for a message or command in the test group, an edit, or a press on a button.

    update = command(bot, ANNA, "/setup")
    update = command(bot, CATO, "/next", edited=True)
    update = button(bot, CATO, message, "agree:x", query_id)

Each gets a fresh update id (and message id), as Telegram's would be; the people and the
group are the ones the `app` fixture (tests/handlers/conftest.py) puts in the fake."""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from telegram import Bot, Update

GROUP = -1001000000042
GROUP_TITLE = "Intervisie 3B"
DATE = 1_796_000_000  # a fixed moment: Telegram's date, in unix seconds
# Far above the message ids the fake Telegram gives (from 1 in each chat): a message built
# here is unknown to the fake, and a reply to it must not be read as a reply to one of the
# bot's own messages with the same id.
_ids = itertools.count(1_000_001)


@dataclass(frozen=True)
class Person:
    user_id: int
    first_name: str
    language_code: str = "nl"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.user_id, "is_bot": False, "first_name": self.first_name,
                "language_code": self.language_code}


ANNA = Person(1, "Anna")  # admin of the group
BRAM = Person(2, "Bram")
CATO = Person(3, "Cato")
STRANGER = Person(9, "Onbekend")  # in a group that is not set up


def _chat(chat_id: int) -> dict[str, Any]:
    if chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": "?"}
    return {"id": chat_id, "type": "supergroup", "title": GROUP_TITLE}


# The one stand-in user Telegram sends for every admin who posts as the group itself.
ANONYMOUS_ADMIN = {"id": 1087968824, "is_bot": True, "first_name": "Group",
                   "username": "GroupAnonymousBot"}


def message(bot: Bot, person: Person, text: str, *, chat_id: int = GROUP,
            edited: bool = False, message_id: int | None = None,
            reply_to: dict[str, Any] | None = None, as_group: bool = False,
            thread: int | None = None) -> Update:
    """`person` says `text` in the chat (an edit of message `message_id` with `edited`; a
    reply to the message `reply_to`, as `Message.to_dict()` or a body built here; with
    `as_group`, an admin posting anonymously as the group: Telegram names nobody then; in the
    forum topic `thread`)."""
    number = next(_ids)
    body: dict[str, Any] = {"message_id": message_id or number, "date": DATE,
                            "chat": _chat(chat_id), "from": person.to_dict(), "text": text,
                            **_in_topic(thread)}
    if as_group:
        body["from"], body["sender_chat"] = ANONYMOUS_ADMIN, _chat(chat_id)
    if reply_to is not None:
        body["reply_to_message"] = reply_to
    if text.startswith("/"):
        body["entities"] = [{"type": "bot_command", "offset": 0,
                             "length": len(text.split()[0])}]
    if edited:
        body["edit_date"] = DATE + 60
    update = {"update_id": number, "edited_message" if edited else "message": body}
    return Update.de_json(update, bot)


command = message  # a command is a message that starts with one; the name says what is meant


def joined_chat(bot: Bot, *people: Person, by: Person | None = None,
                chat_id: int = GROUP) -> Update:
    """The service message of `people` added to the chat by `by` (or joining by themselves)."""
    number = next(_ids)
    body = {"message_id": number, "date": DATE, "chat": _chat(chat_id),
            "from": (by or people[0]).to_dict(),
            "new_chat_members": [person.to_dict() for person in people]}
    return Update.de_json({"update_id": number, "message": body}, bot)


def member_status(bot: Bot, person: Person, old: str, new: str, *,
                  chat_id: int = GROUP) -> Update:
    """The chat_member update of `person` going from status `old` to `new` ("left",
    "member", ...): what Telegram sends where the bot is an admin."""
    number = next(_ids)
    change = {"chat": _chat(chat_id), "from": person.to_dict(), "date": DATE,
              "old_chat_member": {"status": old, "user": person.to_dict()},
              "new_chat_member": {"status": new, "user": person.to_dict()}}
    return Update.de_json({"update_id": number, "chat_member": change}, bot)


def arrived(bot: Bot, sent: dict[str, Any]) -> Update:
    """The update that brings a message a person sent through the fake Telegram
    (`tg.send_text`, `tg.send_video`): unlike one built here, the fake holds that message, so
    a reply to it points at something real."""
    return Update.de_json({"update_id": next(_ids), "message": sent}, bot)


def video(bot: Bot, person: Person, caption: str | None = None, *, seconds: int = 60,
          chat_id: int = GROUP) -> Update:
    """`person` sends a video (Telegram's metadata only: nothing to download) with `caption`."""
    number = next(_ids)
    body: dict[str, Any] = {
        "message_id": number, "date": DATE, "chat": _chat(chat_id), "from": person.to_dict(),
        "video": {"file_id": f"video-{number}", "file_unique_id": f"u-{number}", "width": 160,
                  "height": 120, "duration": seconds, "file_size": 50_000}}
    if caption is not None:
        body["caption"] = caption
    return Update.de_json({"update_id": number, "message": body}, bot)


def _in_topic(thread: int | None) -> dict[str, Any]:
    return {"message_thread_id": thread, "is_topic_message": True} if thread else {}


def media(bot: Bot, person: Person, kind: str, caption: str | None = None, *,
          seconds: int = 3, album: str | None = None, chat_id: int = GROUP,
          thread: int | None = None, as_group: bool = False) -> Update:
    """`person` sends a file of `kind` as Telegram delivers it: "video", "video_note" (round,
    no caption), "animation" (a GIF: Telegram fills `document` too), "photo" or "document"
    (a PDF); `album` is the media_group_id of an album it is part of; `as_group` as in
    `message`."""
    number = next(_ids)
    file = {"file_id": f"{kind}-{number}", "file_unique_id": f"u-{number}",
            "file_size": 40_000}
    moving = {**file, "width": 200, "height": 200, "duration": seconds}
    contents: dict[str, dict[str, Any]] = {
        "video": {"video": moving},
        "video_note": {"video_note": {**file, "length": 240, "duration": seconds}},
        "animation": {"animation": {**moving, "mime_type": "video/mp4"},
                      "document": {**file, "mime_type": "video/mp4"}},
        "photo": {"photo": [{**file, "width": 320, "height": 240}]},
        "document": {"document": {**file, "mime_type": "application/pdf",
                                  "file_name": "les.pdf"}},
    }
    content = contents[kind]
    body: dict[str, Any] = {"message_id": number, "date": DATE, "chat": _chat(chat_id),
                            "from": person.to_dict(), **content, **_in_topic(thread)}
    if as_group:
        body["from"], body["sender_chat"] = ANONYMOUS_ADMIN, _chat(chat_id)
    if caption is not None:
        body["caption"] = caption
    if album is not None:
        body["media_group_id"] = album
    return Update.de_json({"update_id": number, "message": body}, bot)


def button(bot: Bot, person: Person, pressed_on: dict[str, Any], data: str,
           query_id: str) -> Update:
    """`person` presses the button `data` on the message `pressed_on` (a Bot API Message
    dict); `query_id` is the callback query the fake knows, so the bot can answer it."""
    query = {"id": query_id, "from": person.to_dict(), "message": pressed_on,
             "chat_instance": str(pressed_on["chat"]["id"]), "data": data}
    return Update.de_json({"update_id": next(_ids), "callback_query": query}, bot)


def member_left(bot: Bot, person: Person, *, status: str = "left") -> Update:
    """A chat_member update: `person` left the group (or was removed: "kicked"), as Telegram
    sends it where the bot is an admin."""
    number = next(_ids)
    member: dict[str, Any] = {"user": person.to_dict(), "status": "member"}
    gone: dict[str, Any] = {"user": person.to_dict(), "status": status}
    if status == "kicked":
        gone["until_date"] = 0
    body = {"chat": _chat(GROUP), "from": ANNA.to_dict(), "date": DATE,
            "old_chat_member": member, "new_chat_member": gone}
    return Update.de_json({"update_id": number, "chat_member": body}, bot)


def bot_added(bot: Bot, by: Person, *, chat_id: int = GROUP, removed: bool = False) -> Update:
    """A my_chat_member update: `by` added the bot to the group (or, `removed`, took it out),
    as Telegram sends it."""
    me = {"id": bot.id, "is_bot": True, "first_name": bot.first_name}
    before, after = ("member", "left") if removed else ("left", "member")
    body = {"chat": _chat(chat_id), "from": by.to_dict(), "date": DATE,
            "old_chat_member": {"user": me, "status": before},
            "new_chat_member": {"user": me, "status": after}}
    return Update.de_json({"update_id": next(_ids), "my_chat_member": body}, bot)


def bot_blocked(bot: Bot, person: Person, *, blocked: bool = True) -> Update:
    """A my_chat_member update in `person`'s private chat: they blocked the bot (or, with
    `blocked=False`, unblocked it), as Telegram sends it."""
    me = {"id": bot.id, "is_bot": True, "first_name": bot.first_name}
    before, after = ("member", "kicked") if blocked else ("kicked", "member")
    old: dict[str, Any] = {"user": me, "status": before}
    new: dict[str, Any] = {"user": me, "status": after}
    (new if blocked else old)["until_date"] = 0  # Telegram's "kicked" carries one
    body = {"chat": _chat(person.user_id), "from": person.to_dict(), "date": DATE,
            "old_chat_member": old, "new_chat_member": new}
    return Update.de_json({"update_id": next(_ids), "my_chat_member": body}, bot)


def bot_demoted(bot: Bot, by: Person, *, chat_id: int = GROUP, promoted: bool = False) -> Update:
    """A my_chat_member update: `by` took the bot's admin rights away in the group (or, with
    `promoted`, made the bot an admin)."""
    me = {"id": bot.id, "is_bot": True, "first_name": bot.first_name}
    admin = {"user": me, "status": "administrator", "can_be_edited": False,
             "is_anonymous": False, "can_manage_chat": True, "can_delete_messages": True,
             "can_manage_video_chats": False, "can_restrict_members": False,
             "can_promote_members": False, "can_change_info": False,
             "can_invite_users": True, "can_post_stories": False, "can_edit_stories": False,
             "can_delete_stories": False}
    plain = {"user": me, "status": "member"}
    body = {"chat": _chat(chat_id), "from": by.to_dict(), "date": DATE,
            "old_chat_member": plain if promoted else admin,
            "new_chat_member": admin if promoted else plain}
    return Update.de_json({"update_id": next(_ids), "my_chat_member": body}, bot)
