"""Cycles: the persisted state machine, with a history row for every transition."""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import MISSING, Field, asdict, fields, replace
from datetime import datetime
from typing import Any

from flows.cycle.model import Clip, Cycle
from flows.model import PastCycle, Phase
from flows.nudging.history import NudgeHistory
from flows.reports.progress import past_cycle
from storage import contributions
from storage.clock import from_db, to_db
from storage.db import Row, Tx

# Fields kept in the JSON column; the rest have columns of their own.
_COLUMNS = {"id", "group_id", "inbrenger_id", "number", "phase", "phase_started_at",
            "learning_question", "commitment"}


# Fields with more to them than JSON's lists and scalars: how each goes in and comes out.
_CODECS: dict[str, tuple[Callable[[Any], Any], Callable[[Any], Any]]] = {
    "clip": (lambda clip: None if clip is None else asdict(clip),
             lambda raw: Clip(**raw) if raw else None),
    "meeting_at": (to_db, from_db),
    "next_turn_at": (to_db, from_db),
    "step_started_at": (to_db, from_db),
    "sound_shown_at": (to_db, from_db),
    "away_since": (to_db, from_db),
    "watched_at_talk": (lambda ids: None if ids is None else sorted(ids),
                        lambda raw: None if raw is None else frozenset(raw)),
    "nudge_history": (lambda history: history.to_dict(),
                      lambda raw: NudgeHistory.from_dict(raw or {})),
}
_IN_JSON = tuple(f for f in fields(Cycle) if f.name not in _COLUMNS)


def _encoded(value: Any) -> Any:
    if isinstance(value, frozenset):
        return sorted(value)
    return list(value) if isinstance(value, tuple) else value


def _decoded(field: Field[Any], raw: Any) -> Any:
    """A stored value back as its field's type; a field stored before it existed gets its
    default (so an older cycle loads unchanged)."""
    default = field.default_factory() if field.default is MISSING else field.default  # type: ignore[misc,operator]
    if raw is None:
        return default
    if isinstance(default, frozenset):
        return frozenset(raw)
    if isinstance(default, tuple):
        return tuple(raw)
    return bool(raw) if isinstance(default, bool) else raw


def _data(cycle: Cycle) -> dict[str, Any]:
    """The JSON column, built from the dataclass's own fields: a new field is stored
    without being listed here."""
    return {f.name: (_CODECS[f.name][0] if f.name in _CODECS else _encoded)(
        getattr(cycle, f.name)) for f in _IN_JSON}


def _cycle(row: Row) -> Cycle:
    data = json.loads(row["data"] or "{}")
    if data.get("looking_back") and not data.get("step"):  # stored before will had steps
        data["step"] = "lookback"
    stored = {f.name: (_CODECS[f.name][1](data.get(f.name)) if f.name in _CODECS
                       else _decoded(f, data.get(f.name))) for f in _IN_JSON}
    return Cycle(
        id=row["id"], group_id=row["group_id"], inbrenger_id=row["inbrenger_id"],
        number=row["number"], phase=Phase(row["phase"]),
        phase_started_at=from_db(row["phase_started_at"]),  # type: ignore[arg-type]
        learning_question=row["learning_question"], commitment=row["commitment"], **stored)


async def create(tx: Tx, cycle: Cycle, *, actor_id: int | None, event: str,
                 now: datetime) -> Cycle:
    """Stores a new cycle (its id is assigned here). The database refuses a second open cycle
    in one group (sqlite3.IntegrityError), whatever races happen above it."""
    cycle_id = await tx.insert(
        "INSERT INTO cycles (group_id, inbrenger_id, number, phase, learning_question, "
        "commitment, data, created_at, phase_started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (cycle.group_id, cycle.inbrenger_id, cycle.number, cycle.phase.value,
         cycle.learning_question, cycle.commitment, json.dumps(_data(cycle)), to_db(now),
         to_db(cycle.phase_started_at)))
    created = replace(cycle, id=cycle_id)
    await _log(tx, cycle_id, None, cycle.phase, event, actor_id, now)
    return created


async def save(tx: Tx, before: Cycle, after: Cycle, *, event: str, actor_id: int | None,
               now: datetime) -> None:
    closed_at = to_db(now) if not after.is_open and before.is_open else None
    await tx.execute(
        "UPDATE cycles SET inbrenger_id = ?, number = ?, phase = ?, learning_question = ?, "
        "commitment = ?, data = ?, phase_started_at = ?, "
        "closed_at = COALESCE(closed_at, ?) WHERE id = ?",
        (after.inbrenger_id, after.number, after.phase.value, after.learning_question,
         after.commitment, json.dumps(_data(after)), to_db(after.phase_started_at), closed_at,
         after.id))
    if before.phase != after.phase:
        await _log(tx, after.id, before.phase, after.phase, event, actor_id, now)


async def _log(tx: Tx, cycle_id: int, source: Phase | None, target: Phase, event: str,
               actor_id: int | None, now: datetime) -> None:
    await tx.execute(
        "INSERT INTO cycle_transitions (cycle_id, from_phase, to_phase, event, actor_id, at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (cycle_id, source.value if source else None, target.value, event, actor_id,
         to_db(now)))


async def get(tx: Tx, cycle_id: int) -> Cycle | None:
    row = await tx.one("SELECT * FROM cycles WHERE id = ?", (cycle_id,))
    return _cycle(row) if row else None


async def announced_for(tx: Tx, group_id: int, meeting_at: datetime) -> bool:
    """Whether any cycle of the group (open, closed or cancelled) was this meeting's."""
    row = await tx.one("SELECT 1 FROM cycles WHERE group_id = ? AND "
                       "json_extract(data, '$.meeting_at') = ? LIMIT 1",
                       (group_id, to_db(meeting_at)))
    return row is not None


async def cancelled_meetings(tx: Tx, group_id: int, after: datetime) -> frozenset[datetime]:
    """The meetings after `after` that a cancelled cycle was for: they are not held (a
    meeting's announcement finds its cycle and starts none; docs/scheduling.md)."""
    rows = await tx.all("SELECT json_extract(data, '$.meeting_at') AS at FROM cycles "
                        "WHERE group_id = ? AND phase = 'cancelled' "
                        "AND json_extract(data, '$.meeting_at') > ?",
                        (group_id, to_db(after)))
    return frozenset(at for row in rows if (at := from_db(row["at"])) is not None)


async def told_turns(tx: Tx, group_id: int, now: datetime) -> list[int]:
    """The closed cycles whose inbrenger was told the date of a next turn still to come,
    without a cycle of theirs since and without a cycle announced for that meeting (it went
    to someone else): what a new schedule may have to correct."""
    rows = await tx.all(
        "SELECT id FROM cycles AS told WHERE group_id = ? AND phase = 'closed' "
        "AND json_extract(data, '$.next_turn_at') > ? AND id IN "
        "(SELECT MAX(id) FROM cycles WHERE group_id = ? GROUP BY inbrenger_id) "
        "AND NOT EXISTS (SELECT 1 FROM cycles AS held WHERE held.group_id = told.group_id "
        "AND json_extract(held.data, '$.meeting_at') = json_extract(told.data, "
        "'$.next_turn_at')) ORDER BY id",
        (group_id, to_db(now), group_id))
    return [row["id"] for row in rows]


async def open_cycle(tx: Tx, group_id: int) -> Cycle | None:
    row = await tx.one(
        "SELECT * FROM cycles WHERE group_id = ? AND phase NOT IN ('closed', 'cancelled')",
        (group_id,))
    return _cycle(row) if row else None


async def open_ids(tx: Tx) -> set[int]:
    """The ids of every open cycle, of all groups."""
    rows = await tx.all("SELECT id FROM cycles WHERE phase NOT IN ('closed', 'cancelled')")
    return {row["id"] for row in rows}


async def stopped_by_removal(tx: Tx, chat_id: int) -> dict[int, int]:
    """For each of the chat's groups the bot was removed from: the inbrenger of the cycle that
    stopped then (cancelled since the removal), by group id."""
    rows = await tx.all(
        "SELECT c.group_id, c.inbrenger_id FROM groups g JOIN cycles c ON c.group_id = g.id "
        "JOIN cycle_transitions t ON t.cycle_id = c.id WHERE g.chat_id = ? "
        "AND g.bot_removed_at IS NOT NULL AND c.phase = 'cancelled' "
        "AND t.to_phase = 'cancelled' AND t.at >= g.bot_removed_at ORDER BY c.id", (chat_id,))
    return {r["group_id"]: r["inbrenger_id"] for r in rows}


async def of_group(tx: Tx, group_id: int) -> list[Cycle]:
    rows = await tx.all("SELECT * FROM cycles WHERE group_id = ? ORDER BY id", (group_id,))
    return [_cycle(r) for r in rows]


async def transitions(tx: Tx, cycle_id: int) -> list[tuple[str | None, str, str]]:
    rows = await tx.all("SELECT from_phase, to_phase, event FROM cycle_transitions "
                        "WHERE cycle_id = ? ORDER BY id", (cycle_id,))
    return [(r["from_phase"], r["to_phase"], r["event"]) for r in rows]


async def closed_at(tx: Tx, cycle_id: int) -> datetime | None:
    row = await tx.one("SELECT closed_at FROM cycles WHERE id = ?", (cycle_id,))
    return from_db(row["closed_at"]) if row else None


async def history(tx: Tx, group_id: int) -> tuple[PastCycle, ...]:
    """The group's closed cycles, oldest first, as the views across cycles need them (the
    trend, each member's progress, what helped most)."""
    refs = await contributions.of_closed_cycles(tx, group_id)
    return tuple(past_cycle(c, refs.get(c.id, ())) for c in await of_group(tx, group_id)
                 if c.phase is Phase.CLOSED)
