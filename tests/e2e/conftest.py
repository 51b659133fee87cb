"""Fixtures for end-to-end tests; see harness.py for what each one gives (`server` and `tg`
come from tests/conftest.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Generator
from pathlib import Path

import pytest

from bot.cli.sandbox import SANDBOX_COMMAND
from bot.startup.sandbox_clock import CLOCK_FILE_VARIABLE
from fake_telegram import FakeTelegramControl, FakeTelegramServer
from fake_telegram.clock import SandboxClock
from tests.e2e.harness import (
    BOT_PROCESS_KEY,
    BotProcess,
    DemoGroup,
    FakeTelegram,
    create_demo_world,
    new_bot_process,
)

HERE = Path(__file__).parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Everything in tests/e2e is an e2e test, so `-m "not e2e"` skips the slow layer."""
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.e2e)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """A failing e2e test shows the bot's own output next to the assertion."""
    report = yield
    process = item.stash.get(BOT_PROCESS_KEY, None)
    if report.failed and process is not None:
        log = process.log_text() or "(the bot wrote nothing)"
        report.sections.append((f"bot process log ({process.log_path})", log))
    return report


@pytest.fixture
def fake_telegram(server: FakeTelegramServer, tg: FakeTelegramControl) -> FakeTelegram:
    """The shared `server` and `tg` (tests/conftest.py) as one value."""
    return FakeTelegram(server, tg)


@pytest.fixture
async def bot_process(
    fake_telegram: FakeTelegram, tmp_path: Path, request: pytest.FixtureRequest
) -> AsyncIterator[BotProcess]:
    process = new_bot_process(fake_telegram, tmp_path)
    request.node.stash[BOT_PROCESS_KEY] = process
    try:
        yield process
    finally:
        await process.shutdown()


@pytest.fixture
async def clocked_bot(
    fake_telegram: FakeTelegram, bot_process: BotProcess, tmp_path: Path
) -> AsyncIterator[tuple[BotProcess, SandboxClock]]:
    """The bot as the sandbox runs it (bot/cli/sandbox_bot.py), with a clock the test
    moves on: minutes of a meeting (silences, timeboxes) pass in a second, and every timer
    still fires in the real process, in order."""
    clock = SandboxClock(tmp_path / "clock", tmp_path / "intervision.db",
                         fake_telegram.server.world)
    bot_process.command = list(SANDBOX_COMMAND)
    bot_process.env[CLOCK_FILE_VARIABLE] = str(clock.path)
    await bot_process.start()
    yield bot_process, clock


@pytest.fixture
async def demo_group(tg: FakeTelegramControl) -> DemoGroup:
    return await create_demo_world(tg)


@pytest.fixture
async def running_bot(bot_process: BotProcess) -> BotProcess:
    await bot_process.start()
    return bot_process
