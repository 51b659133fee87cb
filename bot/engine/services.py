"""What every handler and job needs, in one typed place on the Application."""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from telegram.ext import CallbackContext, ContextTypes

from bot.engine.flood import MediaAllowance, Throttle
from bot.startup.config import Config
from storage.db import Database

SERVICES_KEY = "intervision.services"

log = logging.getLogger(__name__)


def utc_now() -> datetime:
    return datetime.now(UTC)


class Wakeable(Protocol):
    """Something that works through a lane per chat when told there is work for it."""

    def wake(self, lanes: Iterable[int]) -> None: ...


class _Asleep:
    """Until the sender runs (tests that call handlers directly), waking does nothing; what
    was stored is delivered when the sender starts."""

    def wake(self, lanes: Iterable[int]) -> None:
        return None


@dataclass
class Services:
    """The configuration, the database (opened when the Application starts), the clock, the
    sender of the outbox, and where fired timers go (handed in at start: bot/startup)."""

    config: Config
    clock: Callable[[], datetime] = utc_now
    started_at: datetime | None = None  # when this process started (post_init), by `clock`
    # The groups told, since this process started, that the bot was down (one note an outage).
    told_late: set[int] = field(default_factory=set)
    bot_username: str = ""
    sender: Wakeable = field(default_factory=_Asleep)
    on_timer: Callable[..., Awaitable[None]] | None = None
    on_voice_note: Callable[..., Coroutine[Any, Any, None]] | None = None
    throttle: Throttle = field(default_factory=Throttle)
    media_allowance: MediaAllowance = field(default_factory=MediaAllowance)
    # ffmpeg work (checking a clip, stills, storyboards, charts): a few at a time, so that
    # clips of several groups never starve the event loop on a small machine.
    media_slots: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(2))
    _db: Database | None = None
    _tasks: set[asyncio.Task[None]] = field(default_factory=set)

    @property
    def db(self) -> Database:
        assert self._db is not None, "the database is opened in the Application's post_init"
        return self._db

    @db.setter
    def db(self, database: Database) -> None:
        self._db = database

    @property
    def has_db(self) -> bool:
        return self._db is not None

    def now(self) -> datetime:
        return self.clock()

    def background(self, work: Coroutine[Any, Any, None], what: str) -> None:
        """Runs `work` on its own, kept until it ends (and ended when the bot stops); `what`
        it was is logged if it breaks (nobody awaits it to hear of it otherwise)."""
        task = asyncio.create_task(work, name=what)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        task.add_done_callback(_log_failure)

    async def stop_background(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)


def services_of(app: Any) -> Services:
    """The services of an Application (for jobs and code that has no context)."""
    found = app.bot_data[SERVICES_KEY]
    assert isinstance(found, Services)
    return found


def services(context: CallbackContext[Any, Any, Any, Any] | ContextTypes.DEFAULT_TYPE) -> Services:
    return services_of(context.application)


def _log_failure(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and (error := task.exception()) is not None:
        log.error("%s failed", task.get_name(), exc_info=error)
