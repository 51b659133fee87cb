"""The sandbox machinery, with a tiny PTB echo bot standing in for the real one."""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import sys
import textwrap
from pathlib import Path

import httpx
import pytest

from bot.cli.sandbox import run_sandbox
from fake_telegram import FakeTelegramControl
from fake_telegram.demo import DemoGroup
from tests.waiting import eventually

ECHO_BOT = textwrap.dedent(
    """
    import os
    from pathlib import Path
    from telegram.ext import ApplicationBuilder, MessageHandler, filters

    async def echo(update, context):
        await update.effective_message.reply_text("echo: " + update.effective_message.text)

    Path(os.environ["INTERVISION_DATA_DIR"], "bot.pid").write_text(str(os.getpid()))
    Path(os.environ["INTERVISION_DATA_DIR"], "bot.rate").write_text(
        os.environ.get("INTERVISION_GROUP_MESSAGES_PER_MINUTE", "-"))
    app = (
        ApplicationBuilder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(os.environ["TELEGRAM_API_BASE_URL"])
        .base_file_url(os.environ["TELEGRAM_FILE_BASE_URL"])
        .build()
    )
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    app.run_polling()
    """
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


async def test_sandbox_serves_the_page_runs_the_bot_and_stops_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INTERVISION_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("INTERVISION_GROUP_MESSAGES_PER_MINUTE", "60")  # passed on to the bot
    # An earlier sandbox's database points at ids the new fake Telegram never handed out.
    earlier = [tmp_path / f"sandbox.db{suffix}" for suffix in ("", "-wal", "-shm")]
    for path in earlier:
        path.write_bytes(b"an earlier sandbox run")
    script = tmp_path / "echo_bot.py"
    script.write_text(ECHO_BOT)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    sandbox = asyncio.create_task(
        run_sandbox("127.0.0.1", port, bot_command=[sys.executable, str(script)])
    )
    try:
        async with FakeTelegramControl(url) as tg, httpx.AsyncClient(base_url=url) as http:
            async def bot_polls() -> bool:  # the bot is up once it polls
                try:
                    return bool((await tg.update_stats())["polls"])
                except httpx.ConnectError:
                    return False

            await eventually(bot_polls, timeout=30, interval=0.1)
            assert not [p.name for p in earlier
                        if p.exists() and b"an earlier sandbox run" in p.read_bytes()]
            assert (tmp_path / "bot.rate").read_text() == "60"
            page = await http.get("/")
            assert page.status_code == 200 and "Intervision sandbox" in page.text
            assert (await http.get("/static/app.js")).status_code == 200
            group = DemoGroup()
            state = await tg.state()
            assert state["users"] == []
            # The page opens: the free-play group and the private chats are made in its
            # language (made at start, an English visitor first read the bot's Dutch hello).
            await http.post("/_demo/prepare", json={"language": "en"})
            await http.post("/_demo/prepare", json={"language": "nl"})  # a reload: once only
            state = await tg.state()
            users = {u["first_name"]: u for u in state["users"]}
            assert set(users) == {"Anna", "Bram", "Cato", "Daan", "Eva"}
            assert [n for n, u in users.items() if not u["started"]] == ["Eva"]  # the coach
            assert {u["language_code"] for n, u in users.items() if n != "Eva"} == {"en"}
            demo = (await http.get("/_demo/status")).json()
            assert {c["first_name"]: c["role"] for c in demo["cast"]}["Eva"] == "coach"
            assert demo["demo"] is None and demo["clock"]["offset"] == 0
            await tg.send_text(group.members[0].user_id, group.chat_id, "hallo <groep>")
            await tg.wait_for_text(group.chat_id, "echo: hallo <groep>", timeout=20)
            # An English demo: its cast speak English to the bot from then on (before, the
            # bot greeted the new demo group and answered private /help in Dutch).
            await http.post("/_demo/start", json={"role": "peer", "language": "en"})
            state = await tg.state()
            assert {u["language_code"] for u in state["users"]} == {"en"}
    finally:
        sandbox.cancel()  # what Ctrl-C amounts to
        with contextlib.suppress(asyncio.CancelledError):
            await sandbox
    assert not process_exists(int((tmp_path / "bot.pid").read_text()))
