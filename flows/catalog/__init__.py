"""The nl and en message catalogs: every user-facing sentence, by key.

Each feature has its own TOML file per language (`nl/cycle.toml`, `en/cycle.toml`); tables
flatten to dotted keys, so `[cycle] announce = "..."` is the key `cycle.announce`. Texts are
Telegram HTML; `{name}` placeholders are filled by `render`, which escapes user text.
"""
from __future__ import annotations

import html
import string
import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from flows.effects import Text

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
_HERE = Path(__file__).parent


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for name, value in table.items():
        key = f"{prefix}{name}"
        if isinstance(value, Mapping):
            flat.update(_flatten(value, key + "."))
        else:
            flat[key] = str(value)
    return flat


@cache
def catalog(language: str) -> dict[str, str]:
    """All keys of one language; a key defined twice across files is a mistake we refuse."""
    merged: dict[str, str] = {}
    for path in sorted((_HERE / language).glob("*.toml")):
        with path.open("rb") as handle:
            for key, value in _flatten(tomllib.load(handle)).items():
                if key in merged:
                    raise ValueError(f"catalog key {key!r} defined twice ({path.name})")
                merged[key] = value
    return merged


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _safe(name: str, value: Any) -> str:
    if name.endswith("_html"):
        return str(value)
    return html.escape(str(value), quote=False)


def render(language: str, item: Text) -> str:
    """The sentence in `language` (falling back to Dutch), with escaped parameters."""
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    template = catalog(language).get(item.key) or catalog(DEFAULT_LANGUAGE)[item.key]
    values = {name: _safe(name, value) for name, value in item.params.items()}
    return template.format(**values)


def render_all(language: str, items: tuple[Text, ...]) -> str:
    return "\n\n".join(render(language, item) for item in items)
