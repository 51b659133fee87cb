"""Running the bot: open the database (migrating it), build the Application, and poll or
serve the webhook until Ctrl-C / SIGTERM."""
from __future__ import annotations

import asyncio
import logging

from telegram import Update

from bot.startup.application import build_application
from bot.startup.config import Config
from storage.db import Database

log = logging.getLogger(__name__)


async def _migrate(config: Config) -> None:
    db = await Database.open(config.db_path)
    await db.close()



def run_bot(config: Config) -> int:
    # Migrate first, so a database problem stops the start with a clear message; the
    # Application then opens its own connection on its own event loop (post_init).
    asyncio.run(_migrate(config))
    app = build_application(config)
    if config.webhook_url:
        app.run_webhook(listen=config.webhook_listen, port=config.webhook_port,
                        url_path="telegram", webhook_url=config.webhook_url.rstrip("/")
                        + "/telegram", secret_token=config.webhook_secret,
                        allowed_updates=Update.ALL_TYPES)
    else:
        app.run_polling(allowed_updates=Update.ALL_TYPES)
    log.info("bot stopped")
    return 0
