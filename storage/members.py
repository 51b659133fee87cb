"""Members of a group, and the people who started a private chat with the bot."""
from __future__ import annotations

from datetime import datetime

from flows.model import Member
from storage.clock import from_db, to_db
from storage.db import Tx


async def join(tx: Tx, group_id: int, user_id: int, name: str, now: datetime) -> bool:
    """Adds or re-activates a member, keeping their turns and history. True when new or back."""
    row = await tx.one("SELECT active FROM members WHERE group_id = ? AND user_id = ?",
                       (group_id, user_id))
    if row is None:
        await tx.execute(
            "INSERT INTO members (group_id, user_id, name, joined_at) VALUES (?, ?, ?, ?)",
            (group_id, user_id, name, to_db(now)))
        return True
    await tx.execute("UPDATE members SET name = ?, active = 1, left_at = NULL, left_chat = 0 "
                     "WHERE group_id = ? AND user_id = ?", (name, group_id, user_id))
    return not row["active"]


async def leave(tx: Tx, group_id: int, user_id: int, now: datetime, *,
                left_chat: bool = False) -> bool:
    """Marks the member inactive from `now` (their contributions stay part of the group's
    cycles); `left_chat`: by leaving the Telegram chat, not by /leave (see `came_back`)."""
    changed = await tx.execute(
        "UPDATE members SET active = 0, left_at = ?, left_chat = ? WHERE group_id = ? "
        "AND user_id = ? AND active = 1", (to_db(now), int(left_chat), group_id, user_id))
    return changed > 0


async def came_back(tx: Tx, group_id: int, user_id: int, since: datetime) -> bool:
    """A member who left by leaving the chat at or after `since` was added back: they are a
    member again as they were (turns, agreement), without /join. One who stopped with
    /leave chose to, and one who erased their data (/forget) is no one to restore."""
    changed = await tx.execute(
        "UPDATE members SET active = 1, left_at = NULL, left_chat = 0 "
        "WHERE group_id = ? AND user_id = ? AND active = 0 AND left_chat = 1 "
        "AND left_at >= ?", (group_id, user_id, to_db(since)))
    return changed > 0


async def agree(tx: Tx, group_id: int, user_id: int, now: datetime) -> bool:
    changed = await tx.execute(
        "UPDATE members SET agreed_at = ? WHERE group_id = ? AND user_id = ? "
        "AND agreed_at IS NULL", (to_db(now), group_id, user_id))
    return changed > 0


async def set_skip_next(tx: Tx, group_id: int, user_id: int, skip: bool) -> None:
    await tx.execute("UPDATE members SET skip_next = ? WHERE group_id = ? AND user_id = ?",
                     (int(skip), group_id, user_id))


async def record_turn(tx: Tx, group_id: int, user_id: int, now: datetime) -> None:
    """Counts the inbrenger's turn. A /skip covers the group's next turn, so every pending
    skip is used up now, whoever brought in."""
    await tx.execute(
        "UPDATE members SET turns = turns + 1, last_turn_at = ? "
        "WHERE group_id = ? AND user_id = ?", (to_db(now), group_id, user_id))
    await tx.execute("UPDATE members SET skip_next = 0 WHERE group_id = ?", (group_id,))


async def return_turn(tx: Tx, group_id: int, user_id: int, cycle_id: int) -> None:
    """Takes back the turn counted for `cycle_id`, which stopped before it was had: one turn
    less, and the last turn is again the latest clip shown in another cycle of theirs that
    was not stopped the same way (none: never)."""
    await tx.execute(
        """
        UPDATE members SET turns = MAX(turns - 1, 0), last_turn_at = (
            SELECT MAX(t.at) FROM cycle_transitions t JOIN cycles c ON c.id = t.cycle_id
             WHERE c.group_id = members.group_id AND c.inbrenger_id = members.user_id
               AND c.id <> ? AND t.to_phase = 'watching'
               AND NOT EXISTS (SELECT 1 FROM cycle_transitions s
                                WHERE s.cycle_id = c.id AND s.to_phase = 'cancelled'
                                  AND (s.event = 'member_left' AND s.actor_id = c.inbrenger_id
                                       OR s.event IN ('cancel', 'grace_end'))))
         WHERE group_id = ? AND user_id = ?
        """, (cycle_id, group_id, user_id))


async def active(tx: Tx, group_id: int) -> tuple[Member, ...]:
    """The group's active members, with whether they can be written to privately and the
    commitment of their last closed cycle (for the next one to look back at)."""
    rows = await tx.all(
        """
        SELECT m.*, COALESCE(u.started_private, 0) AS started_private,
               (SELECT c.commitment FROM cycles c
                 WHERE c.group_id = m.group_id AND c.inbrenger_id = m.user_id
                   AND c.phase = 'closed' AND c.commitment IS NOT NULL
                 ORDER BY c.id DESC LIMIT 1) AS last_commitment,
               (SELECT COALESCE(MAX(c.number), 0) FROM cycles c
                 WHERE c.group_id = m.group_id AND c.inbrenger_id = m.user_id
                   AND c.phase = 'closed') AS last_closed_number
          FROM members m LEFT JOIN users u ON u.user_id = m.user_id
         WHERE m.group_id = ? AND m.active = 1
         ORDER BY m.joined_at, m.user_id
        """, (group_id,))
    return tuple(
        Member(r["user_id"], r["name"], bool(r["started_private"]), r["turns"],
               from_db(r["last_turn_at"]), r["agreed_at"] is not None, bool(r["skip_next"]),
               r["last_commitment"], r["last_closed_number"])
        for r in rows)


async def agreed_by(tx: Tx, group_id: int, moment: datetime) -> set[int]:
    """Who had joined and agreed to the group's agreements by `moment` (a past meeting's)."""
    rows = await tx.all("SELECT user_id FROM members WHERE group_id = ? AND agreed_at <= ? "
                        "AND joined_at <= ?", (group_id, to_db(moment), to_db(moment)))
    return {r["user_id"] for r in rows}


async def get(tx: Tx, group_id: int, user_id: int) -> Member | None:
    return next((m for m in await active(tx, group_id) if m.user_id == user_id), None)


async def groups_of(tx: Tx, user_id: int) -> list[int]:
    rows = await tx.all("SELECT group_id FROM members WHERE user_id = ? AND active = 1",
                        (user_id,))
    return [r["group_id"] for r in rows]


async def told_privately(tx: Tx, group_id: int, user_id: int, now: datetime) -> None:
    """The bot wrote to the member privately about this group (bot/handlers/private.py)."""
    await tx.execute("UPDATE members SET told_privately_at = ? WHERE group_id = ? AND user_id = ?",
                     (to_db(now), group_id, user_id))


async def last_told_privately(tx: Tx, user_id: int) -> int | None:
    """The group the bot last wrote to the member about privately, of those they are in."""
    row = await tx.one("SELECT group_id FROM members WHERE user_id = ? AND active = 1 "
                       "AND told_privately_at IS NOT NULL "
                       "ORDER BY told_privately_at DESC LIMIT 1", (user_id,))
    return row["group_id"] if row else None


async def started_private(tx: Tx, user_id: int, name: str, language: str | None,
                          now: datetime) -> None:
    """They started a private chat with the bot (/start): stored, or stored anew."""
    await tx.execute(
        """
        INSERT INTO users (user_id, name, language, started_private, updated_at)
        VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (user_id) DO UPDATE SET name = excluded.name,
            language = COALESCE(excluded.language, users.language),
            started_private = excluded.started_private, updated_at = excluded.updated_at
        """, (user_id, name, language, 1, to_db(now)))


async def private_chat_changed(tx: Tx, user_id: int, now: datetime, *, open_: bool) -> None:
    """A block or an unblock of the bot changes only the flag of someone already stored: it is
    no act of theirs towards the bot, so it never stores a name (after /forget: again)."""
    await tx.execute("UPDATE users SET started_private = ?, updated_at = ? WHERE user_id = ?",
                     (int(open_), to_db(now), user_id))


async def can_write_privately(tx: Tx, user_id: int) -> bool:
    row = await tx.one("SELECT started_private FROM users WHERE user_id = ?", (user_id,))
    return bool(row and row["started_private"])


async def named(tx: Tx, group_id: int) -> tuple[Member, ...]:
    """Everyone who ever took part in the group, by name (those who left too), so that a
    portfolio names who said what; an erased member is named as erased (storage.privacy).
    With when they agreed to the group's agreements and when they left, so that it names a
    cycle's quiet members only where they were members then: one who left before this was
    kept (or erased their data) as leaving when they joined, not known to have been there."""
    rows = await tx.all(
        "SELECT user_id, name, agreed_at, "
        "       CASE WHEN active = 1 THEN NULL ELSE COALESCE(left_at, joined_at) END AS left_at "
        "  FROM members WHERE group_id = ? ORDER BY user_id", (group_id,))
    return tuple(Member(r["user_id"], r["name"], agreed_at=from_db(r["agreed_at"]),
                        left_at=from_db(r["left_at"])) for r in rows)


async def former(tx: Tx, group_id: int) -> tuple[Member, ...]:
    """Who took part in the group and left it (an erased member as erased, storage.privacy):
    a summary still names them where it quotes them."""
    rows = await tx.all("SELECT user_id, name FROM members WHERE group_id = ? AND active = 0 "
                        "ORDER BY user_id", (group_id,))
    return tuple(Member(r["user_id"], r["name"]) for r in rows)
