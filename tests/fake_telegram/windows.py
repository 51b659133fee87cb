"""Filling the fake's send limits (docs/fake-telegram.md), for tests of what comes next."""
from __future__ import annotations

import httpx


async def fill_private_window(api: httpx.AsyncClient, chat_id: int) -> None:
    """Ten messages to one private chat in the same instant, each taken: the next one within
    ten seconds is over Telegram's limit for that chat."""
    for i in range(10):
        assert (await api.post("sendMessage", json={"chat_id": chat_id, "text": f"{i}"})).is_success
