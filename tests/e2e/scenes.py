"""Small scenes the end-to-end tests are made of: a group set up and joined, buttons found
by their action, a whole cycle played through."""
from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from harness import DemoGroup

from bot.fake_telegram import FakeTelegramControl

QUESTION = "Hoe kan ik de overgang na de pauze rustiger laten verlopen?"


def make_clip(folder: Path, seconds: int = 4) -> Path:
    path = folder / "les.mp4"
    if not path.exists():
        subprocess.run(
            ["ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
             f"testsrc=duration={seconds}:size=160x120:rate=10", "-pix_fmt", "yuv420p",
             str(path)], check=True)
    return path


def buttons(view: dict[str, Any]) -> list[str]:
    markup = view.get("reply_markup") or {}
    return [b.get("callback_data", "") for row in markup.get("inline_keyboard", []) for b in row]


def has_button(action: str):  # type: ignore[no-untyped-def]
    """A predicate for wait_for: a bot message with a cycle button of this action."""
    return lambda view: any(data.startswith("cy:") and data.split(":")[2] == action
                            for data in buttons(view))


def button_data(view: dict[str, Any], action: str, argument: str | None = None) -> str:
    for data in buttons(view):
        parts = data.split(":")
        if data.startswith("cy:") and parts[2] == action and (
                argument is None or parts[3:] == [argument]):
            return data
    raise AssertionError(f"no {action} button in {view.get('text')!r}: {buttons(view)}")


async def set_up_group(tg: FakeTelegramControl, group: DemoGroup) -> None:
    """The admin sets the group up and everyone joins and agrees."""
    since = await tg.mark()
    await tg.send_text(group.admin.user_id, group.chat_id, "/setup")
    await tg.wait_for_text(group.chat_id, "is ingesteld", since=since)
    for person in group.people:
        since = await tg.mark()
        await tg.send_text(person.user_id, group.chat_id, "/join")
        joined = await tg.wait_for_text(group.chat_id, f"Welkom, {person.first_name}",
                                        since=since)
        await tg.click(person.user_id, joined, "agree:" + buttons(joined)[0].split(":")[1])


async def click_and_wait(tg: FakeTelegramControl, user_id: int, view: dict[str, Any],
                         data: str) -> dict[str, Any] | None:
    query = await tg.click(user_id, view, data)
    for _ in range(200):
        answer = await tg.callback_answer(query)
        if answer is not None:
            return answer
        import asyncio
        await asyncio.sleep(0.05)
    raise AssertionError(f"the bot did not answer the button {data}")


def db_rows(db_path: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Reads the bot's database the way `intervision export` would (WAL lets us read)."""
    with sqlite3.connect(db_path) as conn:
        return list(conn.execute(sql, params))
