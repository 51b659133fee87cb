"""A timer whose work breaks once (found by a review: it was logged and left until the next
start, so a meeting that should open, or a look back that should close, waited for a person)
is tried again at once, in place, like an update whose handler breaks; after three tries it
is left, unclaimed, for the next start, and the log says so. A timer that meets a database
that cannot be written for now (a full disk) is not tried in place at all: it fires again
in a while, without waiting for the next start."""
from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from bot.engine import jobs
from bot.engine.services import SERVICES_KEY, Services
from bot.startup.config import load
from storage.timers import StoredTimer

TOKEN = "123456789:" + "A" * 35
NOW = datetime(2026, 12, 7, 14, 0, tzinfo=UTC)
TIMER = StoredTimer(1, 3, "cycle:7:meeting_open", "meeting_open", {"cycle_id": 7}, NOW)


class Queue:
    """The JobQueue's run_once, as far as a timer that must fire again uses it."""

    def __init__(self) -> None:
        self.again: list[tuple[object, str]] = []

    def run_once(self, callback: object, *, when: object, data: object, name: str) -> None:
        self.again.append((when, name))


def _app(tmp_path: Path, breaks: int,
         error: Exception | None = None) -> tuple[Any, list[str]]:
    svc = Services(config=load({"TELEGRAM_BOT_TOKEN": TOKEN,
                                "INTERVISION_DATA_DIR": str(tmp_path)}), clock=lambda: NOW)
    done: list[str] = []

    async def on_timer(app: Any, timer: StoredTimer, *, late: bool) -> None:
        done.append(timer.name)
        if len(done) <= breaks:
            raise error or KeyError("a record the code did not expect")

    svc.on_timer = on_timer
    return SimpleNamespace(bot_data={SERVICES_KEY: svc}, job_queue=Queue()), done


@pytest.fixture(autouse=True)
def _quick(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.engine.jobs.AGAIN_AFTER", 0.01)


async def test_a_timer_that_breaks_once_is_tried_again_and_done(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    app, done = _app(tmp_path, breaks=1)
    await jobs.fire(app, TIMER)
    assert done == [TIMER.name] * 2
    assert "failed (KeyError); tried again" in caplog.text


async def test_a_timer_that_keeps_breaking_is_left_for_the_next_start_after_three_tries(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    app, done = _app(tmp_path, breaks=99)
    await jobs.fire(app, TIMER)
    assert len(done) == 3
    assert "failed 3 times; it fires again at the next start" in caplog.text


async def test_a_timer_that_meets_a_full_disk_fires_again_in_a_while_not_at_the_next_start(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = 13  # SQLITE_FULL
    app, done = _app(tmp_path, breaks=99, error=full)
    await jobs.fire(app, TIMER)
    assert done == [TIMER.name]  # not hammered in place: the disk needs the operator
    assert app.job_queue.again == [(jobs.RETRY_BUSY, jobs.queue_key(3, TIMER.name))]
    assert "waits: the disk is full; again in 30 s" in caplog.text
    assert "fires again at the next start" not in caplog.text
