"""A mistyped or Dutch command in a group gets the one it meant (the admin review: "/schedul",
"/setings" and "/instellingen" met silence)."""
from __future__ import annotations

import pytest

from bot.handlers.commands import ADMIN_COMMANDS
from flows.command_hint import meant


@pytest.mark.parametrize(("typed", "command"), [
    ("schedul", "schedule"), ("setings", "settings"), ("instellingen", "settings"),
    ("Instellingen", "settings"), ("samenvatting", "summary"), ("satus", "status"),
    ("start", "help"), ("volgende", "next"), ("aanmelden", "join"), ("afmelden", "leave"),
])
def test_a_near_or_dutch_name_finds_the_command(typed: str, command: str) -> None:
    assert meant(typed, ADMIN_COMMANDS) == command


@pytest.mark.parametrize("typed", ["weather", "ban", "poll", "x"])
def test_another_bots_command_gets_no_hint(typed: str) -> None:
    assert meant(typed, ADMIN_COMMANDS) is None
