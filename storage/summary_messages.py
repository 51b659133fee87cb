"""The summaries the bot sent of each cycle (storage/migrations/0013_summary_messages.sql):
where they are, so that a member's /forget can take their words out of them too."""
from __future__ import annotations

from datetime import datetime

from storage.clock import to_db
from storage.db import Tx


async def record(tx: Tx, chat_id: int, message_id: int, cycle_id: int, now: datetime) -> None:
    await tx.execute(
        "INSERT INTO summary_messages (chat_id, message_id, cycle_id, sent_at) "
        "VALUES (?, ?, ?, ?) ON CONFLICT (chat_id, message_id) DO NOTHING",
        (chat_id, message_id, cycle_id, to_db(now)))


async def quoting(tx: Tx, user_id: int) -> list[tuple[int, int, int]]:
    """(chat, message, cycle) of every summary of a cycle the member brought in or spoke in."""
    rows = await tx.all(
        """
        SELECT s.chat_id, s.message_id, s.cycle_id FROM summary_messages s
          JOIN cycles c ON c.id = s.cycle_id
         WHERE c.inbrenger_id = :user
            OR EXISTS (SELECT 1 FROM contributions k
                        WHERE k.cycle_id = s.cycle_id AND k.user_id = :user)
         ORDER BY s.cycle_id, s.chat_id
        """, {"user": user_id})
    return [(r["chat_id"], r["message_id"], r["cycle_id"]) for r in rows]
