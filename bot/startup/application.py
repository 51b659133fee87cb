"""The python-telegram-bot Application: built from the configuration, with every feature's
handlers, command menus per scope and language, stored timers restored, and an error handler
that logs and keeps the bot alive."""
from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from telegram import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    Update,
)
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, ContextTypes

from bot.engine import meetings, updates_once
from bot.engine import timers as jobs
from bot.engine.services import SERVICES_KEY, Services, services_of
from bot.engine.update_order import PerChatUpdateProcessor
from bot.handlers import clips, coach, cycle, membership, privacy, settings
from bot.media import retention
from bot.startup.config import Config
from bot.texts.render import say
from flows.catalog import LANGUAGES
from storage import contributions, groups, updates
from storage.db import Database

log = logging.getLogger(__name__)

GROUP_COMMANDS = ("setup", "join", "leave", "roster", "skip", "cycle", "next", "status", "tips",
                  "pause", "replay", "schedule", "summary", "coach", "settings", "cancel",
                  "export", "forget", "help")
PRIVATE_COMMANDS = ("start", "help", "export", "forget")
CLEANUP_EVERY = timedelta(hours=1)
KEEP_DERIVATIVES = timedelta(days=1)


def build_application(config: Config) -> Application:
    app = (
        ApplicationBuilder()
        .token(config.token)
        .base_url(config.api_base_url)
        .base_file_url(config.file_base_url)
        .rate_limiter(AIORateLimiter(group_max_rate=config.group_messages_per_minute,
                                     group_time_period=60, max_retries=3))
        .concurrent_updates(PerChatUpdateProcessor())
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .build()
    )
    app.bot_data[SERVICES_KEY] = Services(config=config)
    updates_once.install(app)
    for feature in (membership, cycle, clips, settings, coach, meetings, privacy):
        app.add_handlers(feature.build_handlers())
    app.add_error_handler(_on_error)
    return app


async def _post_init(app: Application) -> None:
    services_of(app).db = await Database.open(services_of(app).config.db_path)
    me = await app.bot.get_me()
    services_of(app).bot_username = me.username or ""
    await _set_commands(app)
    restored = await jobs.restore(app)
    await meetings.restore(app)
    assert app.job_queue is not None
    app.job_queue.run_repeating(_delete_old_derivatives, interval=CLEANUP_EVERY, first=60,
                                name="cleanup:derivatives")
    log.info("bot @%s ready; %d stored timers scheduled", me.username, restored)


async def _delete_old_derivatives(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Retention (SPEC section 6): contribution texts older than the group's retention are
    erased; downloaded clips, stills and storyboards are deleted after a day (the clip itself
    stays on Telegram, reachable by its file_id)."""
    svc = services_of(context.application)
    data_dir = svc.config.data_dir
    async with svc.db.transaction() as tx:
        for group in await groups.all_groups(tx):
            cutoff = svc.now() - timedelta(days=group.settings.retention_days)
            await contributions.erase_texts_before(tx, group.id, cutoff)
        await updates.forget_old(tx, svc.now())
    for folder in ("clips", "tmp", "charts"):
        deleted = await asyncio.to_thread(retention.cleanup_older_than, data_dir / folder,
                                          KEEP_DERIVATIVES.total_seconds())
        if deleted:
            log.info("deleted %d old files from %s", deleted, folder)


async def _set_commands(app: Application) -> None:
    for scope, names in ((BotCommandScopeAllGroupChats(), GROUP_COMMANDS),
                         (BotCommandScopeAllPrivateChats(), PRIVATE_COMMANDS)):
        for language in LANGUAGES:
            commands = [BotCommand(name, say(language, f"commands.{name}")) for name in names]
            await app.bot.set_my_commands(commands, scope=scope, language_code=language)
        # Users whose Telegram language is neither get the Dutch menu, the default.
        await app.bot.set_my_commands(
            [BotCommand(name, say("nl", f"commands.{name}")) for name in names], scope=scope)


async def _post_shutdown(app: Application) -> None:
    if services_of(app).has_db:
        await services_of(app).db.close()


async def _on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    # Never the message text: it is someone's words (SPEC section 6).
    where = update.update_id if isinstance(update, Update) else "job"
    log.error("error while handling update %s", where, exc_info=context.error)
