"""The harness itself: the real bot starts against the fake Telegram and stops on Ctrl-C."""

from __future__ import annotations

import pytest

from fake_telegram import FakeTelegramControl
from tests.e2e.harness import BotProcess

pytestmark = pytest.mark.e2e


async def test_bot_starts_polls_and_stops_cleanly_on_sigint(
    tg: FakeTelegramControl, bot_process: BotProcess
) -> None:
    await bot_process.start()
    assert bot_process.running
    assert await tg.call_count("getMe") >= 1
    assert await tg.call_count("getUpdates") >= 1
    assert await bot_process.stop() == 0
    assert not bot_process.running
