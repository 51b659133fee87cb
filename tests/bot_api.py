"""The fake Bot API as the layers share it: the token the bot is configured with, and the
configuration that points the real Application at an in-process `FakeTelegramServer`."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from telegram.ext import Application

from bot.startup.config import Config, load
from fake_telegram import FakeTelegramServer

# The Application as bot/startup/application.py builds it (its type parameters are PTB's
# defaults: this bot keeps nothing in user_data or chat_data).
App = Application[Any, Any, Any, Any, Any, Any]

# Looks like a real token (id:secret) so that the bot's own validation accepts it.
TOKEN = "123456789:AAE2eFakeTokenForIntervisionBotTests0"


def config_for(server: FakeTelegramServer, workdir: Path, **env: str) -> Config:
    """The configuration `intervision run` would load, aimed at `server`, with the database
    and data directory in `workdir`; `env` adds or overrides variables. The fake does not
    throttle, so the bot's "about one a second" pace in a chat is left out: a played cycle
    would otherwise wait a second a message (Telegram's own limits: tests/engine, and the
    delivery tests that switch the fake's limits on)."""
    return load({"TELEGRAM_BOT_TOKEN": server.token,
                 "INTERVISION_CHAT_MESSAGES_PER_SECOND": "1000",
                 "TELEGRAM_API_BASE_URL": f"{server.url}/bot",
                 "TELEGRAM_FILE_BASE_URL": f"{server.url}/file/bot",
                 "INTERVISION_DATA_DIR": str(workdir / "data"),
                 "INTERVISION_DB": str(workdir / "intervision.db"), **env})


async def start(app: App) -> App:
    """What `intervision run` does at start, minus polling: ask Telegram who the bot is, open
    the database, restore the timers and the mail."""
    await app.initialize()
    assert app.post_init is not None
    await app.post_init(app)
    return app


async def stop(app: App) -> None:
    await app.shutdown()
    assert app.post_shutdown is not None
    await app.post_shutdown(app)
