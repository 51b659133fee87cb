"""The python-telegram-bot Application: built from the configuration with every feature's
handlers, per-chat send limits, and no Updater of its own (updates arrive through the inbox:
bot/engine/arrivals.py); post_init opens the database, starts the sender and restores the
stored timers."""
from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import Application, ApplicationBuilder, ContextTypes

from bot.engine import dispatch, handling, housekeeping, jobs, meetings, voice_notes
from bot.engine.delivery import Delivery
from bot.engine.rate_limits import ChatLimits
from bot.engine.sender import Sender
from bot.engine.services import SERVICES_KEY, Services, services_of
from bot.handlers import (
    bot_status,
    choose,
    clips,
    coach,
    cycle,
    export,
    media_posted,
    membership,
    mistyped,
    privacy,
    private,
    schedule,
    settings,
    summary,
)
from bot.media.process import missing_tools
from bot.startup.config import Config
from storage.db import Database, unavailable

log = logging.getLogger(__name__)
# How long a Bot API call may wait for Telegram's answer. Telegram cannot be asked to send a
# message only once: a call given up on may have gone through, and its retry would put the
# message in the group twice. PTB's 5 s default gives up on a busy moment; this rarely does.
ANSWER_WAIT_SECONDS = 30.0
# Every handler is in python-telegram-bot's group 0, where only the first that matches an
# update runs, so the order counts: `private` answers anything else said in a private chat and
# stays last, or a feature after it would lose its private commands without an error.
FEATURES = (membership, bot_status, cycle, media_posted, clips, settings, schedule, summary, coach, choose,
            privacy, export, mistyped, private)


def build_application(config: Config) -> Application:  # type: ignore[type-arg]
    app = (
        ApplicationBuilder()
        .token(config.token)
        .base_url(config.api_base_url)
        .base_file_url(config.file_base_url)
        .local_mode(config.local_mode)  # files of a --local Bot API server are read from disk
        .rate_limiter(ChatLimits(config.group_messages_per_minute,
                                 config.chat_messages_per_second))
        .read_timeout(ANSWER_WAIT_SECONDS)
        .updater(None)
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .build()
    )
    app.bot_data[SERVICES_KEY] = Services(config=config)
    for feature in FEATURES:
        app.add_handlers(feature.build_handlers())
    app.add_error_handler(_on_error)
    return app


async def post_init(app: Application) -> None:  # type: ignore[type-arg]
    """After `app.initialize()` (which asked Telegram who the bot is)."""
    svc = services_of(app)
    svc.db = await Database.open(svc.config.db_path)
    svc.started_at = svc.now()
    svc.bot_username = app.bot.username or ""
    svc.on_timer = dispatch.timer_fired  # handed in here, so jobs imports nothing above
    svc.on_voice_note = voice_notes.transcribe_later  # likewise for work.py
    sender = Sender(svc.db, Delivery(app.bot, svc.config.data_dir, svc.media_slots), svc.now)
    svc.sender = sender
    restored = await jobs.restore(app)
    await meetings.restore(app)
    if app.job_queue is not None:
        app.job_queue.run_repeating(housekeeping.hourly, interval=housekeeping.EVERY, first=60,
                                    name="housekeeping")
    waiting = await sender.wake_waiting()
    reading = await voice_notes.resume(app)
    log.info("bot @%s ready; %d stored timers scheduled, mail waiting for %d chats, "
             "%d voice notes to read", svc.bot_username, restored, waiting, reading)
    if app.bot.can_read_all_group_messages is False:  # README, step 2 of the set-up
        log.warning("privacy mode is on for @%s: in a group where it is no admin it reads only "
                    "commands, so no clip and no talk, and no cycle starts there; disable it "
                    "with /setprivacy in @BotFather", svc.bot_username)
    missing = missing_tools()
    if missing:
        log.error("%s not found on PATH: clips cannot be checked and no storyboard, still, "
                  "replay or sound timeline can be made; install ffmpeg (README, 'For the "
                  "people who run it')", " and ".join(missing))


async def post_shutdown(app: Application) -> None:  # type: ignore[type-arg]
    svc = services_of(app)
    await svc.stop_background()
    if isinstance(svc.sender, Sender):
        await svc.sender.stop()
    if svc.has_db:
        await svc.db.close()


async def _on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    # Never the message text: it is someone's words (SPEC section 6).
    where = update.update_id if isinstance(update, Update) else "job"
    handling.noted(context.error)
    if context.error is not None and (why := unavailable(context.error)):
        log.error("update %s waits: %s", where, why)  # a passing condition: no traceback
        return
    log.error("error while handling update %s", where, exc_info=context.error)
