"""Cycles: the persisted state machine, with a history row for every transition."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from typing import Any

from flows.cycle.model import Clip, Cycle
from flows.model import Phase
from flows.nudging.history import NudgeHistory
from storage.clock import from_db, to_db
from storage.db import Row, Tx

# Fields kept in the JSON column; the rest have columns of their own.
_COLUMNS = {"id", "group_id", "inbrenger_id", "number", "phase", "phase_started_at",
            "learning_question", "commitment"}


def _data(cycle: Cycle) -> dict[str, Any]:
    clip = cycle.clip
    return {
        "clip": None if clip is None else {
            "file_id": clip.file_id, "file_unique_id": clip.file_unique_id, "kind": clip.kind,
            "duration": clip.duration, "message_id": clip.message_id},
        "consent": cycle.consent,
        "watched_by": sorted(cycle.watched_by),
        "watched_before_talk": cycle.watched_before_talk,
        "tips_open": cycle.tips_open,
        "previous_commitment": cycle.previous_commitment,
        "meeting_at": to_db(cycle.meeting_at),
        "looking_back": cycle.looking_back,
        "lookback_options": list(cycle.lookback_options),
        "lookback_choice": cycle.lookback_choice,
        "skipped_by": sorted(cycle.skipped_by),
        "told_outsiders": sorted(cycle.told_outsiders),
        "nudge_history": cycle.nudge_history.to_dict(),
        "step": cycle.step,
        "proposed_commitment": cycle.proposed_commitment,
        "proposal_message_id": cycle.proposal_message_id,
        "reminded_to_agree": sorted(cycle.reminded_to_agree),
        "strong_moments": sorted(cycle.strong_moments),
        "welcome_tips": sorted(cycle.welcome_tips),
        "checkin_open": cycle.checkin_open,
        "tried": cycle.tried,
    }


def _cycle(row: Row) -> Cycle:
    data = json.loads(row["data"] or "{}")
    clip = data.get("clip")
    return Cycle(
        id=row["id"], group_id=row["group_id"], inbrenger_id=row["inbrenger_id"],
        number=row["number"], phase=Phase(row["phase"]),
        phase_started_at=from_db(row["phase_started_at"]),  # type: ignore[arg-type]
        learning_question=row["learning_question"], commitment=row["commitment"],
        clip=Clip(**clip) if clip else None,
        consent=bool(data.get("consent")),
        watched_by=frozenset(data.get("watched_by", ())),
        watched_before_talk=bool(data.get("watched_before_talk")),
        tips_open=bool(data.get("tips_open")),
        previous_commitment=data.get("previous_commitment"),
        meeting_at=from_db(data.get("meeting_at")),
        looking_back=bool(data.get("looking_back")),
        lookback_options=tuple(data.get("lookback_options", ())),
        lookback_choice=data.get("lookback_choice"),
        skipped_by=frozenset(data.get("skipped_by", ())),
        told_outsiders=frozenset(data.get("told_outsiders", ())),
        nudge_history=NudgeHistory.from_dict(data.get("nudge_history") or {}),
        step=data.get("step") or "",
        proposed_commitment=data.get("proposed_commitment"),
        proposal_message_id=data.get("proposal_message_id"),
        reminded_to_agree=frozenset(data.get("reminded_to_agree", ())),
        strong_moments=frozenset(data.get("strong_moments", ())),
        welcome_tips=frozenset(data.get("welcome_tips", ())),
        checkin_open=bool(data.get("checkin_open")),
        tried=data.get("tried"),
    )


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


async def open_cycle(tx: Tx, group_id: int) -> Cycle | None:
    row = await tx.one(
        "SELECT * FROM cycles WHERE group_id = ? AND phase NOT IN ('closed', 'cancelled')",
        (group_id,))
    return _cycle(row) if row else None


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
