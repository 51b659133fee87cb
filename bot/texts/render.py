"""From catalog keys to the HTML the bot sends, in the group's (or person's) language. Button
labels are made in bot/engine/effects.py (`buttons`): plain text, unescaped."""
from __future__ import annotations

from flows.catalog import render, render_all
from flows.effects import text

__all__ = ["render", "render_all", "say", "text"]


def say(language: str, key: str, **params: object) -> str:
    return render(language, text(key, **params))
