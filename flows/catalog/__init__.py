"""The nl and en message catalogs: every user-facing sentence, by key.

Each feature has its own TOML file per language (`nl/cycle.toml`, `en/cycle.toml`); tables
flatten to dotted keys, so `[cycle] announce = "..."` is the key `cycle.announce`. Texts are
Telegram HTML; `{name}` placeholders are filled by `render`, which escapes user text.

Plural forms: a key that exists only as `key.one` and `key.other` is chosen by the Text's
`count` parameter ("1 vraag", "2 vragen"). A parameter that is itself a Text is rendered in the
same language (so a sentence can hold counted phrases); a tuple of Texts is joined with ", ",
or one per line when the parameter's name ends in `lines`.
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


PLURAL_FORMS = ("one", "other")


def plural_bases(texts: Mapping[str, str]) -> set[str]:
    """Keys used with a count: those that have `.one` and `.other` forms."""
    return {key.rsplit(".", 1)[0] for key in texts if key.endswith(".one")
            and key.rsplit(".", 1)[0] + ".other" in texts}


def plural_form(count: Any) -> str:
    """Dutch and English agree: one for exactly 1, other for everything else (0 too)."""
    return "one" if count == 1 else "other"


def _safe(language: str, name: str, value: Any) -> str:
    if isinstance(value, Text):
        return render(language, value)
    if isinstance(value, tuple) and value and all(isinstance(v, Text) for v in value):
        joiner = "\n" if name.endswith("lines") else ", "
        return joiner.join(render(language, v) for v in value)
    if name.endswith("_html"):
        return str(value)
    return html.escape(str(value), quote=False)


def _template(language: str, item: Text) -> str:
    texts = catalog(language)
    key = item.key
    if key not in texts and f"{key}.other" in texts:
        key = f"{key}.{plural_form(item.params.get('count'))}"
    return texts.get(key) or catalog(DEFAULT_LANGUAGE)[key]


def render(language: str, item: Text) -> str:
    """The sentence in `language` (falling back to Dutch), with escaped parameters; a counted
    key takes its `.one` or `.other` form."""
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    values = {name: _safe(language, name, value) for name, value in item.params.items()}
    return _template(language, item).format(**values)


def render_all(language: str, items: tuple[Text, ...]) -> str:
    return "\n\n".join(render(language, item) for item in items)
