"""Telegram that answers slowly: the real Application's sender against the fake Bot API, a
message whose sendMessage is carried out at once but answered only seconds later. Telegram has
no way to say "send this once", so a client that gives up on the answer and sends again puts
the message in the group twice; the bot waits for an answer long enough that it does not."""
from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.engine.outgoing import Message, encode
from bot.engine.sender import Sender
from bot.engine.services import services_of
from bot.startup.application import build_application
from fake_telegram import FakeTelegramControl, FakeTelegramServer
from storage import outbox
from tests.bot_api import App, config_for, start, stop

CHAT = -1001000000088


@pytest.fixture
async def app(server: FakeTelegramServer, tg: FakeTelegramControl,
              tmp_path: Path) -> AsyncIterator[App]:
    await tg.add_user(1, "Anna")
    await tg.add_group(CHAT, "Groep", supergroup=True, admins=[1])
    application = await start(build_application(config_for(server, tmp_path)))
    try:
        yield application
    finally:
        await stop(application)


async def test_a_message_telegram_answers_late_is_in_the_group_once(
        app: App, tg: FakeTelegramControl) -> None:
    """Seven seconds is longer than python-telegram-bot's default read timeout (5 s)."""
    svc = services_of(app)
    await tg.arm_slow_answer("sendMessage", seconds=7)
    async with svc.db.transaction() as tx:
        await outbox.add(tx, CHAT, encode(Message(CHAT, "De realiteit begint.")), svc.now())
    sender = svc.sender
    assert isinstance(sender, Sender)
    started = asyncio.get_running_loop().time()
    sender.wake({CHAT})
    await sender.idle()
    # The answer really came late (a lower bound: a busy machine only makes it later).
    assert asyncio.get_running_loop().time() - started >= 6.5
    said = [m["text"] for m in await tg.bot_messages(CHAT)]
    assert said == ["De realiteit begint."]
    async with svc.db.reading() as tx:
        assert await outbox.count_waiting(tx) == 0
