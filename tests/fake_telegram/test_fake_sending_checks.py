"""Telegram's checks on what a bot sends, at their edges: text and caption lengths, inline
keyboard buttons, entities given by the bot, reply keyboards (not part of the message)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from telegram import InputFile, MessageEntity
from telegram.error import BadRequest

if TYPE_CHECKING:
    from telegram import Bot

    from tests.fake_telegram.conftest import Cast


async def test_a_text_of_exactly_4096_characters_goes(bot: Bot, cast: Cast) -> None:
    sent = await bot.send_message(cast.anna, "x" * 4096)
    assert sent.text is not None and len(sent.text) == 4096


async def test_captions_have_their_own_limit_and_wording(
    bot: Bot, cast: Cast, still: Path
) -> None:
    photo = await bot.send_photo(cast.anna, InputFile(still.read_bytes()), caption="c" * 1024)
    assert photo.caption is not None and len(photo.caption) == 1024
    with pytest.raises(BadRequest, match="(?i)message caption is too long"):
        await bot.send_photo(cast.anna, photo.photo[-1].file_id, caption="c" * 1025)


async def test_entities_the_bot_gives_are_kept(bot: Bot, cast: Cast) -> None:
    sent = await bot.send_message(
        cast.anna, "vet en niet", entities=[MessageEntity(MessageEntity.BOLD, 0, 3)]
    )
    assert [(e.type, e.offset, e.length) for e in sent.entities] == [("bold", 0, 3)]


def _keyboard(button: dict[str, Any]) -> dict[str, Any]:
    return {"inline_keyboard": [[button]]}


@pytest.mark.parametrize(
    ("button", "refusal"),
    [
        ({"text": "leeg", "callback_data": ""}, "BUTTON_DATA_INVALID"),
        ({"text": "  ", "callback_data": "x"}, "BUTTON_TEXT_INVALID"),
        ({"text": "alleen tekst"}, "Text buttons are unallowed in the inline keyboard"),
        ({"text": "site", "url": "www.example.nl"}, "inline keyboard button URL"),
    ],
)
async def test_buttons_telegram_refuses(
    button: dict[str, Any], refusal: str, cast: Cast, api: httpx.AsyncClient
) -> None:
    answer = await api.post(
        "sendMessage", json={"chat_id": cast.anna, "text": "kies", "reply_markup": _keyboard(button)}
    )
    assert answer.status_code == 400 and refusal in answer.json()["description"]
    assert not await cast.tg.bot_messages(cast.anna)


async def test_good_url_buttons_go(cast: Cast, api: httpx.AsyncClient) -> None:
    for url in ("https://example.nl", "http://example.nl", "tg://resolve?domain=x"):
        markup = _keyboard({"text": "open", "url": url})
        answer = await api.post(
            "sendMessage", json={"chat_id": cast.anna, "text": "kijk", "reply_markup": markup}
        )
        assert answer.is_success, answer.json()


async def test_a_reply_keyboard_is_no_part_of_the_message(
    cast: Cast, api: httpx.AsyncClient
) -> None:
    markup = {"keyboard": [[{"text": "Ja"}]], "one_time_keyboard": True}
    answer = await api.post(
        "sendMessage", json={"chat_id": cast.anna, "text": "kies", "reply_markup": markup}
    )
    assert "reply_markup" not in answer.json()["result"]
    assert (await cast.tg.bot_messages(cast.anna))[-1]["reply_markup"] is None


async def test_a_reply_to_a_missing_message_may_go_without_it(
    cast: Cast, api: httpx.AsyncClient
) -> None:
    answer = await api.post(
        "sendMessage",
        json={"chat_id": cast.group, "text": "toch", "reply_to_message_id": 999,
              "allow_sending_without_reply": True},
    )
    assert answer.is_success and "reply_to_message" not in answer.json()["result"]


async def test_html_that_leaves_no_text_is_empty(bot: Bot, cast: Cast) -> None:
    with pytest.raises(BadRequest, match="(?i)message text is empty"):
        await bot.send_message(cast.anna, "<b> </b>", parse_mode="HTML")


async def test_inline_messages_cannot_be_edited_here(cast: Cast, api: httpx.AsyncClient) -> None:
    answer = await api.post(
        "editMessageText", json={"inline_message_id": "AAA", "text": "nieuw"}
    )
    assert answer.json()["description"] == "Bad Request: message to edit not found"
