"""Fixtures for testing the fake Bot API with PTB's real `telegram.Bot`; `server`, `tg` and
`clip` come from tests/conftest.py. `api` makes raw Bot API calls (status codes and bodies as
Telegram sends them); `clock` steps the flood limits' windows without waiting."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from telegram import Bot

from fake_telegram import FakeTelegramControl, FakeTelegramServer
from tests.clips import ffmpeg


@dataclass(frozen=True)
class Cast:
    """Who is in the world the `cast` fixture builds."""

    tg: FakeTelegramControl
    anna: int = 101  # group creator (admin), started the bot
    bram: int = 102  # member, started the bot, English
    cato: int = 103  # member, never started the bot
    group: int = -1001234567890


@pytest.fixture
async def bot(server: FakeTelegramServer) -> AsyncIterator[Bot]:
    """PTB's own Bot, configured exactly like the real bot process configures it."""
    async with Bot(
        server.token, base_url=server.api_base_url, base_file_url=server.file_base_url
    ) as ptb_bot:
        yield ptb_bot


@pytest.fixture
async def cast(tg: FakeTelegramControl) -> Cast:
    """Anna (admin), Bram and Cato in a supergroup; Anna and Bram started the bot."""
    c = Cast(tg)
    await tg.add_user(c.anna, "Anna", "anna_t")
    await tg.add_user(c.bram, "Bram", language_code="en")
    await tg.add_user(c.cato, "Cato")
    await tg.add_group(
        c.group, "Intervisie", supergroup=True, admins=[c.anna], members=[c.bram, c.cato]
    )
    await tg.start_private_chat(c.anna)
    await tg.start_private_chat(c.bram)
    return c


@pytest.fixture(scope="session")
def still(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("media") / "still.png"
    ffmpeg("-f", "lavfi", "-i", "testsrc=size=64x48", "-frames:v", "1", str(path))
    return path


class Clock:
    """A stand-in for time.monotonic that moves only when a test moves it."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(server: FakeTelegramServer) -> Clock:
    fake = Clock()
    server.world.limits.clock = fake
    return fake


@pytest.fixture
async def api(server: FakeTelegramServer) -> AsyncIterator[httpx.AsyncClient]:
    """Raw Bot API calls, to see status codes and bodies exactly as Telegram would send them."""
    async with httpx.AsyncClient(
        base_url=f"{server.api_base_url}{server.token}/", timeout=5.0
    ) as client:
        yield client
