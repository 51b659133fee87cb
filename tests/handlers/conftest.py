"""In-process handler tests: the real Application (`build_application`, `post_init`) against
the in-process fake Bot API, fed `Update` objects built by tests/handlers/updates.py through
`Application.process_update`. No bot process, no polling: a test says what arrives and reads
what the bot said once the sender is idle. What needs a process (restarts, kills, webhooks)
stays in tests/e2e."""
from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from telegram.ext import ContextTypes

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
    try:
        yield driven
    finally:
        await stop(app)
