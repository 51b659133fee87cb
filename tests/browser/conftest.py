"""The sandbox in a real headless Chromium: the sandbox (fake Telegram, the real bot with the
movable clock, the demo endpoints) runs in the test's loop; Chromium is driven over CDP.

Skipped, with the reason, where no Chromium is installed (`apt-get install chromium`, or
`scripts/setup.sh test` as root). Screenshots go to tests/browser/artifacts/ (kept after the
run, also when a test fails); with GUIDE_SCREENSHOTS=1 the guide's pictures in docs/images/
are replaced by the new ones.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from chromium_cdp import Browser, find_chromium

from bot.cli.sandbox import run_sandbox
from fake_telegram import FakeTelegramControl


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives the sandbox page in headless Chromium")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
async def sandbox_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[str]:
    monkeypatch.setenv("INTERVISION_DATA_DIR", str(tmp_path))
    # The demo runs at 20x speed; the bot may then send faster than Telegram's 20 a minute.
    monkeypatch.setenv("INTERVISION_GROUP_MESSAGES_PER_MINUTE", "600")
    monkeypatch.setenv("INTERVISION_LOG_LEVEL", "WARNING")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    task = asyncio.create_task(run_sandbox("127.0.0.1", port))
    try:
        async with FakeTelegramControl(url) as tg:
            for _ in range(600):
                with contextlib.suppress(Exception):
                    if (await tg.update_stats())["polls"]:
                        break
                if task.done():
                    task.result()
                await asyncio.sleep(0.1)
        yield url
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    executable = find_chromium()
    if executable is None:
        pytest.skip("no Chromium found (apt-get install chromium, or set CHROMIUM=/path)")
    chromium = Browser(executable)
    await chromium.start()
    try:
        yield chromium
    finally:
        await chromium.close()
