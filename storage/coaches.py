"""Coaches linked to groups through single-use, expiring invites."""
from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from storage.clock import to_db
from storage.db import Tx

INVITE_VALID = timedelta(days=7)


async def create_invite(tx: Tx, group_id: int, created_by: int, now: datetime) -> str:
    token = secrets.token_urlsafe(16)
    await tx.execute("INSERT INTO coach_invites (token, group_id, created_by, created_at, "
                     "expires_at) VALUES (?, ?, ?, ?, ?)",
                     (token, group_id, created_by, to_db(now), to_db(now + INVITE_VALID)))
    return token


async def redeem(tx: Tx, token: str, user_id: int, name: str, now: datetime) -> int | None:
    """Links the coach; the group id, or None for an unknown, used or expired invite."""
    row = await tx.one("SELECT group_id FROM coach_invites WHERE token = ? AND used_by IS NULL "
                       "AND expires_at > ?", (token, to_db(now)))
    if row is None:
        return None
    await tx.execute("UPDATE coach_invites SET used_by = ?, used_at = ? WHERE token = ?",
                     (user_id, to_db(now), token))
    await tx.execute("INSERT INTO coaches (group_id, user_id, name, linked_at) VALUES "
                     "(?, ?, ?, ?) ON CONFLICT DO NOTHING",
                     (row["group_id"], user_id, name, to_db(now)))
    return int(row["group_id"])


async def of_group(tx: Tx, group_id: int) -> list[int]:
    rows = await tx.all("SELECT user_id FROM coaches WHERE group_id = ? ORDER BY linked_at",
                        (group_id,))
    return [r["user_id"] for r in rows]
