"""The baseline for the measurements: a bare python-telegram-bot 22 bot that answers every
text message with the same text. Configured like the real bot, from the environment:
TELEGRAM_BOT_TOKEN, TELEGRAM_API_BASE_URL, TELEGRAM_FILE_BASE_URL.

Run: TELEGRAM_BOT_TOKEN=... TELEGRAM_API_BASE_URL=http://127.0.0.1:PORT/bot \\
     .venv/bin/python benchmarks/echo_bot.py
"""
from __future__ import annotations

import logging
import os

from telegram import Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_message is not None and update.effective_message.text:
        await update.effective_message.reply_text(update.effective_message.text)


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    base_url = os.environ.get("TELEGRAM_API_BASE_URL", "https://api.telegram.org/bot")
    file_url = os.environ.get("TELEGRAM_FILE_BASE_URL", "https://api.telegram.org/file/bot")
    app = (Application.builder().token(os.environ["TELEGRAM_BOT_TOKEN"]).base_url(base_url)
           .base_file_url(file_url).concurrent_updates(True).build())
    app.add_handler(MessageHandler(filters.TEXT, echo))
    app.run_polling(allowed_updates=Update.ALL_TYPES)


if __name__ == "__main__":
    main()
