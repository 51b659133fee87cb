"""Timers: the source of truth for every scheduled job (the JobQueue only mirrors them)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from storage.clock import from_db, to_db
from storage.db import Row, Tx


@dataclass(frozen=True)
class StoredTimer:
    id: int
    group_id: int
    name: str
    event: str
    payload: dict[str, Any]
    due_at: datetime


def _timer(row: Row) -> StoredTimer:
    return StoredTimer(row["id"], row["group_id"], row["name"], row["event"],
                       json.loads(row["payload"]), from_db(row["due_at"]))  # type: ignore


async def set(tx: Tx, group_id: int, name: str, event: str, payload: dict[str, Any],
              due_at: datetime) -> StoredTimer:
    """Sets or replaces the timer of that name (a replaced timer may fire again)."""
    await tx.execute(
        "INSERT INTO timers (group_id, name, event, payload, due_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (group_id, name) DO UPDATE SET event = excluded.event, "
        "payload = excluded.payload, due_at = excluded.due_at, fired_at = NULL",
        (group_id, name, event, json.dumps(payload, sort_keys=True), to_db(due_at)))
    row = await tx.one("SELECT * FROM timers WHERE group_id = ? AND name = ?", (group_id, name))
    assert row is not None
    return _timer(row)


async def cancel(tx: Tx, group_id: int, name: str) -> bool:
    return await tx.execute("DELETE FROM timers WHERE group_id = ? AND name = ? "
                            "AND fired_at IS NULL", (group_id, name)) > 0


async def claim(tx: Tx, timer_id: int, due_at: datetime, now: datetime) -> bool:
    """Marks the timer fired. Only one caller ever gets True for one due time: that is what
    makes a timer fire exactly once across restarts and replacements."""
    return await tx.execute(
        "UPDATE timers SET fired_at = ? WHERE id = ? AND fired_at IS NULL AND due_at = ?",
        (to_db(now), timer_id, to_db(due_at))) > 0


async def pending(tx: Tx) -> list[StoredTimer]:
    rows = await tx.all("SELECT * FROM timers WHERE fired_at IS NULL ORDER BY due_at, id")
    return [_timer(r) for r in rows]


async def pending_of(tx: Tx, group_id: int) -> list[StoredTimer]:
    rows = await tx.all("SELECT * FROM timers WHERE group_id = ? AND fired_at IS NULL "
                        "ORDER BY due_at", (group_id,))
    return [_timer(r) for r in rows]


async def get(tx: Tx, group_id: int, name: str) -> StoredTimer | None:
    row = await tx.one("SELECT * FROM timers WHERE group_id = ? AND name = ?", (group_id, name))
    return _timer(row) if row else None


async def waiting(tx: Tx, group_id: int, name: str) -> bool:
    """Whether the timer of that name is set and has not fired."""
    return await tx.one("SELECT 1 FROM timers WHERE group_id = ? AND name = ? "
                        "AND fired_at IS NULL", (group_id, name)) is not None


async def fired_names(tx: Tx, group_id: int, prefix: str = "") -> list[str]:
    rows = await tx.all("SELECT name FROM timers WHERE group_id = ? AND fired_at IS NOT NULL "
                        "AND name LIKE ?", (group_id, prefix + "%"))
    return [r["name"] for r in rows]
