"""Coaches managed (issue 18) on a real SQLite file: names listed, one unlinked, open invites
revoked at once, a coach's /forget unlinking them everywhere, an invite refused after its 7 days."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from flows.model import Settings
from storage import coaches, groups
from storage.db import Database

NOW = datetime(2026, 12, 2, 14, 0, tzinfo=UTC)
CARLA, DIRK = 2001, 2002


@pytest.fixture
async def db(tmp_path):  # type: ignore[no-untyped-def]
    database = await Database.open(tmp_path / "x.db")
    yield database
    await database.close()


async def test_coaches_are_listed_unlinked_and_forgotten(db: Database) -> None:
    async with db.transaction() as tx:
        one, _ = await groups.register(tx, -1, 0, "Pabo 1", Settings(), NOW)
        two, _ = await groups.register(tx, -2, 0, "Pabo 2", Settings(), NOW)
        for group, coach, name in ((one, CARLA, "Carla"), (one, DIRK, "Dirk"), (two, CARLA, "Carla")):
            token = await coaches.create_invite(tx, group.id, 1, NOW)
            assert await coaches.redeem(tx, token, coach, name, NOW) == group.id
        assert await coaches.named(tx, one.id) == [(CARLA, "Carla"), (DIRK, "Dirk")]
        assert await coaches.unlink(tx, one.id, DIRK) and not await coaches.unlink(tx, one.id, DIRK)
        assert await coaches.of_group(tx, one.id) == [CARLA]
        assert await coaches.groups_of(tx, CARLA) == [one.id, two.id]
        assert await coaches.forget_coach(tx, CARLA) == {"groups": 2, "invites": 2}
        assert await coaches.groups_of(tx, CARLA) == []
        assert not await coaches.is_coach_of(tx, two.id, CARLA)
        rows = await tx.all("SELECT name FROM coaches UNION ALL SELECT used_by FROM coach_invites "
                            "WHERE used_by = ?", (CARLA,))
        assert rows == []


async def test_revoked_invites_no_longer_link_anyone(db: Database) -> None:
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, -1, 0, "Pabo 1", Settings(), NOW)
        first = await coaches.create_invite(tx, group.id, 1, NOW)
        second = await coaches.create_invite(tx, group.id, 1, NOW)
        used = await coaches.create_invite(tx, group.id, 1, NOW)
        await coaches.redeem(tx, used, CARLA, "Carla", NOW)
        later = NOW + timedelta(minutes=5)
        assert await coaches.revoke_invites(tx, group.id, later) == 2
        assert await coaches.revoke_invites(tx, group.id, later) == 0
        assert await coaches.redeem(tx, first, DIRK, "Dirk", later) is None
        assert await coaches.redeem(tx, second, DIRK, "Dirk", later + timedelta(days=1)) is None
        assert await coaches.of_group(tx, group.id) == [CARLA]  # the linked coach stays


async def test_an_invite_works_until_its_seven_days_are_over_and_not_after(db: Database) -> None:
    assert coaches.INVITE_VALID == timedelta(days=7)  # what /coach promises (docs, catalogs)
    amsterdam = ZoneInfo("Europe/Amsterdam")  # a local clock: compared as the same moment
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, -1, 0, "Pabo 1", Settings(), NOW)
        late = await coaches.create_invite(tx, group.id, 1, NOW)
        on_time = await coaches.create_invite(tx, group.id, 1, NOW)
        at_the_end = await coaches.create_invite(tx, group.id, 1, NOW)
        over = NOW + coaches.INVITE_VALID
        assert await coaches.redeem(tx, late, CARLA, "Carla", over + timedelta(minutes=1)) is None
        assert await coaches.redeem(tx, at_the_end, CARLA, "Carla", over) is None
        assert await coaches.of_group(tx, group.id) == []
        just_before = (over - timedelta(seconds=1)).astimezone(amsterdam)
        assert await coaches.redeem(tx, on_time, DIRK, "Dirk", just_before) == group.id
        assert await coaches.of_group(tx, group.id) == [DIRK]


async def test_an_invite_links_one_coach_only(db: Database) -> None:
    """SPEC 6: single use. Forwarded on, the link that linked Carla links nobody else, and
    the second person reads it as used, not as open."""
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, -1, 0, "Pabo 1", Settings(), NOW)
        token = await coaches.create_invite(tx, group.id, 1, NOW)
        invite = await coaches.invite_of(tx, token, NOW)
        assert invite is not None and invite.still_open
        assert await coaches.redeem(tx, token, CARLA, "Carla", NOW) == group.id
        later = NOW + timedelta(minutes=5)
        assert await coaches.redeem(tx, token, DIRK, "Dirk", later) is None
        assert await coaches.of_group(tx, group.id) == [CARLA]
        used = await coaches.invite_of(tx, token, later)
        assert used is not None and not used.still_open and used.used_by == CARLA
