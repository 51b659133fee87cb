"""A message over Telegram's 4,096 characters still goes out, as shortened plain text; a press's
answer goes out as plain text within 200 characters."""
from __future__ import annotations

from telegram.constants import ParseMode

from bot.texts.fit import fit, fit_answer


def test_a_normal_message_keeps_its_markup() -> None:
    assert fit("<b>Doel</b> &amp; meer") == ("<b>Doel</b> &amp; meer", ParseMode.HTML)


def test_an_overlong_message_becomes_plain_text_within_the_limit() -> None:
    long_commitment = "<i>" + "wachten &amp; kijken " * 400 + "</i>"
    body, mode = fit("<b>Voornemen</b>: " + long_commitment)
    assert mode is None and len(body) <= 4096 and body.endswith("…")
    assert "<b>" not in body and "&amp;" not in body and body.startswith("Voornemen: wachten & ")


def test_a_press_s_answer_is_plain_text_within_200_characters() -> None:
    assert fit_answer("Dank je, <b>Bram &amp; Co</b>!") == "Dank je, Bram & Co!"
    answer = fit_answer("<i>" + "wachten &amp; kijken " * 20 + "</i>")
    assert len(answer) == 200 and answer.endswith("…") and "&" in answer and "<i>" not in answer


def test_a_message_of_exactly_4096_characters_keeps_its_markup() -> None:
    html = "<b>Doel</b> " + "x" * (4096 - len("<b>Doel</b> "))
    assert fit(html) == (html, ParseMode.HTML)


def test_a_message_whose_words_fit_once_its_tags_go_is_sent_whole_as_plain_text() -> None:
    """Its words are not cut, and they go out without a parse mode: read back from HTML, a
    "<" a member typed would otherwise make Telegram refuse the message."""
    words = "a &lt; b " + "x" * (4096 - len("a < b "))
    body, mode = fit("<b>" + words + "</b>" + "<i></i>" * 10)
    assert mode is None
    assert body == "a < b " + "x" * (4096 - len("a < b ")) and len(body) == 4096


def test_a_press_s_answer_of_exactly_200_characters_is_kept_whole() -> None:
    assert fit_answer("<b>" + "x" * 200 + "</b>") == "x" * 200


def test_a_press_s_answer_cut_at_a_space_ends_in_the_ellipsis_right_after_a_word() -> None:
    answer = fit_answer("x" * 198 + " " + "y" * 50)
    assert answer == "x" * 198 + "…"
