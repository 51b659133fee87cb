"""Editing, deleting, pinning, reacting, copying and forwarding at their edges, with the
errors Telegram words for each (test_fake_messages.py has the main cases)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden

from fake_telegram import FakeTelegramServer

if TYPE_CHECKING:
    from telegram import Bot

    from tests.fake_telegram.conftest import Cast

KEYBOARD = InlineKeyboardMarkup([[InlineKeyboardButton("Ja", callback_data="yes")]])


async def _call(api: httpx.AsyncClient, method: str, **params: Any) -> dict[str, Any]:
    answer: dict[str, Any] = (await api.post(method, json=params)).json()
    return answer


async def test_text_and_captions_are_edited_only_where_they_are(
    bot: Bot, cast: Cast, still: Path
) -> None:
    photo = await bot.send_photo(cast.anna, still.read_bytes(), caption="oud")
    text = await bot.send_message(cast.anna, "tekst")
    with pytest.raises(BadRequest, match="(?i)there is no text in the message to edit"):
        await bot.edit_message_text("nieuw", chat_id=cast.anna, message_id=photo.message_id)
    with pytest.raises(BadRequest, match="(?i)there is no caption in the message to edit"):
        await bot.edit_message_caption(cast.anna, text.message_id, caption="nieuw")
    edited = await bot.edit_message_caption(cast.anna, photo.message_id, caption="nieuw")
    assert not isinstance(edited, bool) and edited.caption == "nieuw"


async def test_a_new_keyboard_under_the_same_text_is_no_earlier_text(
    bot: Bot, cast: Cast
) -> None:
    sent = await bot.send_message(cast.anna, "Stap 1")
    await sent.edit_text("Stap 1", reply_markup=KEYBOARD)
    view = (await cast.tg.bot_messages(cast.anna))[-1]
    assert view["history"] == [] and view["edited"] and view["reply_markup"] is not None


async def test_a_keyboard_only_edit_leaves_the_history_alone(bot: Bot, cast: Cast) -> None:
    """The words did not change, so they are not in the history (it recorded them again)."""
    sent = await bot.send_message(cast.anna, "Stap 1", reply_markup=KEYBOARD)
    await bot.edit_message_reply_markup(cast.anna, sent.message_id, reply_markup=None)
    assert (await cast.tg.bot_messages(cast.anna))[-1]["history"] == []


async def test_the_bot_deletes_what_people_wrote_in_private(bot: Bot, cast: Cast) -> None:
    mine = await cast.tg.send_text(cast.anna, cast.anna, "wis dit maar")
    assert await bot.delete_message(cast.anna, mine["message_id"])


async def test_deleting_several_skips_what_cannot_be_found(
    bot: Bot, cast: Cast, api: httpx.AsyncClient
) -> None:
    sent = await bot.send_message(cast.group, "weg")
    answer = await _call(api, "deleteMessages", chat_id=cast.group,
                         message_ids=[999, sent.message_id])
    assert answer == {"ok": True, "result": True}
    assert (await cast.tg.bot_messages(cast.group))[-1]["deleted"]


async def test_actions_and_reactions_need_a_chat_and_a_message(
    bot: Bot, cast: Cast
) -> None:
    with pytest.raises(Forbidden, match="(?i)bot can't initiate conversation"):
        await bot.send_chat_action(cast.cato, "typing")
    with pytest.raises(BadRequest, match="(?i)message to react not found"):
        await bot.set_message_reaction(cast.group, 999, "👍")


async def test_pinning_needs_rights_in_groups_and_a_message_that_is_there(
    bot: Bot, cast: Cast
) -> None:
    in_group = await bot.send_message(cast.group, "vastzetten")
    with pytest.raises(BadRequest, match="(?i)not enough rights to manage pinned messages"):
        await in_group.pin()
    private = await bot.send_message(cast.anna, "vastzetten")
    assert await private.pin()  # no rights needed in a private chat
    assert (await cast.tg.bot_messages(cast.anna))[-1]["pinned"]
    await private.delete()
    with pytest.raises(BadRequest, match="(?i)message to pin not found"):
        await private.unpin()


async def test_copies_answer_with_an_id_and_forwards_with_the_message(
    cast: Cast, api: httpx.AsyncClient, server: FakeTelegramServer
) -> None:
    question = await cast.tg.send_text(cast.bram, cast.group, "Wat zag je?")
    server.world.clock_offset = 3600.0  # forwarded an hour later: the origin keeps its date
    copy = await _call(api, "copyMessage", chat_id=cast.anna, from_chat_id=cast.group,
                       message_id=question["message_id"], reply_markup=KEYBOARD.to_dict())
    assert set(copy["result"]) == {"message_id"}
    forward = await _call(api, "forwardMessage", chat_id=cast.anna, from_chat_id=cast.group,
                          message_id=question["message_id"], reply_markup=KEYBOARD.to_dict())
    assert forward["result"]["text"] == "Wat zag je?"
    assert forward["result"]["forward_origin"] == {
        "type": "user", "date": question["date"], "sender_user": question["from"]}
    assert "reply_markup" not in forward["result"]  # forwardMessage takes no keyboard
    copied = (await cast.tg.bot_messages(cast.anna))[0]
    assert copied["message_id"] == copy["result"]["message_id"]
    assert copied["reply_markup"] == KEYBOARD.to_dict()


async def test_a_caption_is_copied_and_a_deleted_message_is_not(
    bot: Bot, cast: Cast, clip: Path
) -> None:
    sent = await cast.tg.send_video(cast.bram, cast.group, clip, caption="Mijn vraag")
    copy = await bot.copy_message(cast.anna, cast.group, sent["message_id"])
    assert (await cast.tg.bot_messages(cast.anna))[-1]["caption"] == "Mijn vraag"
    assert copy.message_id
    own = await bot.send_message(cast.group, "weg")
    await own.delete()
    with pytest.raises(BadRequest, match="(?i)message to copy not found"):
        await bot.copy_message(cast.anna, cast.group, own.message_id)


async def test_a_callback_answer_keeps_its_cache_time(bot: Bot, cast: Cast) -> None:
    sent = await bot.send_message(cast.anna, "Gekeken?", reply_markup=KEYBOARD)
    query_id = await cast.tg.click(cast.anna, sent.message_id, "Ja", chat_id=cast.anna)
    await bot.answer_callback_query(query_id, cache_time=30)
    answer = await cast.tg.callback_answer(query_id)
    assert answer is not None and answer["cache_time"] == 30 and answer["text"] is None
