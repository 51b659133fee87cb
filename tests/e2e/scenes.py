"""Small scenes the end-to-end tests are made of; they live in `fake_telegram.scenes`, shared
with the measurement scripts in benchmarks/. Pressing a button and waiting for its answer is
done here with the suite's one wait, `tests.waiting.eventually`."""
from __future__ import annotations

from typing import Any

from fake_telegram import FakeTelegramControl
from fake_telegram.control import MessageView
from fake_telegram.scenes import (
    MOVE_LINE,
    NEXT_HEADING,
    QUESTION,
    TALK,
    Cycle,
    button_data,
    buttons,
    db_rows,
    has_button,
    into_reality,
    make_clip,
    set_up_group,
)
from tests.waiting import eventually

__all__ = ["MOVE_LINE", "NEXT_HEADING", "QUESTION", "TALK", "Cycle", "button_data", "buttons",
           "click_and_wait", "db_rows", "has_button", "into_reality", "make_clip",
           "set_up_group"]


async def click_and_wait(tg: FakeTelegramControl, user_id: int, view: MessageView,
                         data: str, *, timeout: float = 10.0) -> dict[str, Any]:
    """`user_id` presses the button `data` on `view`; the bot's answer to the press."""
    query = await tg.click(user_id, view, data)
    return await eventually(lambda: tg.callback_answer(query), timeout=timeout,
                            what=f"the bot's answer to the button {data}")
