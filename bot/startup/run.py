"""Running the bot: migrate the database, build the Application, take updates by long polling
or webhook into the inbox, handle them lane by lane, and stop cleanly on Ctrl-C / SIGTERM.

Start-up survives Telegram: asking who the bot is is retried until it works; the command
menus and the webhook are set in the background, with retries, while the bot already serves.
Stopping takes seconds whatever the backlog: what is not handled or sent yet stays in the
inbox and outbox for the next start.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Callable

from aiohttp import web
from telegram import Update
from telegram.error import InvalidToken, TelegramError
from telegram.ext import Application

from bot.engine import arrivals
from bot.engine.handling import handler_of
from bot.engine.sender import Sender
from bot.engine.services import services_of
from bot.engine.update_lanes import UpdateLanes
from bot.startup.application import build_application
from bot.startup.config import Config
from bot.startup.telegram_calls import keep_trying, set_command_menus
from storage.db import Database, InUse, Upgrade, hold_for_this_process, unusable

log = logging.getLogger(__name__)
WEBHOOK_PATH = "/telegram"
# How long a stop waits for the answers to calls already sent (well inside the 30 s Docker
# gives before it kills: docker/compose.yaml).
SEND_GRACE = 10.0


async def _migrate(config: Config) -> Upgrade | None:
    db = await Database.open(config.db_path)
    await db.close()
    return db.upgrade


def run_bot(config: Config, adapt: Callable[[Application], None] | None = None  # type: ignore[type-arg]
            ) -> int:
    """`intervision run`; `adapt` changes the built Application before it serves (the
    sandbox's movable clock, bot/cli/sandbox_bot.py), after the same checks at start."""
    try:
        hold_for_this_process(config.db_path)
    except InUse:
        log.error("another intervision run already uses the database %s (a second start by "
                  "mistake?); this one stops. Stop the other first.", config.db_path.resolve())
        return 2
    # A mistyped INTERVISION_DB makes a new, empty database: the log says which one is used.
    new = not config.db_path.exists()
    # Migrate first, so a database problem stops the start with a clear message.
    try:
        upgrade = asyncio.run(_migrate(config))
    except Exception as error:
        if (why := unusable(error)) is None:
            raise
        log.error("the database %s cannot be used: %s", config.db_path.resolve(), why)
        return 2
    # After an update the operator reads here whether the data was upgraded, and from which
    # version: what a rollback of the program needs (review ux22).
    log.info("database %s (%s)", config.db_path.resolve(),
             "new: no database was there, so an empty one was made" if new
             else upgrade.described() if upgrade else "opened")
    try:
        app = build_application(config)
        if adapt is not None:
            adapt(app)
        asyncio.run(serve(app))
    except InvalidToken:
        log.error("Telegram does not know this token: check TELEGRAM_BOT_TOKEN")
        return 2
    log.info("bot stopped")
    return 0


async def _initialize(app: Application, stop: asyncio.Event) -> bool:  # type: ignore[type-arg]
    """app.initialize() asks Telegram who the bot is; it is retried until Telegram answers."""
    wait = 1.0
    while not stop.is_set():
        try:
            await app.initialize()
            return True
        except InvalidToken:
            raise
        except TelegramError as error:
            log.warning("Telegram did not answer at start (%s, at %s); again in %.0f s",
                        error.message, services_of(app).config.api_base_url, wait)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), wait)
        wait = min(wait * 2, 30.0)
    return False


async def serve(app: Application) -> None:  # type: ignore[type-arg]
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    if not await _initialize(app, stop):
        return
    await app.post_init(app)  # type: ignore[misc]
    await app.start()
    svc = services_of(app)
    config = svc.config
    lanes = UpdateLanes(svc.db, handler_of(app))
    await lanes.wake_waiting()
    background = [asyncio.create_task(keep_trying("setting the command menus",
                                                  lambda: set_command_menus(app.bot)))]
    site_runner: web.AppRunner | None = None
    if config.webhook_url:
        site_runner = web.AppRunner(arrivals.webhook_app(svc.db, lanes, svc.now,
                                                         config.webhook_secret, WEBHOOK_PATH))
        await site_runner.setup()
        await web.TCPSite(site_runner, config.webhook_listen, config.webhook_port).start()
        url = config.webhook_url.rstrip("/") + WEBHOOK_PATH
        background.append(asyncio.create_task(keep_trying("setting the webhook", lambda: (
            app.bot.set_webhook(url, secret_token=config.webhook_secret,
                                allowed_updates=Update.ALL_TYPES)))))
    else:
        background.append(asyncio.create_task(keep_trying(
            "removing a webhook", lambda: app.bot.delete_webhook())))
        background.append(asyncio.create_task(arrivals.poll(app.bot, svc.db, lanes, svc.now)))
    log.info("serving (%s)", "webhook" if config.webhook_url else "long polling")
    await stop.wait()
    log.info("stopping")
    for task in background:
        task.cancel()
    await asyncio.gather(*background, return_exceptions=True)
    if site_runner is not None:
        await site_runner.cleanup()
    await lanes.stop()
    # The calls already on their way to Telegram get its answer before its connection closes:
    # one cut off unanswered stays unmarked, and goes out a second time after the start
    # (review ux9: a summary twice after a plain stop). No new call begins meanwhile.
    if isinstance(svc.sender, Sender):
        await svc.sender.stop(grace=SEND_GRACE)
    await app.stop()
    await app.shutdown()
    await app.post_shutdown(app)  # type: ignore[misc]
