"""What every bot "send" method shares: where it goes, what it replies to, its keyboard, text."""

from __future__ import annotations

from typing import Any

from . import errors
from .markup import format_text
from .model import StoredMessage
from .params import Params
from .world import World

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64  # bytes


def check_reply_markup(markup: Any) -> dict[str, Any] | None:
    """Validates an inline keyboard the way Telegram does where bots typically go wrong."""
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise errors.bad_request("can't parse reply keyboard markup JSON object")
    rows = markup.get("inline_keyboard")
    if rows is None:
        return markup  # reply keyboards, ForceReply, ReplyKeyboardRemove: accepted as they are
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise errors.bad_request(
            "can't parse inline keyboard button: InlineKeyboardButton must be an Object"
        )
    for button in (b for row in rows for b in row):
        if not str(button.get("text", "")).strip():
            raise errors.bad_request("BUTTON_TEXT_INVALID")
        actions = set(button) - {"text", "style", "icon_custom_emoji_id"}
        if not actions:
            raise errors.bad_request(
                "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
            )
        if "callback_data" in button:
            size = len(str(button["callback_data"]).encode("utf-8"))
            if not 1 <= size <= MAX_CALLBACK_DATA:
                raise errors.bad_request("BUTTON_DATA_INVALID")
        if "url" in button and not str(button["url"]).startswith(("http://", "https://", "tg://")):
            raise errors.bad_request(f"inline keyboard button URL '{button['url']}' is invalid")
    return markup


def reply_target(p: Params) -> tuple[int | None, bool]:
    """(message id to reply to, whether a missing target is allowed), from either the current
    `reply_parameters` or the older `reply_to_message_id`."""
    parameters = p.get_json("reply_parameters")
    if isinstance(parameters, dict) and parameters.get("message_id"):
        return int(parameters["message_id"]), bool(parameters.get("allow_sending_without_reply"))
    return p.get_int("reply_to_message_id"), p.get_bool("allow_sending_without_reply")


def formatted(
    p: Params, field: str, entities_field: str, *, limit: int, required: bool
) -> tuple[dict[str, Any], str | None]:
    """The text (or caption) fields of the new message, plus the raw text as sent."""
    raw = p.get_str(field)
    if raw is None or not raw.strip():
        if required:
            raise errors.bad_request("message text is empty")
        return {}, None
    plain, entities = format_text(raw, p.get_str("parse_mode"))
    if not plain and required:
        raise errors.bad_request("message text is empty")
    if len(plain) > limit:
        raise errors.bad_request(
            "message is too long" if field == "text" else "message caption is too long"
        )
    given = p.get_json(entities_field)
    if isinstance(given, list) and given:
        entities = given
    content: dict[str, Any] = {field: plain} if plain else {}
    if entities:
        content[entities_field] = entities
    return content, raw


def bot_send(
    world: World,
    p: Params,
    content: dict[str, Any],
    *,
    method: str,
    raw_text: str | None = None,
    media_kind: str | None = None,
    file_id: str | None = None,
    with_markup: bool = True,
) -> StoredMessage:
    """Stores a message the bot sends, after Telegram's checks on chat, topic and reply."""
    chat = world.writable_chat_for_bot(p.chat_id())
    markup = check_reply_markup(p.get_json("reply_markup")) if with_markup else None
    if markup and "inline_keyboard" in markup:
        # Only inline keyboards belong to the message; reply keyboards live in the client.
        content = content | {"reply_markup": markup}
    reply_to, allow_missing = reply_target(p)
    stored = world.compose(
        chat,
        world.bot,
        content,
        thread_id=p.get_int("message_thread_id") or None,
        reply_to=reply_to,
        allow_missing_reply=allow_missing,
    )
    stored.method = method
    stored.html = raw_text
    stored.parse_mode = p.get_str("parse_mode")
    stored.media_kind = media_kind
    stored.file_id = file_id
    return stored


def editable_message(world: World, p: Params) -> StoredMessage:
    if p.has("inline_message_id"):
        raise errors.bad_request(errors.MESSAGE_TO_EDIT_NOT_FOUND)  # no inline mode in the fake
    chat = world.chat_for_bot(p.chat_id())
    stored = world.message(chat.id, p.req_int("message_id"))
    if stored is None or stored.deleted:
        raise errors.bad_request(errors.MESSAGE_TO_EDIT_NOT_FOUND)
    if not stored.from_bot:
        raise errors.bad_request("message can't be edited")
    return stored
