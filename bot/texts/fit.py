"""Texts that Telegram will take: a message of at most 4,096 characters, a press's answer of
at most 200 characters of plain text."""
from __future__ import annotations

import html as html_lib
import re

from telegram.constants import CallbackQueryLimit, MessageLimit, ParseMode

_TAG = re.compile(r"<[^>]+>")


def fit(html_text: str) -> tuple[str, str | None]:
    """The text and parse mode to send. A text over Telegram's 4,096 characters (a summary
    quoting a very long commitment) would be refused whole; cutting HTML could break a tag, so
    such a text goes out as plain text, shortened, rather than not at all."""
    if len(html_text) <= MessageLimit.MAX_TEXT_LENGTH:
        return html_text, ParseMode.HTML
    plain = _plain(html_text)
    if len(plain) <= MessageLimit.MAX_TEXT_LENGTH:
        return plain, None
    return plain[: MessageLimit.MAX_TEXT_LENGTH - 1] + "…", None


def fit_answer(html_text: str) -> str:
    """The words of a press's answer (answerCallbackQuery): it has no parse mode, so the
    catalog's HTML would show as it is (<i>, &amp;), and over 200 characters Telegram refuses
    it (MESSAGE_TOO_LONG), leaving the person who pressed with no answer at all."""
    plain = _plain(html_text)
    limit = CallbackQueryLimit.ANSWER_CALLBACK_QUERY_TEXT_LENGTH
    return plain if len(plain) <= limit else plain[: limit - 1].rstrip() + "…"


def _plain(html_text: str) -> str:
    """The words a reader sees of catalog HTML: the tags gone, the entities read."""
    return html_lib.unescape(_TAG.sub("", html_text))
