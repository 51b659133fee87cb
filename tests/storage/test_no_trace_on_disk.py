"""Words the bot erases are gone from the files on disk, not only from the rows: SQLite keeps
the old bytes of a changed row in the page's free space and in older frames of its write-ahead
log unless told otherwise. A member's /forget, the group's retention and the inbox (every
update's words, dropped once handled) must leave nothing a copy of the database file shows."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from flows.cycle.model import Cycle
from flows.model import Phase, Settings
from storage import contributions, cycles, groups, inbox, members
from storage.db import Database
from storage.privacy import forget_member

NOW = datetime(2026, 12, 2, 14, 0, tzinfo=UTC)
CATO, BRAM = 3, 2
SECRET = "Cato vraagt: wat merkte je bij jezelf toen de klas onrustig werd?"
PRIVATE = "Een bericht met mijn adres: Kerkstraat 12"


def _on_disk(path: Path, words: str) -> list[str]:
    needle = words.encode()
    return [f.name for f in path.parent.glob(path.name + "*") if needle in f.read_bytes()]


async def _a_cycle_with_words(db: Database, *, at: datetime = NOW) -> None:
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, -100, 0, "Groep A", Settings(), at)
        for user_id, name in ((BRAM, "Bram"), (CATO, "Cato")):
            await members.join(tx, group.id, user_id, name, at)
        cycle = await cycles.create(tx, Cycle(0, group.id, BRAM, 1, Phase.CLOSED, at),
                                    actor_id=BRAM, event="start", now=at)
        for n in range(30):  # enough to spread over pages, as a real talk does
            await contributions.add(tx, cycle.id, CATO, "reality", 100 + n, f"{SECRET} {n}",
                                    "open_question", at)
            await contributions.add(tx, cycle.id, BRAM, "reality", 200 + n, f"Bram {n}",
                                    "reflection", at)


async def test_a_forgotten_members_words_are_not_left_in_the_database_files(
        tmp_path: Path) -> None:
    path = tmp_path / "intervision.db"
    db = await Database.open(path)
    try:
        async with db.reading() as tx:  # set by the bot, whatever SQLite's build says
            assert tuple(await tx.one("PRAGMA secure_delete") or ()) == (1,)
        await _a_cycle_with_words(db)
        await db.checkpoint()  # an ordinary day: the words reached the database file itself
        assert _on_disk(path, SECRET)
        async with db.transaction() as tx:
            await forget_member(tx, CATO)
        await db.checkpoint()
        assert _on_disk(path, SECRET) == []
        assert _on_disk(path, "Bram 7")  # the others' words stay
    finally:
        await db.close()
    assert _on_disk(path, SECRET) == []


async def test_words_past_the_retention_and_handled_updates_leave_no_trace(
        tmp_path: Path) -> None:
    path = tmp_path / "intervision.db"
    db = await Database.open(path)
    try:
        await _a_cycle_with_words(db, at=NOW - timedelta(days=200))
        async with db.transaction() as tx:
            await inbox.store(tx, [inbox.Arrival(1, CATO, f'{{"text": "{PRIVATE}"}}')], NOW)
        await db.checkpoint()
        async with db.transaction() as tx:
            await contributions.erase_texts_before(tx, 1, NOW - timedelta(days=180))
            await inbox.mark(tx, 1, NOW)
        await db.checkpoint()
        assert _on_disk(path, SECRET) == [] and _on_disk(path, "Bram 7") == []
        assert _on_disk(path, PRIVATE) == []
    finally:
        await db.close()
