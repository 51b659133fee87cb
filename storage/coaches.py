"""Coaches linked to groups through single-use, expiring invites."""
from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from flows.coach_invite import Invite
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


async def invite_of(tx: Tx, token: str, now: datetime) -> Invite | None:
    """The invite as `flows.coach_invite` weighs it; None for an unknown token."""
    row = await tx.one("SELECT group_id, used_by, expires_at > ? AS open FROM coach_invites "
                       "WHERE token = ?", (to_db(now), token))
    if row is None:
        return None
    return Invite(int(row["group_id"]), row["used_by"],
                  bool(row["open"]) and row["used_by"] is None)


async def of_group(tx: Tx, group_id: int) -> list[int]:
    rows = await tx.all("SELECT user_id FROM coaches WHERE group_id = ? ORDER BY linked_at",
                        (group_id,))
    return [r["user_id"] for r in rows]


async def named(tx: Tx, group_id: int) -> list[tuple[int, str]]:
    """The group's coaches as (user id, name), in the order they were linked."""
    rows = await tx.all("SELECT user_id, name FROM coaches WHERE group_id = ? "
                        "ORDER BY linked_at, user_id", (group_id,))
    return [(r["user_id"], r["name"]) for r in rows]


async def unlink(tx: Tx, group_id: int, user_id: int) -> bool:
    return await tx.execute("DELETE FROM coaches WHERE group_id = ? AND user_id = ?",
                            (group_id, user_id)) > 0


async def revoke_invites(tx: Tx, group_id: int, now: datetime) -> int:
    """Every open invite of the group stops working now; returns how many there were."""
    return await tx.execute("UPDATE coach_invites SET expires_at = ? WHERE group_id = ? "
                            "AND used_by IS NULL AND expires_at > ?",
                            (to_db(now), group_id, to_db(now)))


async def groups_of(tx: Tx, user_id: int) -> list[int]:
    """The groups a person coaches."""
    rows = await tx.all("SELECT group_id FROM coaches WHERE user_id = ? ORDER BY group_id",
                        (user_id,))
    return [r["group_id"] for r in rows]


async def is_coach_of(tx: Tx, group_id: int, user_id: int) -> bool:
    return await tx.one("SELECT 1 FROM coaches WHERE group_id = ? AND user_id = ?",
                        (group_id, user_id)) is not None


async def forget_coach(tx: Tx, user_id: int) -> dict[str, int]:
    """A coach's /forget: unlinked from every group, their name gone from the invites they
    used (the row stays, so the invite stays used). Returns how many of each."""
    links = await tx.execute("DELETE FROM coaches WHERE user_id = ?", (user_id,))
    invites = await tx.execute("UPDATE coach_invites SET used_by = 0 WHERE used_by = ?",
                               (user_id,))
    return {"groups": links, "invites": invites}
