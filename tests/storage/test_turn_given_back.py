"""A turn given back (members.return_turn): the cycle that stopped because its inbrenger left
before the commitment no longer counts, and the last turn is again that of the cycle before."""
from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from flows.cycle.model import Cycle
from flows.model import Phase, Settings
from storage import cycles, groups, members
from storage.db import Database, Tx

NOW = datetime(2026, 12, 2, 14, 0, tzinfo=UTC)
ANNA = 1


async def _turn(tx: Tx, group_id: int, at: datetime, end: Phase, event: str,
                by: int | None = ANNA) -> Cycle:
    """One of Anna's cycles, its clip shown at `at` (the turn counted), then ended (`by` None:
    the bot itself, as when it was removed from the chat)."""
    cycle = await cycles.create(tx, Cycle(0, group_id, ANNA, 1, Phase.AWAITING_CLIP, at),
                                actor_id=None, event="start", now=at)
    watching = replace(cycle, phase=Phase.WATCHING)
    await cycles.save(tx, cycle, watching, event="consent", actor_id=ANNA, now=at)
    await members.record_turn(tx, group_id, ANNA, at)
    await cycles.save(tx, watching, replace(watching, phase=end), event=event,
                      actor_id=by, now=at + timedelta(minutes=30))
    return watching


async def test_a_turn_given_back_restores_the_count_and_the_last_turn(db: Database) -> None:
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, -7, 0, "G", Settings(), NOW)
        await members.join(tx, group.id, ANNA, "Anna", NOW)
        await members.agree(tx, group.id, ANNA, NOW)
        first = NOW - timedelta(days=14)
        await _turn(tx, group.id, first, Phase.CLOSED, "next")
        left = await _turn(tx, group.id, NOW - timedelta(days=7), Phase.CANCELLED, "member_left")
        await members.return_turn(tx, group.id, ANNA, left.id)
        stopped = await _turn(tx, group.id, NOW, Phase.CANCELLED, "member_left")
        await members.return_turn(tx, group.id, ANNA, stopped.id)
        [anna] = await members.active(tx, group.id)
    assert anna.turns == 1  # the closed cycle only
    assert anna.last_turn_at == first  # not the turn of the earlier cycle she also left


async def test_a_first_turn_given_back_leaves_none(db: Database) -> None:
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, -7, 0, "G", Settings(), NOW)
        await members.join(tx, group.id, ANNA, "Anna", NOW)
        stopped = await _turn(tx, group.id, NOW, Phase.CANCELLED, "member_left")
        await members.return_turn(tx, group.id, ANNA, stopped.id)
        await members.return_turn(tx, group.id, ANNA, stopped.id)  # never below nothing
        [anna] = await members.active(tx, group.id)
    assert anna.turns == 0 and anna.last_turn_at is None


async def test_a_turn_the_bots_removal_stopped_is_no_last_turn_either(db: Database) -> None:
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, -7, 0, "G", Settings(), NOW)
        await members.join(tx, group.id, ANNA, "Anna", NOW)
        first = NOW - timedelta(days=14)
        await _turn(tx, group.id, first, Phase.CLOSED, "next")
        removed = await _turn(tx, group.id, NOW - timedelta(days=7), Phase.CANCELLED, "cancel",
                              by=None)
        await members.return_turn(tx, group.id, ANNA, removed.id)
        stopped = await _turn(tx, group.id, NOW, Phase.CANCELLED, "member_left")
        await members.return_turn(tx, group.id, ANNA, stopped.id)
        [anna] = await members.active(tx, group.id)
    assert anna.turns == 1 and anna.last_turn_at == first
