"""Bot API method parameters, read the way Telegram reads them.

Telegram accepts a query string, a JSON body, a form-urlencoded body or multipart/form-data.
PTB sends forms in which every non-string value is itself JSON-encoded (`chat_id="-100"`,
`reply_markup='{"inline_keyboard": ...}'`), while a JSON body carries native values; the typed
getters below accept both so that method handlers never care how a request was encoded.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from .errors import bad_request


@dataclass(frozen=True)
class Upload:
    """A file part of a multipart request."""

    filename: str
    content_type: str
    data: bytes


@dataclass
class Params:
    values: dict[str, Any] = field(default_factory=dict)
    uploads: dict[str, Upload] = field(default_factory=dict)

    def has(self, name: str) -> bool:
        return self.values.get(name) not in (None, "") or name in self.uploads

    def get_str(
        self, name: str, *, required: bool = False, default: str | None = None
    ) -> str | None:
        value = self.values.get(name)
        if value is None or value == "":
            if required:
                raise bad_request(f"{name} is empty")
            return default
        return value if isinstance(value, str) else json.dumps(value)

    def req_str(self, name: str) -> str:
        value = self.get_str(name, required=True)
        assert value is not None
        return value

    def get_int(
        self, name: str, *, required: bool = False, default: int | None = None
    ) -> int | None:
        value = self.values.get(name)
        if value is None or value == "":
            if required:
                raise bad_request(f"{name} is empty")
            return default
        try:
            return int(value)
        except (TypeError, ValueError):
            raise bad_request(f"invalid {name} specified") from None

    def req_int(self, name: str) -> int:
        value = self.get_int(name, required=True)
        assert value is not None
        return value

    def get_bool(self, name: str, default: bool = False) -> bool:
        value = self.values.get(name)
        if value is None or value == "":
            return default
        if isinstance(value, bool):
            return value
        return str(value).lower() in ("true", "1")

    def get_json(self, name: str) -> Any:
        """A structured parameter (reply_markup, scope, ...): JSON text in forms, native in JSON."""
        value = self.values.get(name)
        if value is None or value == "":
            return None
        if isinstance(value, str):
            try:
                return json.loads(value)
            except json.JSONDecodeError:
                raise bad_request(f"can't parse {name} JSON object") from None
        return value

    def chat_id(self, name: str = "chat_id") -> int | str:
        """An integer id, or a public `@username` that the world resolves."""
        value = self.values.get(name)
        if value is None or value == "":
            raise bad_request(f"{name} is empty")
        if isinstance(value, str) and value.startswith("@"):
            return value
        try:
            return int(value)
        except (TypeError, ValueError):
            raise bad_request("chat not found") from None

    def upload_for(self, name: str) -> Upload | None:
        """The file sent for parameter `name`, directly or through an `attach://` reference."""
        if name in self.uploads:
            return self.uploads[name]
        value = self.values.get(name)
        if isinstance(value, str) and value.startswith("attach://"):
            return self.attached(value)
        return None

    def attached(self, reference: str) -> Upload:
        part = reference.removeprefix("attach://")
        if part not in self.uploads:
            raise bad_request(f'can\'t find attached file "{part}"')
        return self.uploads[part]


async def read_params(request: web.Request) -> Params:
    """Collects parameters from the query string and whichever body encoding was used."""
    params = Params(values=dict(request.query))
    if not request.can_read_body:
        return params
    content_type = request.content_type
    if content_type == "application/json":
        try:
            body = await request.json()
        except json.JSONDecodeError:
            raise bad_request("can't parse JSON") from None
        if isinstance(body, dict):
            params.values.update(body)
        return params
    if content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        form = await request.post()
        for key, value in form.items():
            if isinstance(value, web.FileField):
                params.uploads[key] = Upload(
                    filename=value.filename or key,
                    content_type=value.content_type or "application/octet-stream",
                    data=value.file.read(),
                )
            else:
                params.values[key] = value
    return params
