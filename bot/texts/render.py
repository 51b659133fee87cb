"""From catalog keys to Telegram: rendered HTML and inline keyboards."""
from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from flows.catalog import render, render_all
from flows.effects import Keyboard, Text, text

__all__ = ["keyboard", "render", "render_all", "say", "text"]


def keyboard(language: str, rows: Keyboard) -> InlineKeyboardMarkup | None:
    if not rows:
        return None
    return InlineKeyboardMarkup([
        [InlineKeyboardButton(_button_label(language, b.label), callback_data=b.data)
         for b in row] for row in rows])


def _button_label(language: str, label: Text) -> str:
    # Button labels are plain text in Telegram: the HTML escaping of render() would show.
    import html
    return html.unescape(render(language, label))


def say(language: str, key: str, **params: object) -> str:
    return render(language, text(key, **params))
