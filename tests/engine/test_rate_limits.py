"""The send limits: a group's bucket never lets more than Telegram's 20 messages through in
any minute, and only sending calls wait."""
from __future__ import annotations

import asyncio

from bot.engine.rate_limits import PRIVATE_BURST, PRIVATE_PERIOD, SENDING, ChatLimits, group_bucket


def test_a_group_bucket_admits_at_most_the_limit_in_any_minute() -> None:
    for per_minute in (20, 30, 1200):
        bucket = group_bucket(per_minute)
        most_in_a_minute = bucket.max_rate + 60.0 * bucket.max_rate / bucket.time_period
        assert most_in_a_minute <= per_minute + 1e-9
        assert bucket.max_rate >= 1


def test_a_private_chat_gets_about_one_message_a_second() -> None:
    assert PRIVATE_BURST + 10 / PRIVATE_PERIOD <= 10  # what the fake Bot API allows


async def test_reads_and_button_answers_never_wait() -> None:
    limits = ChatLimits(group_per_minute=20)
    calls = 0

    async def call() -> bool:
        nonlocal calls
        calls += 1
        return True

    assert "answerCallbackQuery" not in SENDING and "getChatMember" not in SENDING
    for _ in range(100):
        await asyncio.wait_for(limits.process_request(
            call, (), {}, "answerCallbackQuery", {"chat_id": -5}, None), 1)
    assert calls == 100


async def test_a_burst_to_one_group_is_spread_out() -> None:
    limits = ChatLimits(group_per_minute=20)

    async def call() -> bool:
        return True

    loop = asyncio.get_running_loop()
    started = loop.time()
    for _ in range(6):  # the burst of 5 passes at once, the 6th waits its turn
        await limits.process_request(call, (), {}, "sendMessage", {"chat_id": -5}, None)
    assert loop.time() - started >= 2.5
