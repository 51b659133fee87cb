"""Each update has its effects at most once, even when Telegram delivers it again after a
crash: handled update ids are recorded (storage/updates)."""
from __future__ import annotations

from telegram import Update
from telegram.ext import Application, ApplicationHandlerStop, ContextTypes, TypeHandler

from bot.engine.services import services
from storage import updates

FIRST_GROUP = -100
LAST_GROUP = 100


async def _skip_seen(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    async with services(context).db.reading() as tx:
        if await updates.seen(tx, update.update_id):
            raise ApplicationHandlerStop


async def _mark(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    async with svc.db.transaction() as tx:
        await updates.mark(tx, update.update_id, svc.now())


def install(app: Application) -> None:
    app.add_handler(TypeHandler(Update, _skip_seen), group=FIRST_GROUP)
    app.add_handler(TypeHandler(Update, _mark), group=LAST_GROUP)
