"""The nudges the bot sent in a group (storage/migrations/0017_nudge_messages.sql): which of
its messages answers which member message, so that an edit of that message can edit it."""
from __future__ import annotations

from datetime import datetime

from storage.clock import to_db
from storage.db import Tx


async def record(tx: Tx, chat_id: int, message_id: int, cycle_id: int, answers: int,
                 now: datetime) -> None:
    await tx.execute(
        "INSERT INTO nudge_messages (chat_id, message_id, cycle_id, answers, sent_at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (chat_id, message_id) DO NOTHING",
        (chat_id, message_id, cycle_id, answers, to_db(now)))


async def forget_cycle(tx: Tx, cycle_id: int) -> None:
    """A cycle that closed or stopped takes no more edits of its contributions."""
    await tx.execute("DELETE FROM nudge_messages WHERE cycle_id = ?", (cycle_id,))


async def answering(tx: Tx, cycle_id: int, answers: int) -> list[tuple[int, int]]:
    """The (chat, message) of each nudge sent in a group about the member's message."""
    rows = await tx.all("SELECT chat_id, message_id FROM nudge_messages "
                        "WHERE cycle_id = ? AND answers = ?", (cycle_id, answers))
    return [(r["chat_id"], r["message_id"]) for r in rows]
