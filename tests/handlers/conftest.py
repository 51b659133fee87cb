"""In-process handler tests: the real Application (`build_application`, `post_init`) against
the in-process fake Bot API, fed `Update` objects built by tests/handlers/updates.py through
`Application.process_update`. No bot process, no polling: a test says what arrives and reads
what the bot said once the sender is idle. What needs a process (restarts, kills, webhooks)
stays in tests/e2e."""
from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import ContextTypes

from bot.engine.services import services_of
from bot.startup.application import build_application
from fake_telegram import FakeTelegramControl, FakeTelegramServer
from tests.bot_api import App, config_for, start, stop
from tests.handlers.in_process import InProcessBot
from tests.handlers.updates import ANNA, BRAM, CATO, GROUP, GROUP_TITLE, STRANGER


@pytest.fixture
async def bot(server: FakeTelegramServer, tg: FakeTelegramControl, tmp_path: Path,
              request: pytest.FixtureRequest) -> AsyncIterator[InProcessBot]:
    """The bot, started as `intervision run` starts it (minus polling), with Anna (admin),
    Bram and Cato in the group `GROUP` (not set up yet), and a stranger in another group.
    A test marked `@pytest.mark.bot_env(NAME="value")` sets configuration variables."""
    for person in (ANNA, BRAM, CATO, STRANGER):
        await tg.add_user(person.user_id, person.first_name)
    await tg.add_group(GROUP, GROUP_TITLE, supergroup=True, admins=[ANNA.user_id],
                       members=[BRAM.user_id, CATO.user_id])
    marker = request.node.get_closest_marker("bot_env")
    app: App = build_application(config_for(server, tmp_path,
                                            **(marker.kwargs if marker else {})))
    driven = InProcessBot(app, tg)

    async def remember(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert context.error is not None
        driven.errors.append(context.error)

    app.add_error_handler(remember)
    await start(app)
    held = _calls_while_the_database_is_held(app)
    try:
        yield driven
        assert held == [], f"Telegram called while a transaction was open: {held}"
    finally:
        await stop(app)


def _calls_while_the_database_is_held(app: App) -> list[str]:
    """The Bot API methods called while a transaction held the one connection: none may be.
    Every group's work waits on that connection, so a slow answer from Telegram inside a
    transaction (up to the 30 s the bot waits) stops every group for that long (review ux9)."""
    held: list[str] = []
    request = app.bot.request
    original = request.do_request

    async def watched(url: str, *args: Any, **kwargs: Any) -> Any:
        if services_of(app).db.held_here:
            held.append(url.rsplit("/", 1)[-1])
        return await original(url, *args, **kwargs)

    request.do_request = watched
    return held
