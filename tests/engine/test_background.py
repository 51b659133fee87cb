"""Work the bot runs on its own (reading a voice note after its message was handled): nobody
awaits it, so when it breaks the log says what it was; before, only asyncio's "exception was
never retrieved" told of it, without a group or a message."""
from __future__ import annotations

import asyncio
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
