"""The bot token never reaches the log, at any level (README, docs/operations.md).

python-telegram-bot logs its API URL with the token at DEBUG, httpx logs request URLs, and an
error about a bad URL quotes it (review ux22: a base URL without its /bot put the token in a
warning at every start retry). A filter on the handlers the bot installs takes the token out
of every record, whatever logger wrote it, before it is written anywhere."""
from __future__ import annotations

import logging

REDACTED = "<token>"


class RedactToken(logging.Filter):
    def __init__(self, token: str) -> None:
        super().__init__()
        # As written, and as a URL may carry it (the colon percent-encoded).
        self._forms = [form for form in {token, token.replace(":", "%3A")} if form]

    def _clean(self, text: str) -> str:
        for form in self._forms:
            text = text.replace(form, REDACTED)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a malformed record: as it came, without the token
            message = f"{record.msg} {record.args!r}"
        cleaned = self._clean(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        if record.exc_info and not record.exc_text:
            # The formatter uses exc_text when it is set: the traceback, cleaned.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self._clean(record.exc_text)
        if record.stack_info:
            record.stack_info = self._clean(record.stack_info)
        return True


def redact_token_in_logs(token: str) -> None:
    """Every handler of the root logger (where every record ends up) leaves the token out."""
    if not token:
        return
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, RedactToken) for f in handler.filters):
            handler.addFilter(RedactToken(token))
