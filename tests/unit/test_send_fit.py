"""A message over Telegram's 4,096 characters still goes out, as shortened plain text."""
from __future__ import annotations

from telegram.constants import ParseMode

from bot.texts.fit import fit


def test_a_normal_message_keeps_its_markup() -> None:
    assert fit("<b>Doel</b> &amp; meer") == ("<b>Doel</b> &amp; meer", ParseMode.HTML)


def test_an_overlong_message_becomes_plain_text_within_the_limit() -> None:
    long_commitment = "<i>" + "wachten &amp; kijken " * 400 + "</i>"
    body, mode = fit("<b>Voornemen</b>: " + long_commitment)
    assert mode is None and len(body) <= 4096 and body.endswith("…")
    assert "<b>" not in body and "&amp;" not in body and body.startswith("Voornemen: wachten & ")
