"""Message text as Telegram stores it: HTML parsed into plain text + entities, auto-detection.

The HTML check is deliberately loose (no attribute validation) but catches what breaks real
bots: unsupported tags such as `<br>` (named up to the first space or ">", as Telegram does),
a `<span>` that is not `class="tg-spoiler"`, unbalanced or crossed tags, and a bare `<` from
unescaped user text. Offsets and lengths are in UTF-16 code units, as in the Bot API.
"""

from __future__ import annotations

import html
import re
from typing import Any

from .errors import bad_request

# Telegram's supported HTML tags (https://core.telegram.org/bots/api#html-style).
_ENTITY_OF_TAG = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
    "a": "text_link",
    "tg-emoji": "custom_emoji",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
}
_NAME_END = re.compile(r"[\s>]")
_HREF = re.compile(r"""href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_CLASS = re.compile(r"""class\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_CHAR_REF = re.compile(r"&(#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
_NAMED_REFS = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}

# Auto-detected entities; Telegram finds these in every message, bot or human.
_COMMAND = re.compile(r"(?<![\w/@])/[a-zA-Z0-9_]{1,32}(?:@[a-zA-Z0-9_]{3,32})?(?![\w/@])")
_MENTION = re.compile(r"(?<![\w@])@[a-zA-Z0-9_]{4,32}\b")
_URL = re.compile(r"\bhttps?://[^\s<>\"]+")


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def _can_parse(detail: str) -> Exception:
    return bad_request(f"can't parse entities: {detail}")


def parse_html(source: str) -> tuple[str, list[dict[str, Any]]]:
    """Returns (plain text, entities) or raises the 400 Telegram answers for broken markup."""
    out: list[str] = []
    out_len = 0  # UTF-16 length of `out`, kept incrementally
    stack: list[tuple[str, int, dict[str, Any]]] = []
    entities: list[dict[str, Any]] = []
    i = 0
    while i < len(source):
        char = source[i]
        if char == "<":
            end = source.find(">", i)
            if end < 0:
                raise _can_parse(f"Unclosed start tag at byte offset {_byte_offset(source, i)}")
            body = source[i + 1 : end]
            if body.startswith("/"):
                name = body[1:].strip().lower()
                if not stack:
                    raise _can_parse(f"Unexpected end tag at byte offset {_byte_offset(source, i)}")
                open_name, start, extra = stack.pop()
                if name != open_name:
                    raise _can_parse(
                        f"Unmatched end tag at byte offset {_byte_offset(source, i)}, "
                        f'expected "</{open_name}>", found "</{name}>"'
                    )
                if out_len > start:
                    entities.append(
                        {"type": _ENTITY_OF_TAG[name], "offset": start, "length": out_len - start}
                        | extra
                    )
            else:
                # Like Telegram, the name runs to the first space or ">": "<br/>" is "br/".
                name_end = _NAME_END.search(source, i + 1)
                assert name_end is not None  # the ">" found above ends it at the latest
                name = source[i + 1 : name_end.start()].lower()
                if name not in _ENTITY_OF_TAG:
                    raise _can_parse(
                        f'Unsupported start tag "{name}" at byte offset {_byte_offset(source, i)}'
                    )
                extra = _tag_extra(name, body)
                if name == "span" and extra.get("type") != "spoiler":
                    raise _can_parse(
                        'Tag "span" must have class "tg-spoiler" at byte offset '
                        f"{_byte_offset(source, i)}"
                    )
                stack.append((name, out_len, extra))
            i = end + 1
            continue
        if char == "&":
            match = _CHAR_REF.match(source, i)
            if match:
                decoded = _decode_ref(match.group(1))
                if decoded is not None:
                    out.append(decoded)
                    out_len += utf16_len(decoded)
                    i = match.end()
                    continue
        out.append(char)
        out_len += utf16_len(char)
        i += 1
    if stack:
        raise _can_parse(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    return "".join(out), entities


def _tag_extra(name: str, body: str) -> dict[str, Any]:
    if name == "a":
        match = _HREF.search(body)
        url = next((g for g in match.groups() if g is not None), "") if match else ""
        url = html.unescape(url)
        if url.startswith("tg://user?id="):
            return {"type": "text_mention", "user": {"id": int(url.split("=", 1)[1] or 0)}}
        return {"url": url}
    if name == "blockquote" and "expandable" in body:
        return {"type": "expandable_blockquote"}
    if name == "span":
        match = _CLASS.search(body)
        css = next((g for g in match.groups() if g is not None), "") if match else ""
        return {"type": "spoiler"} if css.lower() == "tg-spoiler" else {}
    return {}


def _decode_ref(ref: str) -> str | None:
    if ref.startswith("#"):
        return chr(int("0" + ref[1:], 0) if ref[1:2] == "x" else int(ref[1:]))
    return _NAMED_REFS.get(ref.lower())


def detect_entities(text: str) -> list[dict[str, Any]]:
    """bot_command, mention and url entities, found like Telegram finds them."""
    found: list[dict[str, Any]] = []
    for kind, pattern in (("bot_command", _COMMAND), ("mention", _MENTION), ("url", _URL)):
        for match in pattern.finditer(text):
            found.append(
                {
                    "type": kind,
                    "offset": utf16_len(text[: match.start()]),
                    "length": utf16_len(match.group(0)),
                }
            )
    return found


def strip_text(text: str, entities: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """Telegram trims surrounding whitespace; entity offsets follow the trimmed text."""
    stripped = text.strip()
    if stripped == text:
        return text, entities
    shift = utf16_len(text[: len(text) - len(text.lstrip())])
    limit = utf16_len(stripped)
    kept: list[dict[str, Any]] = []
    for entity in entities:
        start = max(entity["offset"] - shift, 0)
        end = min(entity["offset"] + entity["length"] - shift, limit)
        if end > start:
            kept.append(entity | {"offset": start, "length": end - start})
    return stripped, kept


def format_text(text: str, parse_mode: str | None) -> tuple[str, list[dict[str, Any]]]:
    """The plain text and entities Telegram would store for `text` sent with `parse_mode`."""
    entities: list[dict[str, Any]] = []
    if parse_mode and parse_mode.lower() == "html":
        text, entities = parse_html(text)
    # Markdown modes are passed through unchecked: the bot is expected to use HTML.
    text, entities = strip_text(text, entities)
    entities = sorted(entities + detect_entities(text), key=lambda e: (e["offset"], -e["length"]))
    return text, entities


def commands_in(text: str, entities: list[dict[str, Any]]) -> list[str]:
    """The `/command[@bot]` strings of the bot_command entities of a text."""
    units = text.encode("utf-16-le")
    return [
        units[2 * e["offset"] : 2 * (e["offset"] + e["length"])].decode("utf-16-le")
        for e in entities
        if e["type"] == "bot_command"
    ]


def mentions_in(text: str, entities: list[dict[str, Any]]) -> list[str]:
    units = text.encode("utf-16-le")
    return [
        units[2 * e["offset"] : 2 * (e["offset"] + e["length"])].decode("utf-16-le").lower()
        for e in entities
        if e["type"] == "mention"
    ]
