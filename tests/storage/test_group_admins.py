"""The chat's admins as seen at /setup: the last list replaces the one before, they show in a
person's export, /forget removes them, and a group removed takes its list with it."""
from __future__ import annotations

from datetime import UTC, datetime

from flows.model import Settings
from storage import groups, privacy
from storage.db import Database

NOW = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)


async def test_the_last_list_replaces_the_one_before(db: Database) -> None:
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, -41, 0, "G", Settings(), NOW)
        await groups.note_admins(tx, group.id, [7, 3, 7], NOW)
        assert await groups.admins_of(tx, group.id) == [3, 7]
        await groups.note_admins(tx, group.id, [9], NOW)
        assert await groups.admins_of(tx, group.id) == [9]


async def test_an_admin_is_in_their_export_and_forgotten_on_request(db: Database) -> None:
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, -42, 0, "G", Settings(), NOW)
        await groups.note_admins(tx, group.id, [5, 6], NOW)
        data = await privacy.member_data(tx, 5)
        assert data["admin_of_groups"] == [group.id]
        assert privacy.has_anything(data)
        await privacy.forget_member(tx, 5)
        assert await groups.admins_of(tx, group.id) == [6]
        assert not privacy.has_anything(await privacy.member_data(tx, 5))
