"""Webhook mode: the bot registers its webhook with the secret token, handles updates posted
with that secret, and refuses updates without it."""
from __future__ import annotations

import asyncio
import json
import socket
import sys
from pathlib import Path
from typing import Any

import httpx

from fake_telegram.botprocess import REPO_ROOT, bot_env
from tests.e2e.harness import E2E_TOKEN, FakeTelegram
from tests.waiting import eventually

SECRET = "e2e-webhook-secret_1"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _update(update_id: int, text: str) -> dict:
    return {"update_id": update_id, "message": {
        "message_id": 10, "date": 1767000000, "text": text,
        "chat": {"id": 3001, "type": "private", "first_name": "Eva"},
        "from": {"id": 3001, "is_bot": False, "first_name": "Eva", "language_code": "en"},
        "entities": [{"type": "bot_command", "offset": 0, "length": len(text)}]}}


async def test_webhook_mode_checks_the_secret_token(fake_telegram: FakeTelegram,
                                                   tmp_path: Path) -> None:
    tg = fake_telegram.control
    await tg.add_user(3001, "Eva", language_code="en")
    await tg.start_private_chat(3001)  # so the bot may answer in this chat
    port = _free_port()
    env = bot_env(fake_telegram.url, E2E_TOKEN, db_path=tmp_path / "db.sqlite",
                  data_dir=tmp_path / "data")
    env.update({"INTERVISION_WEBHOOK_URL": "https://bot.example.org/intervision",
                "INTERVISION_WEBHOOK_SECRET": SECRET, "INTERVISION_WEBHOOK_LISTEN": "127.0.0.1",
                "INTERVISION_WEBHOOK_PORT": str(port)})
    log = (tmp_path / "bot.log").open("wb")
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "run", cwd=REPO_ROOT, env=env,
        stdin=asyncio.subprocess.DEVNULL, stdout=log, stderr=asyncio.subprocess.STDOUT)
    try:
        async def webhook_set() -> list[dict[str, Any]]:
            calls = await tg.calls("setWebhook")
            assert calls, (tmp_path / "bot.log").read_text()
            return calls

        calls = await eventually(webhook_set)
        params = calls[-1]["params"]
        assert params["url"] == "https://bot.example.org/intervision/telegram"
        assert params["secret_token"] == SECRET
        url = f"http://127.0.0.1:{port}/telegram"
        async with httpx.AsyncClient() as client:

            async def without_secret() -> httpx.Response | None:
                try:
                    return await client.post(url, content=json.dumps(_update(1, "/help")),
                                             headers={"Content-Type": "application/json"})
                except httpx.ConnectError:
                    return None  # the listener may start a moment after setWebhook

            refused = await eventually(without_secret, what="the webhook listener answering")
            assert refused.status_code == 403
            accepted = await client.post(
                url, content=json.dumps(_update(2, "/help")),
                headers={"Content-Type": "application/json",
                         "X-Telegram-Bot-Api-Secret-Token": SECRET})
            assert accepted.status_code == 200
        answer = await tg.wait_for_text(3001, "reminders")
        assert answer and len(await tg.bot_messages(3001)) == 1  # only the accepted update
    finally:
        process.send_signal(2)
        assert await asyncio.wait_for(process.wait(), 20) == 0
        log.close()
