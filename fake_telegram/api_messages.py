"""Bot API methods that send, edit and delete messages, and answer callback queries."""

from __future__ import annotations

from typing import Any

from . import errors
from .params import Params
from .registry import MethodTable
from .sending import (
    MAX_CAPTION,
    MAX_TEXT,
    bot_send,
    check_reply_markup,
    editable_message,
    formatted,
)
from .world import World

methods = MethodTable()
MAX_ANSWER_TEXT = 200  # answerCallbackQuery's notification or alert, in characters


@methods.register("sendMessage")
async def send_message(world: World, p: Params) -> dict[str, Any]:
    content, raw = formatted(p, "text", "entities", limit=MAX_TEXT, required=True)
    return bot_send(world, p, content, method="sendMessage", raw_text=raw).payload


def _apply_edit(world: World, stored: Any, changes: dict[str, Any], drop: tuple[str, ...]) -> None:
    """Edits in place; Telegram answers "not modified" when nothing visible changes."""
    before = {k: stored.payload.get(k) for k in set(changes) | set(drop)}
    after = {k: changes.get(k) for k in before}
    if before == after:
        raise errors.bad_request(errors.MESSAGE_NOT_MODIFIED)
    previous = stored.payload.get("text", stored.payload.get("caption"))
    words = next((k for k in ("text", "caption") if k in changes), None)
    if previous is not None and words is not None and changes[words] != previous:
        stored.history.append(previous)  # a keyboard-only edit leaves the words' history alone
    for key in drop:
        stored.payload.pop(key, None)
    stored.payload.update({k: v for k, v in changes.items() if v is not None})
    stored.payload["edit_date"] = world.now()
    world.touch(stored)


@methods.register("editMessageText")
async def edit_message_text(world: World, p: Params) -> dict[str, Any]:
    stored = editable_message(world, p)
    if "text" not in stored.payload:
        raise errors.bad_request("there is no text in the message to edit")
    content, raw = formatted(p, "text", "entities", limit=MAX_TEXT, required=True)
    # Telegram removes an inline keyboard that the edit does not repeat.
    markup = check_reply_markup(p.get_json("reply_markup"))
    changes = {
        "text": content["text"],
        "entities": content.get("entities"),
        "reply_markup": markup,
    }
    _apply_edit(world, stored, changes, ("entities", "reply_markup"))
    stored.html, stored.parse_mode = raw, p.get_str("parse_mode")
    return stored.payload


@methods.register("editMessageCaption")
async def edit_message_caption(world: World, p: Params) -> dict[str, Any]:
    stored = editable_message(world, p)
    if stored.media_kind is None:
        raise errors.bad_request("there is no caption in the message to edit")
    content, raw = formatted(p, "caption", "caption_entities", limit=MAX_CAPTION, required=False)
    changes = {
        "caption": content.get("caption"),
        "caption_entities": content.get("caption_entities"),
        "reply_markup": check_reply_markup(p.get_json("reply_markup")),
    }
    _apply_edit(world, stored, changes, ("caption", "caption_entities", "reply_markup"))
    stored.html, stored.parse_mode = raw, p.get_str("parse_mode")
    return stored.payload


@methods.register("editMessageReplyMarkup")
async def edit_message_reply_markup(world: World, p: Params) -> dict[str, Any]:
    stored = editable_message(world, p)
    changes = {"reply_markup": check_reply_markup(p.get_json("reply_markup"))}
    _apply_edit(world, stored, changes, ("reply_markup",))
    return stored.payload


def _delete(world: World, chat_id: int, message_id: int) -> bool:
    chat = world.chats[chat_id]
    stored = world.message(chat_id, message_id)
    if stored is None or stored.deleted:
        raise errors.bad_request(errors.MESSAGE_TO_DELETE_NOT_FOUND)
    if chat.type != "private" and not stored.from_bot and not chat.is_admin(world.bot.id):
        raise errors.bad_request("message can't be deleted")
    stored.deleted = True
    world.touch(stored)
    return True


@methods.register("deleteMessage")
async def delete_message(world: World, p: Params) -> bool:
    chat = world.chat_for_bot(p.chat_id())
    return _delete(world, chat.id, p.req_int("message_id"))


@methods.register("deleteMessages")
async def delete_messages(world: World, p: Params) -> bool:
    chat = world.chat_for_bot(p.chat_id())
    for message_id in p.get_json("message_ids") or []:
        try:
            _delete(world, chat.id, int(message_id))
        except errors.ApiError:
            pass  # Telegram skips messages that can't be found or deleted
    return True


@methods.register("answerCallbackQuery")
async def answer_callback_query(world: World, p: Params) -> bool:
    query = world.callback_queries.get(p.req_str("callback_query_id"))
    if query is None or query.answered:
        raise errors.bad_request(errors.QUERY_TOO_OLD)
    text = p.get_str("text")
    if text is not None and len(text) > MAX_ANSWER_TEXT:
        # Refused, and the query stays unanswered: the person's button keeps spinning.
        raise errors.bad_request(errors.ANSWER_TOO_LONG)
    query.answered = True
    query.answer = {
        "text": text,
        "show_alert": p.get_bool("show_alert"),
        "url": p.get_str("url"),
        "cache_time": p.get_int("cache_time", default=0),
    }
    return True


@methods.register("sendChatAction")
async def send_chat_action(world: World, p: Params) -> bool:
    world.writable_chat_for_bot(p.chat_id())
    return True


@methods.register("setMessageReaction")
async def set_message_reaction(world: World, p: Params) -> bool:
    chat = world.chat_for_bot(p.chat_id())
    if world.message(chat.id, p.req_int("message_id")) is None:
        raise errors.bad_request("message to react not found")
    return True


def _pinnable(world: World, p: Params) -> Any:
    chat = world.writable_chat_for_bot(p.chat_id())
    if chat.type != "private" and not chat.is_admin(world.bot.id):
        raise errors.bad_request("not enough rights to manage pinned messages in the chat")
    stored = world.message(chat.id, p.req_int("message_id"))
    if stored is None or stored.deleted:
        raise errors.bad_request("message to pin not found")
    return stored


@methods.register("pinChatMessage")
async def pin_chat_message(world: World, p: Params) -> bool:
    stored = _pinnable(world, p)
    stored.pinned = True
    world.touch(stored)
    return True


@methods.register("unpinChatMessage")
async def unpin_chat_message(world: World, p: Params) -> bool:
    stored = _pinnable(world, p)
    stored.pinned = False
    world.touch(stored)
    return True


def _copied_content(world: World, p: Params) -> tuple[dict[str, Any], Any]:
    source_chat = world.chat_for_bot(p.chat_id("from_chat_id"))
    source = world.message(source_chat.id, p.req_int("message_id"))
    if source is None or source.deleted:
        raise errors.bad_request("message to copy not found")
    keep = (
        "text",
        "entities",
        "caption",
        "caption_entities",
        "photo",
        "video",
        "video_note",
        "animation",
        "document",
    )
    return {k: v for k, v in source.payload.items() if k in keep}, source


@methods.register("copyMessage")
async def copy_message(world: World, p: Params) -> dict[str, Any]:
    content, source = _copied_content(world, p)
    stored = bot_send(
        world,
        p,
        content,
        method="copyMessage",
        media_kind=source.media_kind,
        file_id=source.file_id,
    )
    return {"message_id": stored.message_id}


@methods.register("forwardMessage")
async def forward_message(world: World, p: Params) -> dict[str, Any]:
    content, source = _copied_content(world, p)
    content["forward_origin"] = {
        "type": "user",
        "date": source.payload["date"],
        "sender_user": source.payload["from"],
    }
    stored = bot_send(
        world,
        p,
        content,
        method="forwardMessage",
        media_kind=source.media_kind,
        file_id=source.file_id,
        with_markup=False,
    )
    return stored.payload
