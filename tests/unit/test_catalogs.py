"""Both languages say everything, with the same placeholders; every command is described."""
from __future__ import annotations

import pytest

from bot.startup.telegram_calls import GROUP_COMMANDS, PRIVATE_COMMANDS
from flows.catalog import LANGUAGES, catalog, placeholders, render
from flows.effects import Text


def test_nl_and_en_have_the_same_keys():
    assert set(catalog("nl")) == set(catalog("en"))


def test_nl_and_en_have_the_same_placeholders_for_every_key():
    nl, en = catalog("nl"), catalog("en")
    differing = [key for key in nl if placeholders(nl[key]) != placeholders(en[key])]
    assert not differing


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_command_has_a_menu_description_and_help(language):  # type: ignore[no-untyped-def]
    texts = catalog(language)
    for name in set(GROUP_COMMANDS) | set(PRIVATE_COMMANDS):
        description = texts[f"commands.{name}"]
        assert 3 <= len(description) <= 256  # Telegram's limits for a command description
    help_text = texts["bot.help_group"]
    for name in ("join", "cycle", "next", "tips", "pause", "replay", "schedule", "settings"):
        assert f"/{name}" in help_text


def test_user_text_is_escaped_but_markup_params_are_not():
    rendered = render("nl", Text("cycle.question_received", {"question": "<b>Hoe</b> & ik?"}))
    assert "&lt;b&gt;Hoe&lt;/b&gt; &amp; ik?" in rendered


def test_an_unknown_language_falls_back_to_dutch():
    assert render("fr", Text("bot.agreed")) == render("nl", Text("bot.agreed"))
