"""The outbox: Bot API calls decided together with the state they belong to, delivered after
the commit and again after a restart (the transactional-outbox pattern).

A delivered call's row is deleted in the transaction that records the delivery; a call
Telegram refuses for good keeps its row, marked failed, without its words (Telegram's reason
may still quote a piece of them) for a day, then the hourly job deletes it. A call not yet
delivered is never deleted, however old: the sender is still trying it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from storage.clock import to_db
from storage.db import Tx

# A day: the shortest retention a group can set (/settings retention 1), so a failed call never
# outlives any group's retention, while an operator still finds it in the database that day.
KEEP_FAILED = timedelta(days=1)


@dataclass(frozen=True)
class Waiting:
    id: int
    lane: int
    payload: str
    attempts: int


async def add(tx: Tx, lane: int, payload: str, now: datetime) -> int:
    return await tx.insert("INSERT INTO outbox (lane, payload, created_at) VALUES (?, ?, ?)",
                           (lane, payload, to_db(now)))


async def waiting(tx: Tx, lane: int, limit: int) -> list[Waiting]:
    rows = await tx.all("SELECT id, lane, payload, attempts FROM outbox WHERE lane = ? AND "
                        "failed_at IS NULL ORDER BY id LIMIT ?", (lane, limit))
    return [Waiting(r["id"], r["lane"], r["payload"], r["attempts"]) for r in rows]


async def waiting_lanes(tx: Tx) -> list[int]:
    rows = await tx.all("SELECT DISTINCT lane FROM outbox WHERE failed_at IS NULL")
    return [r["lane"] for r in rows]


async def last_edit(tx: Tx, lane: int, chat_id: int, message_id: int) -> str | None:
    """The last edit of that message still waiting in the lane, as stored."""
    row = await tx.one(
        "SELECT payload FROM outbox WHERE lane = ? AND failed_at IS NULL "
        "AND json_extract(payload, '$.type') = 'Edit' AND json_extract(payload, '$.chat_id') = ? "
        "AND json_extract(payload, '$.message_id') = ? ORDER BY id DESC LIMIT 1",
        (lane, chat_id, message_id))
    return str(row["payload"]) if row else None


async def message_waiting_with(tx: Tx, lane: int, words: str) -> bool:
    """Whether a new message still waiting in the lane carries `words` (a button's data: has
    the message that shows it gone out yet?); an edit of one already out does not count."""
    row = await tx.one("SELECT 1 FROM outbox WHERE lane = ? AND failed_at IS NULL "
                       "AND json_extract(payload, '$.type') = 'Message' "
                       "AND instr(payload, ?) > 0 LIMIT 1", (lane, words))
    return row is not None


async def count_waiting(tx: Tx) -> int:
    row = await tx.one("SELECT COUNT(*) AS n FROM outbox WHERE failed_at IS NULL")
    return int(row["n"]) if row else 0


async def delivered(tx: Tx, item_id: int) -> None:
    await tx.execute("DELETE FROM outbox WHERE id = ?", (item_id,))


async def tried(tx: Tx, item_id: int) -> None:
    await tx.execute("UPDATE outbox SET attempts = attempts + 1 WHERE id = ?", (item_id,))


async def failed(tx: Tx, item_id: int, error: str, now: datetime) -> None:
    await tx.execute("UPDATE outbox SET failed_at = ?, error = ?, payload = '{}' WHERE id = ?",
                     (to_db(now), error[:500], item_id))


async def move_lane(tx: Tx, old_lane: int, new_lane: int) -> int:
    """A group that became a supergroup: what waits for its old chat goes to the new one."""
    return await tx.execute("UPDATE outbox SET lane = ? WHERE lane = ? AND failed_at IS NULL",
                            (new_lane, old_lane))


async def forget_old(tx: Tx, now: datetime) -> int:
    """Deletes the calls that failed more than KEEP_FAILED ago; waiting ones stay."""
    return await tx.execute("DELETE FROM outbox WHERE failed_at IS NOT NULL AND failed_at < ?",
                            (to_db(now - KEEP_FAILED),))
