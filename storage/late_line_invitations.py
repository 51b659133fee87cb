"""The bot's invitations to add a missed look-back line: which cycle a reply to one belongs to
(storage/migrations/0008_late_line_invitations.sql)."""
from __future__ import annotations

from datetime import datetime, timedelta

from storage.clock import to_db
from storage.db import Tx

KEEP = timedelta(days=7)  # well past flows.cycle.lookback.LATE_LINES: a late reply is told so


async def record(tx: Tx, chat_id: int, message_id: int, cycle_id: int, now: datetime) -> None:
    await tx.execute(
        "INSERT INTO late_line_invitations (chat_id, message_id, cycle_id, sent_at) "
        "VALUES (?, ?, ?, ?) ON CONFLICT (chat_id, message_id) DO NOTHING",
        (chat_id, message_id, cycle_id, to_db(now)))


async def cycle_of(tx: Tx, chat_id: int, message_id: int) -> int | None:
    """The cycle whose late lines a reply to this message gives, if it is such an invitation."""
    row = await tx.one("SELECT cycle_id FROM late_line_invitations WHERE chat_id = ? AND "
                       "message_id = ?", (chat_id, message_id))
    return row["cycle_id"] if row else None


async def forget_old(tx: Tx, now: datetime) -> None:
    await tx.execute("DELETE FROM late_line_invitations WHERE sent_at < ?", (to_db(now - KEEP),))
