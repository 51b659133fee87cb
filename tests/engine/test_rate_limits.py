"""The send limits: a group never gets more than Telegram's 20 messages in any minute, a
group that asks for less is not held back, and only sending calls wait."""
from __future__ import annotations

import asyncio

from bot.engine.rate_limits import (
    BOT_BURST,
    BOT_PER_SECOND,
    PRIVATE_BURST,
    PRIVATE_PERIOD,
    SENDING,
    ChatLimits,
)


async def _ok() -> bool:
    return True


def test_the_bucket_sizes_stay_inside_what_the_fake_bot_api_enforces() -> None:
    assert PRIVATE_BURST + 10 / PRIVATE_PERIOD <= 10  # 10 in any 10 s to one private chat
    assert BOT_BURST + BOT_PER_SECOND <= 30  # 30 in any second for the whole bot


async def test_reads_and_button_answers_never_wait() -> None:
    limits = ChatLimits(group_per_minute=20)
    assert "answerCallbackQuery" not in SENDING and "getChatMember" not in SENDING
    for _ in range(100):
        await asyncio.wait_for(limits.process_request(
            _ok, (), {}, "answerCallbackQuery", {"chat_id": -5}, None), 1)


async def test_a_group_gets_its_full_minute_and_not_one_message_more() -> None:
    limits = ChatLimits(group_per_minute=4)

    async def send() -> None:
        await limits.process_request(_ok, (), {}, "sendMessage", {"chat_id": -5}, None)

    for _ in range(4):  # the minute's messages go out about one a second, none waits long
        await asyncio.wait_for(send(), 3)
    fifth = asyncio.create_task(send())
    await asyncio.sleep(1.5)
    assert not fifth.done()  # the fifth waits for the minute to pass
    fifth.cancel()


async def test_another_group_is_not_held_up_by_a_full_one() -> None:
    limits = ChatLimits(group_per_minute=2)
    for _ in range(2):
        await limits.process_request(_ok, (), {}, "sendMessage", {"chat_id": -5}, None)
    waiting = asyncio.create_task(
        limits.process_request(_ok, (), {}, "sendMessage", {"chat_id": -5}, None))
    await asyncio.wait_for(
        limits.process_request(_ok, (), {}, "sendMessage", {"chat_id": -6}, None), 1)
    assert not waiting.done()
    waiting.cancel()
