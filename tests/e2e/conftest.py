"""Fixtures for end-to-end tests; see harness.py for what each one gives."""

from __future__ import annotations

from collections.abc import AsyncIterator, Generator
from pathlib import Path

import pytest
from harness import (
    BOT_PROCESS_KEY,
    E2E_TOKEN,
    BotProcess,
    DemoGroup,
    FakeTelegram,
    create_demo_world,
    new_bot_process,
)

from fake_telegram import FakeTelegramControl, FakeTelegramServer

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
async def fake_telegram() -> AsyncIterator[FakeTelegram]:
    server = FakeTelegramServer(E2E_TOKEN)
    await server.start()
    control = FakeTelegramControl(server.url)
    try:
        yield FakeTelegram(server, control)
    finally:
        await control.aclose()
        await server.stop()


@pytest.fixture
def tg(fake_telegram: FakeTelegram) -> FakeTelegramControl:
    return fake_telegram.control


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
async def demo_group(tg: FakeTelegramControl) -> DemoGroup:
    return await create_demo_world(tg)


@pytest.fixture
async def running_bot(bot_process: BotProcess) -> BotProcess:
    await bot_process.start()
    return bot_process
