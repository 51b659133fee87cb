"""A member's own data: everything kept about them (for /export) and erasing it (/forget).

Erasing keeps the shape of every group's history: contributions stay as rows (with their phase
and label, so the balance of a cycle still adds up) but lose their words; cycles stay but lose
the inbrenger's learning question, commitment and clip reference. Nothing of other members
changes.
"""
from __future__ import annotations

from typing import Any

from flows.cycle.model import Cycle
from flows.model import FORGOTTEN_NAME
from storage import cycles
from storage.contributions import WORDS_IN_CYCLE_DATA, emptied
from storage.db import Row, Tx

__all__ = ["FORGOTTEN_NAME"]  # what stays in `members.name` after /forget (flows.model)

_OPEN = "phase NOT IN ('closed', 'cancelled')"
_FINISHED = "phase IN ('closed', 'cancelled')"
_IN_GROUP = " AND group_id = ?"
# Set on each finished cycle whose inbrenger erased their words: the summaries can then tell
# "erased" from "none confirmed", and never name them again (flows.cycle.model.Cycle).
ERASED_MARK = "erased_by_inbrenger"


async def last_closed_cycle(tx: Tx, group_id: int) -> Cycle | None:
    """The group's most recently closed cycle (a cancelled one has no summary)."""
    row = await tx.one("SELECT id FROM cycles WHERE group_id = ? AND phase = 'closed' "
                       "ORDER BY closed_at DESC, id DESC LIMIT 1", (group_id,))
    return await cycles.get(tx, row["id"]) if row else None


async def open_cycle_as_inbrenger(tx: Tx, user_id: int, group_id: int | None = None
                                  ) -> list[int]:
    """The groups (of `group_id` alone, where given) in which the member brings in a cycle
    that still runs: its words are still needed there. Empty: nothing stands in the way."""
    rows = await tx.all(f"SELECT DISTINCT group_id FROM cycles WHERE inbrenger_id = ? AND {_OPEN}"
                        f"{_IN_GROUP if group_id is not None else ''} ORDER BY group_id",
                        (user_id,) if group_id is None else (user_id, group_id))
    return [r["group_id"] for r in rows]


async def member_data(tx: Tx, user_id: int) -> dict[str, Any]:
    """Everything kept about one member, as JSON-ready data: their profile (private chat) and,
    per group, their membership, the cycles they brought in and their own contributions; for
    a coach also the groups they coach."""
    profile = await tx.one("SELECT name, language, started_private, updated_at FROM users "
                           "WHERE user_id = ?", (user_id,))
    group_ids = [r["group_id"] for r in await tx.all(
        """
        SELECT group_id FROM members WHERE user_id = :user
        UNION SELECT group_id FROM cycles WHERE inbrenger_id = :user
        UNION SELECT c.group_id FROM contributions k JOIN cycles c ON c.id = k.cycle_id
               WHERE k.user_id = :user
        ORDER BY group_id
        """, {"user": user_id})]
    return {
        "user_id": user_id,
        "profile": None if profile is None else {
            "name": profile["name"], "language": profile["language"],
            "started_private": bool(profile["started_private"]),
            "updated_at": profile["updated_at"]},
        "groups": [await _group_data(tx, group_id, user_id) for group_id in group_ids],
        # Whose admins hear privately when the bot is removed (storage.groups.note_admins).
        "admin_of_groups": [r["group_id"] for r in await tx.all(
            "SELECT group_id FROM group_admins WHERE user_id = ? ORDER BY group_id",
            (user_id,))],
        # A coach's links: which groups send them summaries, since when, under which name.
        "coach_of": [
            {"group": {"id": r["group_id"], "title": r["title"] or ""}, "name": r["name"],
             "linked_at": r["linked_at"]}
            for r in await tx.all(
                "SELECT c.group_id, g.title, c.name, c.linked_at FROM coaches c "
                "LEFT JOIN groups g ON g.id = c.group_id WHERE c.user_id = ? "
                "ORDER BY c.linked_at, c.group_id", (user_id,))],
    }


async def _group_data(tx: Tx, group_id: int, user_id: int) -> dict[str, Any]:
    group = await tx.one("SELECT id, title FROM groups WHERE id = ?", (group_id,))
    member = await tx.one("SELECT * FROM members WHERE group_id = ? AND user_id = ?",
                          (group_id, user_id))
    brought_in = await tx.all(
        "SELECT id, number, phase, learning_question, commitment, created_at, closed_at "
        "FROM cycles WHERE group_id = ? AND inbrenger_id = ? ORDER BY id", (group_id, user_id))
    contributed = await tx.all(
        "SELECT k.cycle_id, k.created_at, k.phase, k.text, k.label, k.kind, k.duration, "
        "k.file_id IS NOT NULL AS voice_kept, c.inbrenger_id = k.user_id AS own_cycle "
        "FROM contributions k "
        "JOIN cycles c ON c.id = k.cycle_id WHERE c.group_id = ? AND k.user_id = ? "
        "ORDER BY k.id", (group_id, user_id))
    return {
        "group": {"id": group_id, "title": group["title"] if group else ""},
        "membership": _membership(member),
        "cycles_as_inbrenger": [
            {"cycle_id": r["id"], "number": r["number"], "phase": r["phase"],
             "learning_question": r["learning_question"], "commitment": r["commitment"],
             "started_at": r["created_at"], "closed_at": r["closed_at"]} for r in brought_in],
        # Their words in their own cycles carry no label: the classifier's labels (a tip, an
        # observation) judge a peer's contribution, not the inbrenger's answers and plans.
        "contributions": [
            {"cycle_id": r["cycle_id"], "time": r["created_at"], "phase": r["phase"],
             "text": r["text"], "role": "inbrenger" if r["own_cycle"] else "peer",
             "label": None if r["own_cycle"] else r["label"],
             **({"kind": r["kind"], "seconds": r["duration"],
                 "recording_kept": bool(r["voice_kept"])} if r["kind"] == "voice" else {})}
            for r in contributed],
    }


def _membership(row: Row | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {"name": row["name"], "active": bool(row["active"]), "joined_at": row["joined_at"],
            "left_at": row["left_at"], "agreed_at": row["agreed_at"], "turns": row["turns"],
            "last_turn_at": row["last_turn_at"], "skip_next": bool(row["skip_next"])}


async def forget_member(tx: Tx, user_id: int, group_id: int | None = None) -> dict[str, int]:
    """Erases one member's own words and name and takes them out of every group, or only out
    of `group_id`; returns how many of each were erased. Their profile (the private chat) and
    their admin rows go only when everything is erased: in another group they still take part
    and the bot still writes to them privately. Cycles that still run are left alone: the
    caller refuses first (see `open_cycle_as_inbrenger`), and this never touches them."""
    only, args = ("", (user_id,)) if group_id is None else (_IN_GROUP, (user_id, group_id))
    in_cycles = "" if group_id is None else " AND cycle_id IN (SELECT id FROM cycles " \
        "WHERE group_id = ?)"
    # A voice note's file_id is their voice: it goes with their words (its length stays).
    contributions = await tx.execute(
        "UPDATE contributions SET text = NULL, file_id = NULL WHERE user_id = ? "
        f"AND (text IS NOT NULL OR file_id IS NOT NULL){in_cycles}", args)
    questions = await tx.execute(
        f"UPDATE cycles SET learning_question = NULL WHERE inbrenger_id = ? AND {_FINISHED} "
        f"AND learning_question IS NOT NULL{only}", args)
    commitments = await tx.execute(
        f"UPDATE cycles SET commitment = NULL WHERE inbrenger_id = ? AND {_FINISHED} "
        f"AND commitment IS NOT NULL{only}", args)
    # The next cycle keeps a copy of the previous commitment, and the clip reference points at
    # a recording of their classroom: both are theirs, as are the words a cycle kept in its
    # data while it ran (storage.contributions.WORDS_IN_CYCLE_DATA).
    await tx.execute(
        "UPDATE cycles SET data = json_set(data, "
        f"{emptied(('previous_commitment', 'clip') + WORDS_IN_CYCLE_DATA)}, "
        f"'$.{ERASED_MARK}', json('true')) WHERE inbrenger_id = ? AND {_FINISHED}{only}", args)
    # A summary of their cycle ended with their next turn, by name ("Sanne, je volgende beurt
    # ..."): a turn they no longer have in that group, and their name (bot.engine.summaries).
    await tx.execute(
        "UPDATE summary_messages SET tail = '' WHERE tail != '' AND cycle_id IN "
        f"(SELECT id FROM cycles WHERE inbrenger_id = ? AND {_FINISHED}{only})", args)
    groups = await tx.execute(
        "UPDATE members SET name = ?, active = 0, agreed_at = NULL, skip_next = 0, "
        f"left_chat = 0 WHERE user_id = ? AND (name != ? OR active = 1){only}",
        (FORGOTTEN_NAME, user_id, FORGOTTEN_NAME, *args[1:]))
    profile = 0
    if group_id is None:
        profile = await tx.execute("DELETE FROM users WHERE user_id = ?", (user_id,))
        await tx.execute("DELETE FROM group_admins WHERE user_id = ?", (user_id,))
    return {"contributions": contributions, "learning_questions": questions,
            "commitments": commitments, "groups": groups, "profile": profile}


def has_anything(data: dict[str, Any]) -> bool:
    """Whether `member_data` found anything still to show or erase (after /forget only the
    shape is left: rows without words or name)."""
    if data["profile"] is not None or data.get("admin_of_groups") or data.get("coach_of"):
        return True
    return any(kept_in(group) for group in data["groups"])


def kept_in(group: dict[str, Any]) -> bool:
    """Whether one group of `member_data` still holds their name or words."""
    membership = group["membership"]
    if membership and (membership["active"] or membership["name"] != FORGOTTEN_NAME):
        return True
    if any(c["learning_question"] or c["commitment"] for c in group["cycles_as_inbrenger"]):
        return True
    return any(c["text"] or c.get("recording_kept") for c in group["contributions"])
