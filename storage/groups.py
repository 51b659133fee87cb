"""Intervision groups: a chat, or one forum topic of a supergroup, with its settings."""
from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import asdict, fields
from datetime import datetime, timedelta
from typing import Any

from flows.model import Group, NudgeDelivery, NudgeMode, Settings
from flows.schedule.plan import Schedule
from storage.clock import to_db
from storage.db import Row, Tx

log = logging.getLogger(__name__)
_ENUMS = {"nudging": NudgeMode, "nudge_delivery": NudgeDelivery}


def settings_to_json(settings: Settings) -> str:
    """Only what differs from the defaults, so a changed default reaches every group."""
    default = asdict(Settings())
    changed = {k: v for k, v in asdict(settings).items() if v != default[k]}
    return json.dumps(changed, sort_keys=True)


def settings_from_json(raw: str, *, default_timezone: str = "Europe/Amsterdam") -> Settings:
    stored = json.loads(raw or "{}")
    known = {f.name for f in fields(Settings)}
    values: dict[str, Any] = {k: _ENUMS[k](v) if k in _ENUMS else v
                              for k, v in stored.items() if k in known}
    values.setdefault("timezone", default_timezone)
    return Settings(**values)


def _group(row: Row) -> Group:
    return Group(row["id"], row["chat_id"], row["thread_id"], row["title"],
                 settings_from_json(row["settings"]))


async def register(tx: Tx, chat_id: int, thread_id: int, title: str, settings: Settings,
                   now: datetime) -> tuple[Group, bool]:
    """Registers the group, or updates title and settings of a known one. Returns the group
    and whether it was new."""
    existing = await find(tx, chat_id, thread_id)
    if existing:
        await tx.execute("UPDATE groups SET title = ?, settings = ? WHERE id = ?",
                         (title, settings_to_json(settings), existing.id))
        return Group(existing.id, chat_id, thread_id, title, settings), False
    group_id = await tx.insert(
        "INSERT INTO groups (chat_id, thread_id, title, settings, created_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (chat_id, thread_id, title, settings_to_json(settings), to_db(now)))
    return Group(group_id, chat_id, thread_id, title, settings), True


async def find(tx: Tx, chat_id: int, thread_id: int = 0) -> Group | None:
    row = await tx.one("SELECT * FROM groups WHERE chat_id = ? AND thread_id = ?",
                       (chat_id, thread_id))
    return _group(row) if row else None


async def get(tx: Tx, group_id: int) -> Group | None:
    row = await tx.one("SELECT * FROM groups WHERE id = ?", (group_id,))
    return _group(row) if row else None


async def save_settings(tx: Tx, group_id: int, settings: Settings) -> None:
    await tx.execute("UPDATE groups SET settings = ? WHERE id = ?",
                     (settings_to_json(settings), group_id))


async def set_schedule(tx: Tx, group_id: int, schedule: str | None) -> None:
    await tx.execute("UPDATE groups SET schedule = ? WHERE id = ?", (schedule, group_id))


async def schedule_of(tx: Tx, group_id: int) -> Schedule | None:
    """The group's rhythm of meetings; None without one."""
    row = await tx.one("SELECT schedule FROM groups WHERE id = ?", (group_id,))
    return _readable(row["schedule"], group_id) if row else None


def _readable(stored: str | None, group_id: int) -> Schedule | None:
    """A rhythm this code cannot read (written by another version) counts as none, and is
    left as it is for a later version to read; the operator hears of it."""
    if not stored:
        return None
    try:
        return Schedule.from_text(stored)
    except ValueError:
        log.error("group %s: stored schedule unreadable; left as it is", group_id)
        return None


PENDING_VALID = timedelta(days=1)


async def hold_schedule(tx: Tx, group_id: int, schedule: str, now: datetime) -> int:
    """Keeps a rhythm until an admin confirms it (one too long for its button); returns its id.
    Unanswered ones older than a day are removed on the way."""
    await tx.execute("DELETE FROM pending_schedules WHERE created_at < ?",
                     (to_db(now - PENDING_VALID),))
    return await tx.insert("INSERT INTO pending_schedules (group_id, schedule, created_at) "
                           "VALUES (?, ?, ?)", (group_id, schedule, to_db(now)))


async def take_held_schedule(tx: Tx, pending_id: int, group_id: int,
                             now: datetime) -> str | None:
    """The held rhythm (removed as it is taken), or None when it is gone or too old."""
    row = await tx.one("SELECT schedule FROM pending_schedules WHERE id = ? AND group_id = ? "
                       "AND created_at >= ?", (pending_id, group_id, to_db(now - PENDING_VALID)))
    await tx.execute("DELETE FROM pending_schedules WHERE id = ? AND group_id = ?",
                     (pending_id, group_id))
    return row["schedule"] if row else None


async def voice_notice_given(tx: Tx, group_id: int) -> bool:
    """Whether the group has been told that voice notes are counted but not read."""
    row = await tx.one("SELECT voice_notice_at FROM groups WHERE id = ?", (group_id,))
    return bool(row and row["voice_notice_at"])


async def record_voice_notice(tx: Tx, group_id: int, now: datetime) -> None:
    """The group has been told (flows.effects.RecordVoiceNotice); the first time counts."""
    await tx.execute("UPDATE groups SET voice_notice_at = COALESCE(voice_notice_at, ?) "
                     "WHERE id = ?", (to_db(now), group_id))


async def all_groups(tx: Tx) -> list[Group]:
    return [_group(r) for r in await tx.all("SELECT * FROM groups ORDER BY id")]


async def with_schedules(tx: Tx) -> list[tuple[Group, Schedule]]:
    """Every group with a rhythm this code can read, and that rhythm."""
    rows = await tx.all("SELECT * FROM groups WHERE schedule IS NOT NULL ORDER BY id")
    read = ((_group(r), _readable(r["schedule"], r["id"])) for r in rows)
    return [(group, schedule) for group, schedule in read if schedule is not None]


async def move_chat(tx: Tx, old_chat_id: int, new_chat_id: int) -> int:
    """A basic group became a supergroup (a new chat id): its intervision group moves with it,
    members, cycles and all. Returns how many groups moved (0 when already done)."""
    return await tx.execute("UPDATE groups SET chat_id = ? WHERE chat_id = ? AND NOT EXISTS "
                            "(SELECT 1 FROM groups WHERE chat_id = ?)",
                            (new_chat_id, old_chat_id, new_chat_id))


async def bot_removed(tx: Tx, chat_id: int, now: datetime) -> None:
    await tx.execute("UPDATE groups SET bot_removed_at = ? WHERE chat_id = ?",
                     (to_db(now), chat_id))


async def bot_back(tx: Tx, chat_id: int) -> list[Group]:
    """The chat's groups the bot had been removed from, now that it is back (marked back)."""
    rows = await tx.all("SELECT * FROM groups WHERE chat_id = ? AND bot_removed_at IS NOT "
                        "NULL ORDER BY thread_id", (chat_id,))
    await tx.execute("UPDATE groups SET bot_removed_at = NULL WHERE chat_id = ?", (chat_id,))
    return [_group(r) for r in rows]


async def in_chat(tx: Tx, chat_id: int) -> list[Group]:
    """Every intervision group of a chat: the chat itself and each of its forum topics."""
    rows = await tx.all("SELECT * FROM groups WHERE chat_id = ? ORDER BY thread_id", (chat_id,))
    return [_group(r) for r in rows]


async def note_admins(tx: Tx, group_id: int, user_ids: Iterable[int], now: datetime) -> None:
    """The chat's administrators as Telegram listed them at /setup (replacing the last list)."""
    await tx.execute("DELETE FROM group_admins WHERE group_id = ?", (group_id,))
    for user_id in sorted(set(user_ids)):
        await tx.execute("INSERT INTO group_admins (group_id, user_id, seen_at) VALUES (?, ?, ?)",
                         (group_id, user_id, to_db(now)))


async def admins_of(tx: Tx, group_id: int) -> list[int]:
    rows = await tx.all("SELECT user_id FROM group_admins WHERE group_id = ? ORDER BY user_id",
                        (group_id,))
    return [r["user_id"] for r in rows]


async def set_reads_talk(tx: Tx, chat_id: int, reads: bool) -> bool:
    """Records whether the bot reads the talk in the chat's groups; True if any group of the
    chat was known not to (so that it can be told that it now does)."""
    was_blind = await tx.one("SELECT 1 FROM groups WHERE chat_id = ? AND reads_talk = 0",
                             (chat_id,))
    await tx.execute("UPDATE groups SET reads_talk = ? WHERE chat_id = ?",
                     (1 if reads else 0, chat_id))
    return was_blind is not None


async def reads_talk(tx: Tx, group_id: int) -> bool:
    """False only where the bot was seen unable to read the group's talk."""
    row = await tx.one("SELECT reads_talk FROM groups WHERE id = ?", (group_id,))
    return row is None or row["reads_talk"] != 0
