"""The summaries the bot sent of each cycle (storage/migrations/0013_summary_messages.sql):
where they are, so that a member's /forget can take their words out of them too."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.clock import to_db
from storage.db import Tx


async def record(tx: Tx, chat_id: int, message_id: int, cycle_id: int, now: datetime, *,
                 tail: str = "") -> None:
    """`tail`: the summary's last words, which name no one's words (its next-turn line)."""
    await tx.execute(
        "INSERT INTO summary_messages (chat_id, message_id, cycle_id, sent_at, tail) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (chat_id, message_id) DO NOTHING",
        (chat_id, message_id, cycle_id, to_db(now), tail))


@dataclass(frozen=True)
class Sent:
    chat_id: int
    message_id: int
    cycle_id: int
    tail: str


async def quoting(tx: Tx, user_id: int, group_id: int | None = None) -> list[Sent]:
    """Every summary sent of a cycle the member brought in or spoke in (of `group_id`'s
    cycles alone, where given)."""
    rows = await tx.all(
        """
        SELECT s.chat_id, s.message_id, s.cycle_id, s.tail
          FROM summary_messages s
          JOIN cycles c ON c.id = s.cycle_id
         WHERE (c.inbrenger_id = :user
                OR EXISTS (SELECT 1 FROM contributions k
                            WHERE k.cycle_id = s.cycle_id AND k.user_id = :user))
           AND (:group IS NULL OR c.group_id = :group)
         ORDER BY s.cycle_id, s.chat_id
        """, {"user": user_id, "group": group_id})
    return [Sent(r["chat_id"], r["message_id"], r["cycle_id"], r["tail"]) for r in rows]
