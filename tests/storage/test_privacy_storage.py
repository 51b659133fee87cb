"""A member's own data on real SQLite files: what /export shows and what /forget erases,
and that nothing of other members changes."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import TypedDict

import pytest

from flows.cycle.model import Clip, Cycle
from flows.model import Group, Phase, Settings
from storage import contributions, cycles, groups, members, summary_messages
from storage.db import Database, Tx
from storage.privacy import (
    FORGOTTEN_NAME,
    forget_member,
    has_anything,
    last_closed_cycle,
    member_data,
    open_cycle_as_inbrenger,
)

NOW = datetime(2026, 12, 2, 14, 0, tzinfo=UTC)
ANNA, BRAM, CATO = 1, 2, 3
CLIP = Clip("file-1", "unique-1", "video", 30, 500)


async def _cycle(tx: Tx, group_id: int, inbrenger: int, number: int, *, close: bool,
                 at: datetime, previous: str | None = None) -> Cycle:
    started = Cycle(id=0, group_id=group_id, inbrenger_id=inbrenger, number=number,
                    phase=Phase.WILL, phase_started_at=at, learning_question=f"Vraag {number}?",
                    clip=CLIP, commitment=f"Voornemen {number}", previous_commitment=previous)
    cycle = await cycles.create(tx, started, actor_id=inbrenger, event="start", now=at)
    if close:
        closed = replace(cycle, phase=Phase.CLOSED)
        await cycles.save(tx, cycle, closed, event="next", actor_id=inbrenger, now=at)
        return closed
    return cycle


async def _words(tx: Tx, cycle_id: int, user_id: int, *texts: str) -> None:
    for text in texts:
        message_id = abs(hash((cycle_id, user_id, text))) % 10**9
        await contributions.add(tx, cycle_id, user_id, "reality", message_id, text,
                                "open_question", NOW)


class History(TypedDict):
    group: Group
    other: Group
    first: Cycle
    second: Cycle
    running: Cycle
    other_cycle: Cycle


@pytest.fixture
async def history(db: Database) -> History:
    """One group: Anna brought in twice (both closed), Bram brings in now (open); everyone
    spoke. A second group where only Cato and Bram are members."""
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, -100, 0, "Groep A", Settings(), NOW)
        other, _ = await groups.register(tx, -200, 0, "Groep B", Settings(), NOW)
        for user_id, name in ((ANNA, "Anna"), (BRAM, "Bram"), (CATO, "Cato")):
            await members.join(tx, group.id, user_id, name, NOW)
            await members.agree(tx, group.id, user_id, NOW)
            await members.started_private(tx, user_id, name, "nl", NOW)
        await members.join(tx, other.id, CATO, "Cato", NOW)
        await members.join(tx, other.id, BRAM, "Bram", NOW)
        first = await _cycle(tx, group.id, ANNA, 1, close=True, at=NOW)
        second = await _cycle(tx, group.id, ANNA, 2, close=True, at=NOW + timedelta(days=7),
                              previous="Voornemen 1")
        running = await _cycle(tx, group.id, BRAM, 1, close=False, at=NOW + timedelta(days=14))
        await _words(tx, first.id, BRAM, "Wat zag je bij de deur?", "Wat wil je bereiken?")
        await _words(tx, first.id, CATO, "Cato zegt: wat merkte je bij jezelf?")
        await _words(tx, second.id, CATO, "Cato vraagt: wanneer ben je tevreden?")
        await _words(tx, second.id, ANNA, "Goede vraag.")
        await _words(tx, running.id, CATO, "Cato vraagt Bram: wat zie je op 0:02?")
        other_cycle = await _cycle(tx, other.id, CATO, 1, close=True, at=NOW)
        await _words(tx, other_cycle.id, BRAM, "Bram in groep B")
    return History(group=group, other=other, first=first, second=second, running=running,
                   other_cycle=other_cycle)


async def _texts(db: Database) -> dict[int, list[str | None]]:
    async with db.reading() as tx:
        rows = await tx.all("SELECT user_id, text FROM contributions ORDER BY id")
    found: dict[int, list[str | None]] = {}
    for row in rows:
        found.setdefault(row["user_id"], []).append(row["text"])
    return found


async def test_forget_erases_exactly_that_members_texts_and_keeps_the_counts(db: Database, history: History) -> None:
    before = await _texts(db)
    async with db.reading() as tx:
        counted = [await contributions.count(tx, c.id) for c in history.values()
                   if isinstance(c, Cycle)]
    async with db.transaction() as tx:
        erased = await forget_member(tx, CATO)
    after = await _texts(db)
    assert erased["contributions"] == 3
    assert after[CATO] == [None, None, None]  # the rows stay: counts keep their shape
    assert after[BRAM] == before[BRAM] and after[ANNA] == before[ANNA]
    async with db.reading() as tx:
        assert counted == [await contributions.count(tx, c.id) for c in history.values()
                           if isinstance(c, Cycle)]
        labels = await tx.all("SELECT label FROM contributions WHERE user_id = ?", (CATO,))
    assert {r["label"] for r in labels} == {"open_question"}  # the balance still adds up


async def test_forget_erases_the_inbrengers_questions_commitments_and_clip_not_others(db: Database, history: History) -> None:
    async with db.transaction() as tx:
        erased = await forget_member(tx, CATO)
    assert erased["learning_questions"] == 1 and erased["commitments"] == 1
    async with db.reading() as tx:
        mine = await cycles.get(tx, history["other_cycle"].id)
        annas = await cycles.get(tx, history["second"].id)
        raw = await tx.one("SELECT data FROM cycles WHERE id = ?", (history["other_cycle"].id,))
    assert mine is not None and mine.learning_question is None and mine.commitment is None
    assert raw is not None
    assert mine.clip is None and json.loads(raw["data"])["clip"] is None
    assert annas is not None and annas.learning_question == "Vraag 2?"
    assert annas.commitment == "Voornemen 2" and annas.previous_commitment == "Voornemen 1"
    assert annas.clip == CLIP


async def test_forget_erases_the_copy_of_a_commitment_in_the_next_cycle(db: Database, history: History) -> None:
    async with db.transaction() as tx:
        erased = await forget_member(tx, ANNA)
        second = await cycles.get(tx, history["second"].id)
        chain = [c.commitment for c in await cycles.of_group(tx, history["group"].id)]
    assert erased["learning_questions"] == 2 and erased["commitments"] == 2
    assert second is not None and second.previous_commitment is None
    assert chain == [None, None, "Voornemen 1"]  # Bram's running cycle keeps his own words


async def test_forget_takes_the_member_out_of_every_group_and_drops_their_profile(db: Database, history: History) -> None:
    async with db.transaction() as tx:
        erased = await forget_member(tx, CATO)
        left_a = await members.active(tx, history["group"].id)
        left_b = await members.active(tx, history["other"].id)
        rows = await tx.all("SELECT name, active, agreed_at FROM members WHERE user_id = ?",
                            (CATO,))
        profile = await tx.one("SELECT * FROM users WHERE user_id = ?", (CATO,))
        others = await tx.all("SELECT name FROM users ORDER BY user_id")
    assert erased["groups"] == 2 and erased["profile"] == 1
    assert [m.name for m in left_a] == ["Anna", "Bram"] and [m.name for m in left_b] == ["Bram"]
    assert [tuple(r) for r in rows] == [(FORGOTTEN_NAME, 0, None)] * 2
    assert profile is None and [r["name"] for r in others] == ["Anna", "Bram"]


async def test_forgetting_twice_finds_nothing_left(db: Database, history: History) -> None:
    async with db.transaction() as tx:
        await forget_member(tx, CATO)
        again = await forget_member(tx, CATO)
        data = await member_data(tx, CATO)
    assert again == {"contributions": 0, "learning_questions": 0, "commitments": 0,
                     "groups": 0, "profile": 0}
    assert not has_anything(data)


async def test_an_open_cycle_as_inbrenger_is_refused_and_never_touched(db: Database, history: History) -> None:
    async with db.transaction() as tx:
        assert await open_cycle_as_inbrenger(tx, BRAM)
        assert not await open_cycle_as_inbrenger(tx, ANNA)
        assert not await open_cycle_as_inbrenger(tx, CATO)
        await forget_member(tx, BRAM)  # even when a caller forgets to ask first
        running = await cycles.get(tx, history["running"].id)
    assert running is not None and running.learning_question == "Vraag 1?"
    assert running.commitment == "Voornemen 1" and running.clip == CLIP


async def test_export_data_has_memberships_own_cycles_and_only_own_contributions(db: Database, history: History) -> None:
    async with db.reading() as tx:
        data = await member_data(tx, CATO)
    assert data["user_id"] == CATO and data["profile"]["name"] == "Cato"
    assert [g["group"]["title"] for g in data["groups"]] == ["Groep A", "Groep B"]
    group_a, group_b = data["groups"]
    assert group_a["membership"]["name"] == "Cato" and group_a["membership"]["active"]
    assert group_a["membership"]["agreed_at"] is not None
    assert group_a["cycles_as_inbrenger"] == []
    assert [c["text"] for c in group_a["contributions"]] == [
        "Cato zegt: wat merkte je bij jezelf?", "Cato vraagt: wanneer ben je tevreden?",
        "Cato vraagt Bram: wat zie je op 0:02?"]
    assert set(group_a["contributions"][0]) == {"cycle_id", "time", "phase", "text", "role",
                                                "label"}
    assert group_b["contributions"] == []
    [own] = group_b["cycles_as_inbrenger"]
    assert own["learning_question"] == "Vraag 1?" and own["commitment"] == "Voornemen 1"
    assert own["phase"] == "closed" and own["closed_at"] is not None
    dumped = json.dumps(data)
    assert "Wat zag je bij de deur?" not in dumped and "Bram in groep B" not in dumped
    assert has_anything(data)


async def test_own_words_in_own_cycles_carry_no_peer_label(db: Database, history: History) -> None:
    """UX review 7: Bram's JSON, which he may show a teacher educator, called his own
    commitment an "observation" and his own options a "tip": labels the classifier gives a
    peer's words. In her own cycle Anna answers as the inbrenger, without a label; in
    another's cycle a member's words keep theirs."""
    async with db.transaction() as tx:
        await _words(tx, history["running"].id, ANNA, "Wat zie je zelf op 0:02?")
    async with db.reading() as tx:
        data = await member_data(tx, ANNA)
    said = {c["text"]: (c["role"], c["label"]) for c in data["groups"][0]["contributions"]}
    assert said == {"Goede vraag.": ("inbrenger", None),
                    "Wat zie je zelf op 0:02?": ("peer", "open_question")}


async def test_someone_unknown_has_no_data(db: Database, history: History) -> None:
    async with db.reading() as tx:
        data = await member_data(tx, 999)
    assert data == {"user_id": 999, "profile": None, "groups": [], "admin_of_groups": [],
                    "coach_of": []}
    assert not has_anything(data)


async def test_the_last_closed_cycle_skips_open_and_cancelled_ones(db: Database, history: History) -> None:
    async with db.transaction() as tx:
        last = await last_closed_cycle(tx, history["group"].id)
        assert last is not None and last.id == history["second"].id
        running = history["running"]
        await cycles.save(tx, running, replace(running, phase=Phase.CANCELLED), event="cancel",
                          actor_id=ANNA, now=NOW + timedelta(days=20))
        last = await last_closed_cycle(tx, history["group"].id)
        assert last is not None and last.id == history["second"].id
        empty, _ = await groups.register(tx, -300, 0, "Leeg", Settings(), NOW)
        assert await last_closed_cycle(tx, empty.id) is None


async def test_forget_and_the_retention_erase_a_proposal_and_a_corrected_question_too(
        db: Database, history: History) -> None:
    """A commitment proposed but never confirmed, and a learning question the bot corrected
    (kept while it waits for the question sent again), are the inbrenger's words as well:
    a cycle cancelled then kept them in its data after /forget and after the retention."""
    async with db.transaction() as tx:
        for key, cycle in (("other_cycle", history["other_cycle"]), ("first", history["first"])):
            waiting = replace(cycle, proposed_commitment=f"Ik ga wachten ({key})",
                              corrected_question=f"Waarom is Tim zo druk? ({key})",
                              offered_question=f"Hoe wacht ik langer? ({key})")
            await cycles.save(tx, cycle, waiting, event="test", actor_id=None, now=NOW)
        await forget_member(tx, CATO)  # brought other_cycle in
        await contributions.erase_texts_before(tx, history["group"].id,
                                               NOW + timedelta(days=400))
    async with db.reading() as tx:
        rows = await tx.all("SELECT data FROM cycles WHERE id IN (?, ?)",
                            (history["other_cycle"].id, history["first"].id))
    for row in rows:
        data = json.loads(row["data"])
        assert data["proposed_commitment"] is None and data["corrected_question"] is None
        assert data["offered_question"] is None


# /forget of one group's words (review ux20: Sanne, in two groups, lost her other group's
# portfolio and membership with one button): only that group's rows change.

async def test_one_groups_erase_leaves_the_other_group_and_the_profile(
        db: Database, history: History) -> None:
    group, other = history["group"].id, history["other"].id
    async with db.transaction() as tx:
        await tx.execute("INSERT INTO group_admins (group_id, user_id, seen_at) "
                         "VALUES (?, ?, '2026-12-02')", (other, CATO))
        erased = await forget_member(tx, CATO, other)
        in_a = await tx.all("SELECT name, active FROM members WHERE user_id = ? "
                            "AND group_id = ?", (CATO, group))
        in_b = await tx.all("SELECT name, active FROM members WHERE user_id = ? "
                            "AND group_id = ?", (CATO, other))
        profile = await tx.one("SELECT name FROM users WHERE user_id = ?", (CATO,))
        admin = await tx.one("SELECT 1 FROM group_admins WHERE user_id = ?", (CATO,))
        hers = await cycles.get(tx, history["other_cycle"].id)
    assert erased == {"contributions": 0, "learning_questions": 1, "commitments": 1,
                      "groups": 1, "profile": 0}
    assert [tuple(r) for r in in_a] == [("Cato", 1)]
    assert [tuple(r) for r in in_b] == [(FORGOTTEN_NAME, 0)]
    assert profile is not None and admin is not None
    assert hers is not None and hers.learning_question is None and hers.erased_by_inbrenger
    texts = await _texts(db)
    assert None not in texts[CATO]  # her words in group A are all still there


async def test_one_groups_erase_takes_only_that_groups_words(
        db: Database, history: History) -> None:
    async with db.transaction() as tx:
        erased = await forget_member(tx, BRAM, history["other"].id)
        in_a = await members.active(tx, history["group"].id)
    texts = await _texts(db)
    assert erased["contributions"] == 1 and erased["groups"] == 1
    assert texts[BRAM] == ["Wat zag je bij de deur?", "Wat wil je bereiken?", None]
    assert "Bram" in [m.name for m in in_a]


async def test_only_an_open_cycle_in_the_chosen_group_stands_in_the_way(
        db: Database, history: History) -> None:
    async with db.reading() as tx:
        assert await open_cycle_as_inbrenger(tx, BRAM) == [history["group"].id]
        assert await open_cycle_as_inbrenger(tx, BRAM, history["group"].id)
        assert await open_cycle_as_inbrenger(tx, BRAM, history["other"].id) == []


async def test_the_erased_inbrengers_cycles_are_marked_and_lose_their_next_turn_line(
        db: Database, history: History) -> None:
    """The mark tells the summaries "erased" from "none confirmed"; the stored next-turn line
    named her ("Anna, je volgende beurt ...")."""
    first = history["first"].id
    async with db.transaction() as tx:
        await summary_messages.record(tx, -100, 71, first, NOW, tail="Anna, je volgende beurt")
        await summary_messages.record(tx, -100, 72, history["other_cycle"].id, NOW,
                                      tail="Cato, je volgende beurt")
        await forget_member(tx, ANNA, history["group"].id)
        tails = await tx.all("SELECT message_id, tail FROM summary_messages ORDER BY message_id")
        marks = await tx.all("SELECT id, json_extract(data, '$.erased_by_inbrenger') AS mark "
                             "FROM cycles ORDER BY id")
        quoting = await summary_messages.quoting(tx, CATO, history["group"].id)
    assert [tuple(r) for r in tails] == [(71, ""), (72, "Cato, je volgende beurt")]
    assert {r["id"]: r["mark"] for r in marks} == {
        first: 1, history["second"].id: 1, history["running"].id: 0,
        history["other_cycle"].id: 0}
    assert [s.cycle_id for s in quoting] == [first]  # Cato's cycle in the other group is not
    raw = await db_data(db, history["second"].id)
    assert raw["previous_commitment"] is None


async def db_data(db: Database, cycle_id: int) -> dict[str, object]:
    async with db.reading() as tx:
        row = await tx.one("SELECT data FROM cycles WHERE id = ?", (cycle_id,))
    assert row is not None
    return dict(json.loads(row["data"]))
