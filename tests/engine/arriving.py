"""Helpers for tests of updates arriving: the lanes they wake, and what the inbox holds."""
from __future__ import annotations

from typing import Any

from storage import inbox
from storage.db import Database


class Awake:
    """Stands in for the update lanes: records the chats an arrival woke."""

    def __init__(self) -> None:
        self.woken: set[int] = set()

    def wake(self, chats: Any) -> None:
        self.woken |= set(chats)


async def stored(db: Database, chat_id: int) -> list[int]:
    """The update ids waiting in the inbox for one chat, oldest first."""
    async with db.reading() as tx:
        return [update_id for update_id, _ in await inbox.waiting(tx, chat_id, 100)]
