"""Both languages say everything, with the same placeholders; every command is described."""
from __future__ import annotations

import pytest

from bot.handlers.commands import ADMIN_COMMANDS, PRIVATE_COMMANDS
from flows.catalog import LANGUAGES, PLURAL_FORMS, catalog, placeholders, plural_bases, render
from flows.effects import Text


def test_nl_and_en_have_the_same_keys() -> None:
    assert set(catalog("nl")) == set(catalog("en"))


def test_nl_and_en_have_the_same_placeholders_for_every_key() -> None:
    nl, en = catalog("nl"), catalog("en")
    differing = [key for key in nl if placeholders(nl[key]) != placeholders(en[key])]
    assert not differing


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_command_has_a_menu_description_and_help(language: str) -> None:
    texts = catalog(language)
    for name in set(ADMIN_COMMANDS) | set(PRIVATE_COMMANDS):
        description = texts[f"commands.{name}"]
        assert 3 <= len(description) <= 256  # Telegram's limits for a command description
    help_text = texts["bot.help_group"]
    # Every command of the group's menu is in the group's /help (/setup, /export and /forget
    # were not).
    for name in set(ADMIN_COMMANDS) - {"help"}:
        assert f"/{name} " in help_text


def test_user_text_is_escaped_but_markup_params_are_not() -> None:
    rendered = render("nl", Text("cycle.question_received", {"question": "<b>Hoe</b> & ik?"}))
    assert "&lt;b&gt;Hoe&lt;/b&gt; &amp; ik?" in rendered


def test_an_unknown_language_falls_back_to_dutch() -> None:
    assert render("fr", Text("bot.agreed")) == render("nl", Text("bot.agreed"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_counted_key_has_a_singular_and_a_plural_with_the_count(language: str) -> None:
    texts = catalog(language)
    bases = plural_bases(texts)
    assert "summary.count.questions" in bases
    for base in bases:
        assert {f"{base}.{form}" for form in PLURAL_FORMS} <= set(texts)
        one, other = (placeholders(texts[f"{base}.{form}"]) for form in PLURAL_FORMS)
        assert one - {"count"} == other - {"count"}, base  # the forms say the same thing
    stray = [key for key in texts if key.endswith((".one", ".other"))
             and key.rsplit(".", 1)[0] not in bases]
    assert not stray


@pytest.mark.parametrize("count,nl,en", [(0, "0 vragen", "0 questions"),
                                         (1, "1 vraag", "1 question"),
                                         (2, "2 vragen", "2 questions")])
def test_a_counted_key_takes_the_form_of_its_count(count: int, nl: str, en: str) -> None:
    item = Text("summary.count.questions", {"count": count})
    assert render("nl", item) == nl and render("en", item) == en


def test_texts_inside_texts_are_rendered_in_the_same_language_and_escaped_once() -> None:
    line = Text("summary.member_line", {"name": "<Bo>", "parts": (
        Text("summary.count.questions", {"count": 1}),
        Text("summary.count.observations", {"count": 2}))})
    assert render("en", line) == "• &lt;Bo&gt;: 1 question, 2 observations"
    assert render("nl", line) == "• &lt;Bo&gt;: 1 vraag, 2 waarnemingen"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_text_in_the_group_calls_a_named_member_an_adviser(language: str) -> None:
    texts = catalog(language)
    shaming = [key for key, value in texts.items() if key.startswith("summary.")
               and ("advice" in value.lower() or "advies" in value.lower())]
    assert not shaming


@pytest.mark.parametrize(("language", "own_word"), [("nl", "duwtje"), ("en", "nudge")])
def test_the_bot_calls_its_own_private_messages_nudges_never_tips(language: str,
                                                                 own_word: str) -> None:
    """In this practice tips are what peers hold back until asked; the bot promising "tips"
    in the private chat would say the opposite of its nudges."""
    texts = catalog(language)
    for key in ("bot.start_private", "bot.welcome_private", "bot.help_private"):
        words = texts[key].lower()
        assert own_word in words and "tips geven" not in words and "personal tips" not in words
        assert "persoonlijke tips" not in words and "give you tips" not in words


def test_schedule_is_the_rhythm_of_meetings_not_the_roster() -> None:
    """/roster is "Leden en beurtvolgorde"; /schedule sets the rhythm, as its own messages say."""
    texts = catalog("nl")
    for key in ("bot.only_admins_schedule", "bot.help_group", "commands.schedule"):
        assert "rooster" not in texts[key].lower()


@pytest.mark.parametrize(("language", "turns", "finished"), [
    ("nl", "1× aan de beurt", "1 van minstens 3"), ("en", "turns: 1", "1 of at least 3")])
def test_the_roster_counts_turns_in_other_words_than_finished_cycles(
        language: str, turns: str, finished: str) -> None:
    """The roster shows turns (counted once the clip is shown) above the finished cycles; a
    member whose cycle is still open read "1× ingebracht" beside "0 van minstens 3"."""
    line = render(language, Text("bot.roster_line", {"position": 1, "name": "Bram", "turns": 1,
                                                     "agreed": "", "private": ""}))
    assert turns in line and "ingebracht" not in line
    assert finished in render(language, Text("progress.member", {"name": "Bram", "count": 1,
                                                                 "minimum": 3}))
