"""Two processes polling Telegram with one token: Telegram answers the second with 409
Conflict and hands each update to one of them only, so the members' messages are split
between two bots. Nothing but the operator can end that, so the log says so plainly (before:
a warning like any network hiccup), and polling goes on."""
from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest
from telegram.error import Conflict

from bot.engine import arrivals
from storage.db import Database


class PolledElsewhere:
    """A Bot whose getUpdates Telegram refuses: another process polls with the same token."""

    def __init__(self) -> None:
        self.calls = 0

    async def do_api_request(self, endpoint: str, **_: object) -> list[object]:
        self.calls += 1
        raise Conflict("Conflict: terminated by other getUpdates request; make sure that only "
                       "one bot instance is running")


class Lanes:
    def wake(self, lanes: object) -> None:
        return None


async def test_a_second_poller_with_the_same_token_is_named_in_the_log(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(arrivals, "FIRST_RETRY", 0.01)
    db = await Database.open(tmp_path / "x.db")
    bot = PolledElsewhere()
    polling = asyncio.create_task(arrivals.poll(bot, db, Lanes(),  # type: ignore[arg-type]
                                                lambda: datetime.now(UTC)))
    try:
        for _ in range(100):
            if bot.calls >= 2:
                break
            await asyncio.sleep(0.01)
    finally:
        polling.cancel()
        await asyncio.gather(polling, return_exceptions=True)
        await db.close()
    assert bot.calls >= 2  # polling goes on
    errors = [r for r in caplog.records if r.levelname == "ERROR"]
    assert errors and "another process receives this bot's updates" in errors[0].getMessage()
