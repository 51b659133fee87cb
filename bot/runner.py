"""Running the bot: open the database (migrating it), build the Application, and poll or
serve the webhook until Ctrl-C / SIGTERM."""
from __future__ import annotations

import asyncio
import logging

from telegram import Update

from bot.app import build_application
from bot.config import Config
from storage.db import Database

log = logging.getLogger(__name__)


def run_bot(config: Config) -> int:
    db = asyncio.run(Database.open(config.db_path))
    # The connection's worker thread is not tied to a loop, so the Application's own loop
    # can use it; PTB's run_polling manages that loop and stops cleanly on SIGINT/SIGTERM.
    app = build_application(config, db)
    if config.webhook_url:
        app.run_webhook(listen=config.webhook_listen, port=config.webhook_port,
                        url_path="telegram", webhook_url=config.webhook_url.rstrip("/")
                        + "/telegram", secret_token=config.webhook_secret,
                        allowed_updates=Update.ALL_TYPES)
    else:
        app.run_polling(allowed_updates=Update.ALL_TYPES)
    log.info("bot stopped")
    return 0
