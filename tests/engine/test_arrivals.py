"""How updates come in (bot/engine/arrivals.py): a webhook call that does not carry the secret
set with Telegram is refused and stored nowhere; an edited message is handled in its chat's
order; a getUpdates that Telegram asks to wait for is waited for as long as Telegram asked."""
from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from telegram.error import RetryAfter

from bot.engine import arrivals
from bot.engine.arrivals import lane_of
from storage.db import Database
from tests.engine.arriving import Awake, stored

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
CHAT = -100
SECRET = "s3cret-token"


def _message(update_id: int) -> dict[str, Any]:
    return {"update_id": update_id, "message": {
        "message_id": update_id, "date": 0, "chat": {"id": CHAT, "type": "supergroup"},
        "text": "Wat zag je bij 0:12?"}}


async def test_a_webhook_call_without_the_secret_is_refused_and_the_one_with_it_taken(
        db: Database) -> None:
    """Anyone who finds the webhook's address could post updates in a group's name; Telegram
    sends the secret it was given with every call, so only its calls are taken."""
    lanes = Awake()
    app = arrivals.webhook_app(db, lanes, lambda: NOW, secret=SECRET)
    async with TestClient(TestServer(app)) as client:
        forged = await client.post("/telegram", json=_message(1),
                                   headers={"X-Telegram-Bot-Api-Secret-Token": "guessed"})
        bare = await client.post("/telegram", json=_message(2))
        assert (forged.status, bare.status) == (403, 403)
        assert await stored(db, CHAT) == [] and lanes.woken == set()
        telegram = await client.post("/telegram", json=_message(3),
                                     headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
        assert telegram.status == 200
    assert await stored(db, CHAT) == [3]
    assert lanes.woken == {CHAT}


def test_an_edited_message_is_handled_in_its_chats_order() -> None:
    """A member who corrects their learning question: the edit waits behind the chat's
    earlier updates instead of racing them in a lane of its own."""
    edited = {"update_id": 9, "edited_message": {"message_id": 4, "date": 0, "edit_date": 1,
                                                  "chat": {"id": -6}, "text": "Hoe ..."}}
    assert lane_of(edited) == -6
    assert lane_of({"update_id": 10, "message_reaction": {"chat": {"id": -5}}}) == -5


class AskedToWait:
    """getUpdates answered once with 429 "retry after 7", then with one update."""

    def __init__(self) -> None:
        self.calls = 0

    async def do_api_request(self, endpoint: str, **_: Any) -> list[dict[str, Any]]:
        assert endpoint == "getUpdates"
        self.calls += 1
        if self.calls == 1:
            raise RetryAfter(7)
        await asyncio.sleep(3600)  # long polling with nothing new
        return []


async def test_polling_waits_as_long_as_telegram_asked_before_it_asks_again(
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """Asking again sooner (after the first retry step of a second) only earns another 429."""
    waits: list[float] = []
    real_sleep = asyncio.sleep

    async def sleep(delay: float, *args: Any) -> None:
        if delay < 3600:
            waits.append(delay)
            delay = 0
        await real_sleep(delay, *args)

    telegram = AskedToWait()
    monkeypatch.setattr(arrivals.asyncio, "sleep", sleep)
    polling = asyncio.create_task(arrivals.poll(telegram, db, Awake(),  # type: ignore[arg-type]
                                                lambda: NOW))
    try:
        for _ in range(200):
            if telegram.calls >= 2:
                break
            await real_sleep(0.01)
    finally:
        polling.cancel()
        await asyncio.gather(polling, return_exceptions=True)
    assert telegram.calls == 2
    assert waits[:1] == [7]
