"""What every handler and job needs, in one typed place on the Application."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from telegram.ext import CallbackContext, ContextTypes

from bot.startup.config import Config
from storage.db import Database

SERVICES_KEY = "intervision.services"


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Services:
    """The configuration, the database (opened when the Application starts) and the clock."""

    config: Config
    clock: Callable[[], datetime] = utc_now
    bot_username: str = ""
    _db: Database | None = None

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


def services_of(app: Any) -> Services:
    """The services of an Application (for jobs and code that has no context)."""
    found = app.bot_data[SERVICES_KEY]
    assert isinstance(found, Services)
    return found


def services(context: CallbackContext[Any, Any, Any, Any] | ContextTypes.DEFAULT_TYPE) -> Services:
    return services_of(context.application)
