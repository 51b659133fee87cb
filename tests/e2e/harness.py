"""End-to-end harness: the real bot process against the in-process fake Telegram.

Fixtures (tests/e2e/conftest.py):
- `fake_telegram`: a `FakeTelegram` (server + control client) on a free port.
- `tg`: the control client, the people acting in the chats (the same as
  `fake_telegram.control`; shared with the other layers through tests/conftest.py).
- `bot_process`: a `BotProcess` for `python -m bot.cli run`, not started yet (set up the world
  first, or test what the bot does with updates that waited for it).
- `running_bot`: the same, started (it has called getUpdates).
- `demo_group`: the sandbox's demo group (four members who started the bot; bot added by
  the admin), created before the bot starts.

    async def test_status(tg: FakeTelegramControl, running_bot: BotProcess) -> None:
        await tg.add_user(1, "Anna")
        await tg.start_private_chat(1)
        await tg.wait_for_text(1, "Welkom")

The bot's stdout/stderr is written to `<tmp_path>/bot.log` and attached to the report of a
failing test.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from fake_telegram import FakeTelegramControl, FakeTelegramServer
from fake_telegram.botprocess import BotProcess, bot_env
from fake_telegram.demo import DemoGroup, Person, create_demo_world
from tests.bot_api import TOKEN

__all__ = [
    "BOT_PROCESS_KEY",
    "E2E_TOKEN",
    "BotProcess",
    "DemoGroup",
    "FakeTelegram",
    "Person",
    "create_demo_world",
    "new_bot_process",
]

E2E_TOKEN = TOKEN
BOT_PROCESS_KEY = pytest.StashKey[BotProcess]()


@dataclass
class FakeTelegram:
    server: FakeTelegramServer
    control: FakeTelegramControl

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def token(self) -> str:
        return self.server.token


def new_bot_process(fake: FakeTelegram, workdir: Path) -> BotProcess:
    """A bot process whose database, data directory and log live in `workdir`; restarts keep
    them, as a real restart would."""
    data_dir = workdir / "data"
    data_dir.mkdir(parents=True, exist_ok=True)
    env = bot_env(
        fake.url,
        fake.token,
        db_path=workdir / "intervision.db",
        data_dir=data_dir,
        timezone="Europe/Amsterdam",
        log_level="INFO",
    )
    # The fake server does not throttle; the bot's own limiter (20 messages a minute in one
    # group, as Telegram) would make a played cycle take minutes. Its behaviour at the real
    # rate is Telegram's documented limit, configured by this same variable.
    env["INTERVISION_GROUP_MESSAGES_PER_MINUTE"] = "1200"
    env["INTERVISION_CHAT_MESSAGES_PER_SECOND"] = "1000"  # and about one a second in a chat
    return BotProcess(fake.control, env, log_path=workdir / "bot.log")
