"""A local stand-in for the Telegram Bot API, for end-to-end tests and the sandbox.

`FakeTelegramServer` answers Bot API calls like api.telegram.org (enough for a
python-telegram-bot 22 bot); `FakeTelegramControl` acts as the people in the chats.
See docs/fake-telegram.md.
"""

from .control import FakeTelegramControl
from .errors import ControlError
from .server import DEFAULT_TOKEN, FakeTelegramServer
from .world import World

__all__ = ["DEFAULT_TOKEN", "ControlError", "FakeTelegramControl", "FakeTelegramServer", "World"]
