"""Contributions (members' messages during a cycle) and the nudges given."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flows.cycle.model import TEXT, VOICE, ContributionRef
from storage.clock import to_db
from storage.db import Row, Tx

_REF = ("c.id, c.user_id, c.phase, COALESCE(c.text, '') AS text, COALESCE(c.label, '') AS "
        "label, c.message_id, c.kind, COALESCE(c.duration, 0) AS duration, "
        "c.text IS NULL AND c.file_id IS NULL AS erased, c.step")


def _ref(r: Row) -> ContributionRef:
    return ContributionRef(r["id"], r["user_id"], r["phase"], r["text"], r["label"],
                           r["message_id"], r["kind"], r["duration"], bool(r["erased"]),
                           r["step"])


async def add(tx: Tx, cycle_id: int, user_id: int, phase: str, message_id: int, text: str,
              label: str, now: datetime, *, kind: str = TEXT, file_id: str | None = None,
              duration: int | None = None, step: str = "") -> bool:
    """Stores a contribution once: a redelivered message changes nothing. True when new.
    A voice note (`kind` VOICE) keeps its Telegram `file_id` and `duration`; its words, if
    any, come later with `set_transcript`."""
    changed = await tx.execute(
        "INSERT INTO contributions (cycle_id, user_id, phase, message_id, text, label, "
        "created_at, kind, file_id, duration, step) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (cycle_id, message_id) DO NOTHING",
        (cycle_id, user_id, phase, message_id, None if kind == VOICE and not text else text,
         label, to_db(now), kind, file_id or None, duration, step))
    return changed > 0


async def set_transcript(tx: Tx, cycle_id: int, message_id: int, text: str,
                         label: str) -> bool:
    """A voice note's transcript becomes its words and its label, once: a note that already
    has words or a label (a transcript delivered twice; words that may not be quoted are
    stored as "" with their label) is left as it is, and so is a note erased while it was
    read (/forget, the retention: its file_id is gone). True when changed."""
    return await tx.execute(
        "UPDATE contributions SET text = ?, label = ? WHERE cycle_id = ? AND message_id = ? "
        "AND kind = ? AND COALESCE(text, '') = '' AND label = ? AND file_id IS NOT NULL",
        (text, label, cycle_id, message_id, VOICE, VOICE)) > 0


async def of_cycle(tx: Tx, cycle_id: int) -> tuple[ContributionRef, ...]:
    rows = await tx.all(f"SELECT {_REF} FROM contributions c WHERE c.cycle_id = ? "
                        "ORDER BY c.id", (cycle_id,))
    return tuple(_ref(r) for r in rows)


async def one(tx: Tx, cycle_id: int, message_id: int) -> ContributionRef | None:
    """The contribution that is this message, if stored (an edit looks up just its own)."""
    row = await tx.one(f"SELECT {_REF} FROM contributions c WHERE c.cycle_id = ? "
                       "AND c.message_id = ?", (cycle_id, message_id))
    return _ref(row) if row else None


async def speakers(tx: Tx, cycle_id: int, phase: str | None = None) -> set[int]:
    """Who has said anything in the cycle so far (in `phase`, if given)."""
    rows = await tx.all("SELECT DISTINCT user_id FROM contributions WHERE cycle_id = ? "
                        "AND (? IS NULL OR phase = ?)", (cycle_id, phase, phase))
    return {r["user_id"] for r in rows}


@dataclass(frozen=True)
class UnreadNote:
    """A stored voice note without words yet, with what is needed to read it."""

    group_id: int
    cycle_id: int
    user_id: int
    message_id: int
    file_id: str


async def unread_voice_notes(tx: Tx, since: datetime) -> list[UnreadNote]:
    """Voice notes stored since `since`, of cycles not called off, that have not been read
    yet (no words, and still the label "voice") and still have their file (retention and
    /forget erase it), oldest first."""
    rows = await tx.all(
        "SELECT y.group_id, c.cycle_id, c.user_id, c.message_id, c.file_id FROM contributions c "
        "JOIN cycles y ON y.id = c.cycle_id WHERE c.kind = ? AND COALESCE(c.text, '') = '' "
        "AND c.label = ? AND c.file_id IS NOT NULL AND c.created_at >= ? "
        "AND y.phase != 'cancelled' ORDER BY c.id", (VOICE, VOICE, to_db(since)))
    return [UnreadNote(r["group_id"], r["cycle_id"], r["user_id"], r["message_id"],
                       r["file_id"]) for r in rows]


async def of_closed_cycles(tx: Tx, group_id: int) -> dict[int, tuple[ContributionRef, ...]]:
    """The contributions of each closed cycle of the group, by cycle id (for the views across
    cycles: the trend, what helped most, each member's progress)."""
    rows = await tx.all(
        f"SELECT {_REF}, c.cycle_id FROM contributions c "
        "JOIN cycles y ON y.id = c.cycle_id WHERE y.group_id = ? AND y.phase = 'closed' "
        "ORDER BY c.id", (group_id,))
    found: dict[int, list[ContributionRef]] = {}
    for r in rows:
        found.setdefault(r["cycle_id"], []).append(_ref(r))
    return {cycle_id: tuple(refs) for cycle_id, refs in found.items()}


async def count(tx: Tx, cycle_id: int) -> int:
    row = await tx.one("SELECT COUNT(*) AS n FROM contributions WHERE cycle_id = ?",
                       (cycle_id,))
    return int(row["n"]) if row else 0


async def mark_nudged(tx: Tx, cycle_id: int, message_id: int) -> None:
    await tx.execute("UPDATE contributions SET nudged = 1 WHERE cycle_id = ? AND message_id = ?",
                     (cycle_id, message_id))


async def was_nudged(tx: Tx, cycle_id: int, message_id: int) -> bool:
    row = await tx.one("SELECT nudged FROM contributions WHERE cycle_id = ? AND message_id = ?",
                       (cycle_id, message_id))
    return bool(row and row["nudged"])


async def log_nudge(tx: Tx, cycle_id: int, user_id: int | None, kind: str,
                    message_id: int | None, now: datetime) -> None:
    await tx.execute("INSERT INTO nudges (cycle_id, user_id, kind, message_id, at) "
                     "VALUES (?, ?, ?, ?, ?)", (cycle_id, user_id, kind, message_id, to_db(now)))
    if message_id is not None:
        await mark_nudged(tx, cycle_id, message_id)


async def nudges_of(tx: Tx, cycle_id: int) -> list[tuple[int | None, str]]:
    rows = await tx.all("SELECT user_id, kind FROM nudges WHERE cycle_id = ? ORDER BY id",
                        (cycle_id,))
    return [(r["user_id"], r["kind"]) for r in rows]


async def edit_text(tx: Tx, cycle_id: int, message_id: int, text: str, label: str) -> bool:
    """A member corrected their message: the stored contribution follows the correction, read
    again (`label`). Words erased (/forget, the retention) stay erased: an edit of an old
    message must not bring them back."""
    return await tx.execute("UPDATE contributions SET text = ?, label = ? WHERE cycle_id = ? "
                            "AND message_id = ? AND text IS NOT NULL",
                            (text, label, cycle_id, message_id)) > 0


# The inbrenger's words a cycle keeps in its data while it runs (a proposal never confirmed, a
# learning question the bot corrected, or one it offered): words of the talk too, erased with
# them by the retention and by /forget.
WORDS_IN_CYCLE_DATA = ("proposed_commitment", "corrected_question", "offered_question")


def emptied(names: tuple[str, ...]) -> str:
    """json_set's arguments that empty these keys of a cycle's data."""
    return ", ".join(f"'$.{name}', NULL" for name in names)


async def erase_texts_before(tx: Tx, group_id: int, cutoff: datetime) -> int:
    """The group's retention: words of contributions older than `cutoff` in cycles that are
    over (closed, cancelled, or left open and untouched for longer than the retention: an
    abandoned cycle) are erased, and so is a voice note's file_id (labels, counts and lengths stay for the
    summaries and trends)."""
    kept = " OR ".join(f"json_extract(data, '$.{name}') IS NOT NULL"
                       for name in WORDS_IN_CYCLE_DATA)
    await tx.execute(
        f"UPDATE cycles SET data = json_set(data, {emptied(WORDS_IN_CYCLE_DATA)}) "
        f"WHERE group_id = ? AND phase_started_at < ? AND ({kept})",
        (group_id, to_db(cutoff)))
    return await tx.execute(
        "UPDATE contributions SET text = NULL, file_id = NULL "
        "WHERE (text IS NOT NULL OR file_id IS NOT NULL) AND created_at < ? "
        "AND cycle_id IN (SELECT id FROM cycles WHERE group_id = ? "
        "AND (phase IN ('closed', 'cancelled') OR phase_started_at < ?))",
        (to_db(cutoff), group_id, to_db(cutoff)))
