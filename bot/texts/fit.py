"""Texts that Telegram will take: at most 4,096 characters."""
from __future__ import annotations

import html as html_lib
import re

from telegram.constants import MessageLimit, ParseMode

_TAG = re.compile(r"<[^>]+>")


def fit(html_text: str) -> tuple[str, str | None]:
    """The text and parse mode to send. A text over Telegram's 4,096 characters (a summary
    quoting a very long commitment) would be refused whole; cutting HTML could break a tag, so
    such a text goes out as plain text, shortened, rather than not at all."""
    if len(html_text) <= MessageLimit.MAX_TEXT_LENGTH:
        return html_text, ParseMode.HTML
    plain = html_lib.unescape(_TAG.sub("", html_text))
    if len(plain) <= MessageLimit.MAX_TEXT_LENGTH:
        return plain, None
    return plain[: MessageLimit.MAX_TEXT_LENGTH - 1] + "…", None
