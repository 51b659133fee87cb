"""Telegram update ids already handled, so a redelivered update has no second effect."""
from __future__ import annotations

from datetime import datetime, timedelta

from storage.clock import to_db
from storage.db import Tx

KEEP = timedelta(days=7)  # Telegram keeps undelivered updates for 24 hours


async def seen(tx: Tx, update_id: int) -> bool:
    return await tx.one("SELECT 1 FROM processed_updates WHERE update_id = ?",
                        (update_id,)) is not None


async def mark(tx: Tx, update_id: int, now: datetime) -> bool:
    """True when this call recorded the update (it was not processed before)."""
    return await tx.execute("INSERT INTO processed_updates (update_id, processed_at) "
                            "VALUES (?, ?) ON CONFLICT DO NOTHING",
                            (update_id, to_db(now))) > 0


async def forget_old(tx: Tx, now: datetime) -> int:
    return await tx.execute("DELETE FROM processed_updates WHERE processed_at < ?",
                            (to_db(now - KEEP),))
