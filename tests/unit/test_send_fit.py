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
