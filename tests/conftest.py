"""Fixtures every layer may use (docs/testing.md has the guide):

- `no_real_network` (autouse): a connection or name lookup outside this machine fails the
  test (tests/network_guard.py).
- `db`: a real SQLite `Database` in the test's temporary folder, migrated to the latest
  version, closed afterwards.
- `server` and `tg`: the fake Bot API (`FakeTelegramServer`, token `tests.bot_api.TOKEN`) on a
  free port, and the control client through which tests act as the people in the chats.
- `clip`: a 2 s, 160x120 silent H.264 clip made once per session with ffmpeg
  (tests/clips.py makes others).

Helpers are plain modules: `tests.waiting.eventually` (the one way to wait),
`tests.clips` (ffmpeg), `tests.bot_api` (token, configuration for the fake).
"""
from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from fake_telegram import FakeTelegramControl, FakeTelegramServer
from storage.db import Database
from tests import network_guard
from tests.bot_api import TOKEN
from tests.clips import make_clip


@pytest.fixture(autouse=True)
def no_real_network(monkeypatch: pytest.MonkeyPatch) -> None:
    network_guard.guard(monkeypatch)


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await Database.open(tmp_path / "test.db")
    try:
        yield database
    finally:
        await database.close()


@pytest.fixture
async def server() -> AsyncIterator[FakeTelegramServer]:
    async with FakeTelegramServer(TOKEN) as running:
        yield running


@pytest.fixture
async def tg(server: FakeTelegramServer) -> AsyncIterator[FakeTelegramControl]:
    async with FakeTelegramControl(server.url) as control:
        yield control


@pytest.fixture(scope="session")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 2 s, 160x120, 10 fps clip without sound."""
    return make_clip(tmp_path_factory.mktemp("media") / "clip.mp4")
