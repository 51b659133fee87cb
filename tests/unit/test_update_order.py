"""One chat's updates are handled in arrival order; another chat is not held up by it."""
from __future__ import annotations

import asyncio

from telegram import Chat, Message, Update

from bot.engine.update_order import PerChatUpdateProcessor


def _update(update_id: int, chat_id: int) -> Update:
    chat = Chat(chat_id, Chat.SUPERGROUP)
    return Update(update_id, message=Message(update_id, None, chat))  # type: ignore[arg-type]


async def test_a_slow_update_holds_up_its_own_chat_but_not_others() -> None:
    processor = PerChatUpdateProcessor()
    done: list[str] = []
    release = asyncio.Event()

    async def slow() -> None:
        await release.wait()
        done.append("group A, first")

    async def record(name: str) -> None:
        done.append(name)

    first = asyncio.create_task(processor.do_process_update(_update(1, -1), slow()))
    await asyncio.sleep(0)
    second = asyncio.create_task(processor.do_process_update(_update(2, -1),
                                                             record("group A, second")))
    other = asyncio.create_task(processor.do_process_update(_update(3, -2), record("group B")))
    await asyncio.wait_for(other, 1)
    assert done == ["group B"]  # B went ahead while A's first update was still running
    release.set()
    await asyncio.gather(first, second)
    assert done == ["group B", "group A, first", "group A, second"]
