"""Errors the fake Bot API answers with, worded like the real Telegram server.

Handlers raise `ApiError`; the server turns it into `{"ok": false, ...}`. The descriptions are
copied from real Telegram answers because bots (and PTB) match on them, so a fake that words
them differently would hide bugs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class ApiError(Exception):
    """A Bot API error answer: HTTP status = `error_code`, plus the exact description."""

    error_code: int
    description: str
    parameters: dict[str, Any] | None = None

    def __str__(self) -> str:
        return f"{self.error_code}: {self.description}"

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.error_code,
            "description": self.description,
        }
        if self.parameters:
            body["parameters"] = self.parameters
        return body


class ControlError(Exception):
    """A test or the sandbox asked the world for something impossible (unknown user, ...).

    Kept apart from `ApiError` so that mistakes in a test never look like Telegram behaviour.
    """


def bad_request(detail: str) -> ApiError:
    return ApiError(400, f"Bad Request: {detail}")


def forbidden(detail: str) -> ApiError:
    return ApiError(403, f"Forbidden: {detail}")


def too_many_requests(retry_after: int) -> ApiError:
    return ApiError(
        429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after}
    )


UNAUTHORIZED = ApiError(401, "Unauthorized")
NOT_FOUND = ApiError(404, "Not Found")
CHAT_NOT_FOUND = "chat not found"
MESSAGE_TO_EDIT_NOT_FOUND = "message to edit not found"
MESSAGE_TO_DELETE_NOT_FOUND = "message to delete not found"
MESSAGE_NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid"
THREAD_NOT_FOUND = "message thread not found"
REPLY_NOT_FOUND = "message to be replied not found"
FILE_TOO_BIG = "file is too big"
WRONG_FILE_ID = "wrong file_id or the file is temporarily unavailable"
CANT_INITIATE = "bot can't initiate conversation with a user"
BLOCKED = "bot was blocked by the user"
ANSWER_TOO_LONG = "MESSAGE_TOO_LONG"  # answerCallbackQuery text over 200 characters
EMPTY_FILE = "file must be non-empty"
PHOTO_INVALID_DIMENSIONS = "PHOTO_INVALID_DIMENSIONS"
PHOTO_TOO_BIG = "PHOTO_SAVE_FILE_INVALID"  # an uploaded photo over 10 MB
TOPIC_CLOSED = "TOPIC_CLOSED"
