"""The inbox: updates as Telegram delivered them, each handled exactly once.

An update is stored before the bot confirms it to Telegram (the next `getUpdates` offset, or
the answer to the webhook call), and marked handled in the same transaction as whatever it
changed. A kill at any moment therefore neither drops a fetched update nor handles one twice.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from storage.clock import to_db
from storage.db import Tx

KEEP_HANDLED = timedelta(days=7)  # Telegram redelivers an unconfirmed update within a day


@dataclass(frozen=True)
class Arrival:
    update_id: int
    lane: int
    payload: str


async def store(tx: Tx, arrivals: Iterable[Arrival], now: datetime) -> None:
    """Stores new updates; one already stored (delivered again) is left as it is."""
    await tx.many("INSERT INTO inbox (update_id, lane, payload, received_at) VALUES (?, ?, ?, ?) "
                  "ON CONFLICT DO NOTHING",
                  [(a.update_id, a.lane, a.payload, to_db(now)) for a in arrivals])


async def waiting(tx: Tx, lane: int, limit: int) -> list[tuple[int, str]]:
    """The lane's oldest unhandled updates: (update id, payload)."""
    rows = await tx.all("SELECT update_id, payload FROM inbox WHERE lane = ? AND handled_at IS "
                        "NULL ORDER BY update_id LIMIT ?", (lane, limit))
    return [(r["update_id"], r["payload"]) for r in rows]


async def waiting_lanes(tx: Tx) -> list[int]:
    rows = await tx.all("SELECT DISTINCT lane FROM inbox WHERE handled_at IS NULL")
    return [r["lane"] for r in rows]


async def moving_into(tx: Tx, chat_id: int) -> list[int]:
    """The chats whose upgrade to the supergroup `chat_id` is told by a migrate message that
    arrived but waits to be handled (in the old chat, or in this one)."""
    rows = await tx.all(
        "SELECT lane AS old FROM inbox WHERE handled_at IS NULL "
        "AND json_extract(payload, '$.message.migrate_to_chat_id') = :chat "
        "UNION SELECT json_extract(payload, '$.message.migrate_from_chat_id') FROM inbox "
        "WHERE handled_at IS NULL AND lane = :chat "
        "AND json_extract(payload, '$.message.migrate_from_chat_id') IS NOT NULL",
        {"chat": chat_id})
    return [int(r["old"]) for r in rows]


async def latest_id(tx: Tx) -> int | None:
    row = await tx.one("SELECT MAX(update_id) AS latest FROM inbox")
    return None if row is None or row["latest"] is None else int(row["latest"])


async def mark(tx: Tx, update_id: int, now: datetime) -> bool:
    """Marks the update handled and forgets its words. True when this call did it; False
    when it was handled before. An id the inbox never saw (a test calling a handler
    directly) is recorded as handled."""
    changed = await tx.execute("UPDATE inbox SET handled_at = ?, payload = NULL "
                               "WHERE update_id = ? AND handled_at IS NULL",
                               (to_db(now), update_id))
    if changed:
        return True
    return await tx.execute("INSERT INTO inbox (update_id, lane, payload, received_at, "
                            "handled_at) VALUES (?, 0, NULL, ?, ?) ON CONFLICT DO NOTHING",
                            (update_id, to_db(now), to_db(now))) > 0


async def forget_old(tx: Tx, now: datetime) -> int:
    return await tx.execute("DELETE FROM inbox WHERE handled_at < ?",
                            (to_db(now - KEEP_HANDLED),))
