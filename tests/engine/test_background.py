"""Work the bot runs on its own (reading a voice note after its message was handled): nobody
awaits it, so when it breaks the log says what it was; before, only asyncio's "exception was
never retrieved" told of it, without a group or a message."""
from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest

from bot.engine.services import Services
from bot.startup.config import load

TOKEN = "123456789:" + "A" * 35


async def test_background_work_that_breaks_is_logged_with_what_it_was(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    svc = Services(config=load({"TELEGRAM_BOT_TOKEN": TOKEN, "INTERVISION_DATA_DIR": str(tmp_path)}))

    async def breaks() -> None:
        raise RuntimeError("the recogniser fell over")

    svc.background(breaks(), "reading voice note 7 of group 3")
    for _ in range(3):
        await asyncio.sleep(0)
    assert "reading voice note 7 of group 3 failed" in caplog.text
    assert "the recogniser fell over" in caplog.text
    await svc.stop_background()


async def test_a_stop_ends_background_work_still_running_without_an_error(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A voice note still being read when the bot stops: the stop does not wait for it (it
    may take minutes), and its ending is no failure in the log."""
    svc = Services(config=load({"TELEGRAM_BOT_TOKEN": TOKEN, "INTERVISION_DATA_DIR": str(tmp_path)}))
    ended = asyncio.Event()

    async def reads_long() -> None:
        try:
            await asyncio.sleep(3600)
        finally:
            ended.set()

    svc.background(reads_long(), "reading voice note 8 of group 3")
    await asyncio.sleep(0)
    await asyncio.wait_for(svc.stop_background(), timeout=5)
    for _ in range(3):
        await asyncio.sleep(0)
    assert ended.is_set()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text
