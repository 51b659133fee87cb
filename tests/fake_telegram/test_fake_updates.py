"""getMe, getUpdates (long polling, offsets, redelivery) and request encodings."""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING

import httpx
import pytest
from telegram import Bot, Update
from telegram.constants import MessageEntityType
from telegram.error import Conflict, InvalidToken

from fake_telegram import FakeTelegramControl, FakeTelegramServer

if TYPE_CHECKING:
    from tests.fake_telegram.conftest import Cast


async def drain(bot: Bot) -> list[Update]:
    """Fetches and confirms everything pending."""
    updates = list(await bot.get_updates(timeout=0))
    if updates:
        await bot.get_updates(offset=updates[-1].update_id + 1, timeout=0)
    return updates


async def test_get_me_describes_the_bot(bot: Bot, tg: FakeTelegramControl) -> None:
    me = await bot.get_me()
    assert me.is_bot and me.username == "intervision_test_bot"
    assert me.can_join_groups and me.can_read_all_group_messages
    assert me.supports_inline_queries is False
    await tg.set_privacy_mode(True)
    assert (await bot.get_me()).can_read_all_group_messages is False


async def test_wrong_token_is_unauthorized(server: FakeTelegramServer) -> None:
    with pytest.raises(InvalidToken):
        await Bot("1:wrong", base_url=server.api_base_url).initialize()


async def test_start_arrives_as_a_command(bot: Bot, cast: Cast) -> None:
    updates = await drain(bot)
    assert [u.message.text for u in updates if u.message] == ["/start", "/start"]
    first = updates[0].message
    assert first is not None and first.chat.type == "private" and first.chat.id == cast.anna
    assert first.entities[0].type == MessageEntityType.BOT_COMMAND
    assert first.from_user is not None and first.from_user.first_name == "Anna"
    assert await cast.tg.pending_updates() == 0


async def test_deep_link_payload_and_addressed_command(bot: Bot, cast: Cast) -> None:
    await drain(bot)
    await cast.tg.start_private_chat(cast.cato, payload="coach-abc123")
    await cast.tg.send_text(cast.bram, cast.group, "/status@intervision_test_bot now")
    texts = [u.message.text for u in await drain(bot) if u.message]
    assert texts == ["/start coach-abc123", "/status@intervision_test_bot now"]


async def test_long_poll_returns_as_soon_as_an_update_arrives(bot: Bot, cast: Cast) -> None:
    await drain(bot)
    started = time.monotonic()
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.2)
    assert not poll.done()
    await cast.tg.send_text(cast.anna, cast.anna, "hallo")
    updates = await asyncio.wait_for(poll, 2)
    assert time.monotonic() - started < 1.5
    assert updates[0].message is not None and updates[0].message.text == "hallo"


async def test_long_poll_times_out_empty(bot: Bot, cast: Cast) -> None:
    await drain(bot)
    started = time.monotonic()
    assert await bot.get_updates(timeout=1) == ()
    assert 0.9 < time.monotonic() - started < 2


async def test_updates_stay_until_confirmed_by_offset(bot: Bot, cast: Cast) -> None:
    first = await bot.get_updates(timeout=0)
    again = await bot.get_updates(timeout=0)
    assert [u.update_id for u in first] == [u.update_id for u in again]
    assert await bot.get_updates(offset=first[-1].update_id + 1, timeout=0) == ()
    assert await cast.tg.pending_updates() == 0


async def test_limit_and_negative_offset(bot: Bot, cast: Cast) -> None:
    for n in range(3):
        await cast.tg.send_text(cast.anna, cast.anna, f"m{n}")
    assert len(await bot.get_updates(limit=2, timeout=0)) == 2
    last = await bot.get_updates(offset=-1, timeout=0)
    assert [u.message.text for u in last if u.message] == ["m2"]
    assert await cast.tg.pending_updates() == 1


async def test_a_newer_poll_ends_an_older_one_with_conflict(
    bot: Bot, server: FakeTelegramServer, cast: Cast
) -> None:
    """Like a second bot instance (or a restarted one) taking over polling."""
    await drain(bot)
    older = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.2)
    async with Bot(server.token, base_url=server.api_base_url) as second_instance:
        assert await second_instance.get_updates(timeout=0) == ()
    with pytest.raises(Conflict, match="terminated by other getUpdates request"):
        await asyncio.wait_for(older, 2)


async def test_redeliver_last_update_reuses_its_id(bot: Bot, cast: Cast) -> None:
    await drain(bot)
    await cast.tg.send_text(cast.anna, cast.anna, "once")
    (update,) = await drain(bot)
    assert await cast.tg.redeliver_last_update() == update.update_id
    # The bot's offset is past it; Telegram would still hand it out after a crash.
    (again,) = await bot.get_updates(offset=update.update_id + 1, timeout=0)
    assert again.update_id == update.update_id and again.message is not None
    assert again.message.text == "once"


async def test_allowed_updates_filters_new_updates(bot: Bot, cast: Cast) -> None:
    await drain(bot)
    await bot.get_updates(timeout=0, allowed_updates=["callback_query"])
    await cast.tg.send_text(cast.anna, cast.anna, "not wanted")
    assert await cast.tg.pending_updates() == 0
    await bot.get_updates(timeout=0, allowed_updates=[])  # back to Telegram's default
    await cast.tg.send_text(cast.anna, cast.anna, "wanted")
    assert await cast.tg.pending_updates() == 1


async def test_every_request_encoding_is_accepted(server: FakeTelegramServer, cast: Cast) -> None:
    url = f"{server.api_base_url}{server.token}/sendMessage"
    async with httpx.AsyncClient() as http:
        as_json = await http.post(url, json={"chat_id": cast.anna, "text": "json"})
        as_form = await http.post(url, data={"chat_id": str(cast.anna), "text": "form"})
        as_multipart = await http.post(
            url, data={"chat_id": str(cast.anna)}, files={"text": (None, "multipart")}
        )
        as_query = await http.get(url, params={"chat_id": cast.anna, "text": "query"})
        unknown = await http.post(f"{server.api_base_url}{server.token}/sendTelepathy")
    assert [r.json()["result"]["text"] for r in (as_json, as_form, as_multipart, as_query)] == [
        "json",
        "form",
        "multipart",
        "query",
    ]
    assert unknown.status_code == 404 and unknown.json()["description"] == "Not Found"


async def test_calls_are_logged(bot: Bot, tg: FakeTelegramControl) -> None:
    calls = await tg.calls("getMe")
    assert len(calls) == 1 and calls[0]["status"] == 200
    assert await tg.call_count("getUpdates") == 0
