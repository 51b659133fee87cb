"""The bot's messages that still show a cycle's buttons (bot/engine/live_buttons.py)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from storage.clock import to_db
from storage.db import Row, Tx

Rows = tuple[tuple[tuple[str, str], ...], ...]  # rows of (label, callback data)


@dataclass(frozen=True)
class ButtonMessage:
    chat_id: int
    message_id: int
    cycle_id: int
    html: str
    buttons: Rows


def _rows(raw: str) -> Rows:
    return tuple(tuple((label, data) for label, data in row) for row in json.loads(raw))


def _message(r: Row) -> ButtonMessage:
    return ButtonMessage(r["chat_id"], r["message_id"], r["cycle_id"], r["html"],
                         _rows(r["buttons"]))


async def record(tx: Tx, message: ButtonMessage, now: datetime) -> None:
    await tx.execute(
        "INSERT INTO button_messages (chat_id, message_id, cycle_id, html, buttons, sent_at) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id, message_id) DO UPDATE SET "
        "html = excluded.html, buttons = excluded.buttons",
        (message.chat_id, message.message_id, message.cycle_id, message.html,
         json.dumps(message.buttons, ensure_ascii=False), to_db(now)))


async def of_cycle(tx: Tx, cycle_id: int) -> list[ButtonMessage]:
    rows = await tx.all("SELECT * FROM button_messages WHERE cycle_id = ? "
                        "ORDER BY sent_at, message_id", (cycle_id,))
    return [_message(r) for r in rows]


async def one(tx: Tx, chat_id: int, message_id: int) -> ButtonMessage | None:
    r = await tx.one("SELECT * FROM button_messages WHERE chat_id = ? AND message_id = ?",
                     (chat_id, message_id))
    return None if r is None else _message(r)


async def edited(tx: Tx, chat_id: int, message_id: int, html: str | None,
                 buttons: Rows) -> None:
    """The message as it reads after an edit (`html` None: the same words); a message left
    without buttons is forgotten."""
    if not buttons:
        await tx.execute("DELETE FROM button_messages WHERE chat_id = ? AND message_id = ?",
                         (chat_id, message_id))
        return
    await tx.execute(
        "UPDATE button_messages SET html = COALESCE(?, html), buttons = ? "
        "WHERE chat_id = ? AND message_id = ?",
        (html, json.dumps(buttons, ensure_ascii=False), chat_id, message_id))


async def forget_cycle(tx: Tx, cycle_id: int) -> None:
    await tx.execute("DELETE FROM button_messages WHERE cycle_id = ?", (cycle_id,))


async def forget_left_over(tx: Tx, group_id: int, cutoff: datetime) -> None:
    """Records a cycle's end did not take (a private check-in delivered after its cycle
    closed, a crash between a send and its record) and records older than the group's
    retention (an abandoned cycle): they quote the group's words, so they go with them."""
    await tx.execute(
        "DELETE FROM button_messages WHERE cycle_id IN ("
        "SELECT id FROM cycles WHERE group_id = ?) AND (sent_at < ? OR cycle_id IN ("
        "SELECT id FROM cycles WHERE phase IN ('closed', 'cancelled')))",
        (group_id, to_db(cutoff)))
