"""Small scenes the end-to-end tests are made of; they live in `fake_telegram.scenes`, shared
with the measurement scripts in benchmarks/. Pressing a button and waiting for its answer is
done here with the suite's one wait, `tests.waiting.eventually`."""
from __future__ import annotations

from pathlib import Path
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
    grown,
    has_button,
    into_reality,
    make_clip,
    set_up_group,
)
from tests.waiting import eventually

__all__ = ["MOVE_LINE", "NEXT_HEADING", "QUESTION", "TALK", "Cycle", "button_data", "buttons",
           "click_and_wait", "db_rows", "grown", "has_button", "into_reality", "make_clip",
           "set_up_group", "settled"]


async def click_and_wait(tg: FakeTelegramControl, user_id: int, view: MessageView,
                         data: str, *, timeout: float = 10.0) -> dict[str, Any]:
    """`user_id` presses the button `data` on `view`; the bot's answer to the press."""
    query = await tg.click(user_id, view, data)
    return await eventually(lambda: tg.callback_answer(query), timeout=timeout,
                            what=f"the bot's answer to the button {data}")


UNFINISHED = ("SELECT (SELECT COUNT(*) FROM inbox WHERE handled_at IS NULL)"
              " + (SELECT COUNT(*) FROM outbox WHERE failed_at IS NULL)")


async def settled(tg: FakeTelegramControl, db_path: Path, *, timeout: float = 20.0) -> None:
    """The bot has taken every update, handled each, and delivered all it decided (inbox and
    outbox empty). Only after this does "the bot did not say X" mean something: without it,
    a check that nothing came can pass because nothing came *yet*. (Timers that fire later
    are not covered.)"""
    await tg.wait_until_updates_taken(timeout)
    await eventually(lambda: db_rows(db_path, UNFINISHED) == [(0,)], timeout=timeout,
                     what="every update handled and every message delivered")
