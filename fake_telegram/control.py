"""`FakeTelegramControl`: the async client through which tests and the sandbox act as people.

    async with FakeTelegramControl(server.url) as tg:
        await tg.add_user(1, "Anna")
        await tg.start_private_chat(1)
        message = await tg.wait_for_text(1, "Welkom")
        await tg.click(1, message, "Ja")

Message views (what `bot_messages()` and `wait_for*()` return) are flat dicts; see
docs/fake-telegram.md. `text` holds the text or the caption, as a person would read it.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import httpx

from .control_failures import FailureControls
from .errors import ControlError

MessageView = dict[str, Any]


class FakeTelegramControl(FailureControls):
    def __init__(self, base_url: str, *, timeout: float = 30.0) -> None:
        self.base_url = base_url.rstrip("/")
        self._http = httpx.AsyncClient(base_url=self.base_url, timeout=timeout)

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    # ----- transport ---------------------------------------------------------------------

    async def _response(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """The control API's answer; a refused request raises ControlError with its reason."""
        response = await self._http.request(method, f"/_control/{path}", **kwargs)
        if response.status_code == 400:
            raise ControlError(response.json().get("error", response.text))
        response.raise_for_status()
        return response

    async def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        response = await self._response(method, path, **kwargs)
        if response.headers.get("content-type", "").startswith("application/json"):
            return response.json()
        return response.content

    async def _post(self, path: str, body: dict[str, Any] | None = None) -> Any:
        return await self._call("POST", path, json=body or {})

    async def _get(self, path: str, **params: Any) -> Any:
        clean = {k: v for k, v in params.items() if v is not None}
        return await self._call("GET", path, params=clean)

    # ----- people and chats --------------------------------------------------------------

    async def add_user(
        self,
        user_id: int,
        first_name: str,
        username: str | None = None,
        language_code: str | None = "nl",
        *,
        last_name: str | None = None,
    ) -> dict[str, Any]:
        body = {
            "user_id": user_id,
            "first_name": first_name,
            "username": username,
            "language_code": language_code,
            "last_name": last_name,
        }
        return dict(await self._post("users", body))

    async def start_private_chat(self, user_id: int, payload: str | None = None) -> dict[str, Any]:
        """The user presses Start (with a deep-link payload: `/start <payload>`)."""
        return dict(await self._post(f"users/{user_id}/start", {"payload": payload}))

    async def set_language(self, user_id: int, language_code: str | None) -> None:
        """The user switches their Telegram app's language (`language_code` of later updates)."""
        await self._post(f"users/{user_id}/language", {"language_code": language_code})

    async def block_bot(self, user_id: int) -> None:
        await self._post(f"users/{user_id}/block")

    async def add_group(
        self,
        chat_id: int,
        title: str,
        *,
        forum: bool = False,
        supergroup: bool | None = None,
        admins: Sequence[int] = (),
        members: Sequence[int] = (),
        username: str | None = None,
        added_by: int | None = None,
    ) -> dict[str, Any]:
        """A group with the bot already in it; the first admin is the creator. With
        `added_by`, the bot receives the updates of being added by that user instead."""
        body = {
            "chat_id": chat_id,
            "title": title,
            "forum": forum,
            "supergroup": supergroup,
            "admins": list(admins),
            "members": list(members),
            "username": username,
            "added_by": added_by,
        }
        return dict(await self._post("groups", body))

    async def migrate_to_supergroup(self, chat_id: int) -> int:
        """The basic group becomes a supergroup with a new id (returned)."""
        return int((await self._post(f"groups/{chat_id}/migrate"))["chat_id"])

    async def add_topic(self, chat_id: int, name: str, *, created_by: int | None = None) -> int:
        result = await self._post(
            f"groups/{chat_id}/topics", {"name": name, "created_by": created_by}
        )
        return int(result["thread_id"])

    async def add_member(self, chat_id: int, user_id: int, *, added_by: int | None = None) -> None:
        await self._post(f"groups/{chat_id}/members", {"user_id": user_id, "added_by": added_by})

    async def remove_member(self, chat_id: int, user_id: int, *, by: int | None = None) -> None:
        await self._post(f"groups/{chat_id}/members/{user_id}/remove", {"by": by})

    async def set_admin(self, chat_id: int, user_id: int, admin: bool = True) -> None:
        await self._post(f"groups/{chat_id}/admins", {"user_id": user_id, "admin": admin})

    async def set_bot_admin(self, chat_id: int, admin: bool = True) -> None:
        await self.set_bot_status(chat_id, "administrator" if admin else "member")

    async def set_bot_status(self, chat_id: int, status: str, *, by: int | None = None) -> None:
        """`administrator`, `member`, `left` (removed) or `kicked` (banned), done by `by`
        (default: the group's creator)."""
        await self._post(f"groups/{chat_id}/bot", {"status": status, "by": by})

    async def set_privacy_mode(self, enabled: bool) -> None:
        """Privacy mode on = getMe's can_read_all_group_messages false: in groups where the bot
        is no admin, it only gets commands, replies to it, mentions and service messages."""
        await self._post("privacy", {"enabled": enabled})

    # ----- what people write -------------------------------------------------------------

    async def send_text(
        self,
        user_id: int,
        chat_id: int,
        text: str,
        *,
        thread_id: int | None = None,
        reply_to: int | None = None,
        as_chat: str | None = None,
    ) -> dict[str, Any]:
        """Returns the Message object as the bot receives it in its update. `as_chat`:
        "group" sends as an anonymous admin, "channel" on behalf of a channel."""
        body = {
            "user_id": user_id,
            "chat_id": chat_id,
            "text": text,
            "thread_id": thread_id,
            "reply_to": reply_to,
            "as_chat": as_chat,
        }
        return dict((await self._post("messages", body))["message"])

    async def send_video(
        self,
        user_id: int,
        chat_id: int,
        path_or_bytes: str | Path | bytes,
        *,
        caption: str | None = None,
        kind: str = "video",
        mime_type: str | None = None,
        file_name: str | None = None,
        thread_id: int | None = None,
        reply_to: int | None = None,
    ) -> dict[str, Any]:
        """Uploads a file as `video`, `video_note`, `animation`, `document` or `photo`; the
        server measures it with ffprobe. Returns the Message object the bot receives."""
        if isinstance(path_or_bytes, bytes):
            data = path_or_bytes
        else:
            path = Path(path_or_bytes)
            data = path.read_bytes()
            file_name = file_name or path.name
        meta = {
            "user_id": user_id,
            "chat_id": chat_id,
            "caption": caption,
            "kind": kind,
            "mime_type": mime_type,
            "file_name": file_name,
            "thread_id": thread_id,
            "reply_to": reply_to,
        }
        files = {"file": (file_name or "upload.bin", data, mime_type or "application/octet-stream")}
        view = await self._call("POST", "media", data={"meta": json.dumps(meta)}, files=files)
        return dict(view["message"])

    async def edit_text(
        self, user_id: int, chat_id: int, message_id: int, text: str
    ) -> dict[str, Any]:
        """The user edits their message; the bot receives an edited_message update."""
        body = {"user_id": user_id, "chat_id": chat_id, "message_id": message_id, "text": text}
        return dict((await self._post("messages/edit", body))["message"])

    async def click(
        self,
        user_id: int,
        message: int | dict[str, Any],
        button: str,
        *,
        chat_id: int | None = None,
    ) -> str:
        """Presses the inline button whose callback_data (else whose text) is `button`, on a
        message given as a view, a Message dict, or a message id plus `chat_id`. Returns the
        callback query id."""
        if isinstance(message, dict):
            chat_id = message["chat_id"] if "chat_id" in message else message["chat"]["id"]
            message_id = int(message["message_id"])
        else:
            message_id = message
        if chat_id is None:
            raise ControlError("click(): pass chat_id with a bare message id")
        body = {"user_id": user_id, "chat_id": chat_id, "message_id": message_id, "button": button}
        return str((await self._post("click", body))["callback_query_id"])

    async def callback_answer(self, callback_query_id: str) -> dict[str, Any] | None:
        """What the bot answered (text, show_alert, url, cache_time), or None if not yet."""
        result = await self._get(f"callback_queries/{callback_query_id}")
        return result["answer"] if result["answered"] else None

    # ----- what the bot did --------------------------------------------------------------

    async def messages(
        self,
        chat_id: int | None = None,
        thread_id: int | None = None,
        since: int | None = None,
        from_bot: bool | None = None,
    ) -> list[MessageView]:
        """Message views of everyone (including those privacy mode kept from the bot)."""
        flag = None if from_bot is None else ("1" if from_bot else "0")
        found = await self._get(
            "messages", chat_id=chat_id, thread_id=thread_id, since=since, from_bot=flag
        )
        return list(found)

    async def bot_messages(
        self, chat_id: int | None = None, thread_id: int | None = None, since: int | None = None
    ) -> list[MessageView]:
        """Everything the bot sent (current state: edited text, `deleted` flag, history)."""
        return await self.messages(chat_id, thread_id, since, from_bot=True)

    async def mark(self) -> int:
        """A point in time for `since=`: later sends and edits have a higher `seq`."""
        return int((await self._get("seq"))["seq"])

    async def wait_for(
        self,
        predicate: Callable[[MessageView], bool],
        *,
        chat_id: int | None = None,
        thread_id: int | None = None,
        since: int | None = None,
        timeout: float = 10.0,
    ) -> MessageView:
        """Polls the bot's messages until one matches; AssertionError lists what was seen."""
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            seen = await self.bot_messages(chat_id, thread_id, since)
            for view in seen:
                if predicate(view):
                    return view
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError(
                    f"no bot message matched within {timeout}s; the bot sent:\n"
                    + (describe(seen) or "  (nothing)")
                )
            await asyncio.sleep(0.05)

    async def wait_for_text(
        self,
        chat_id: int,
        substring: str,
        thread_id: int | None = None,
        *,
        since: int | None = None,
        timeout: float = 10.0,
    ) -> MessageView:
        """The first bot message in `chat_id` (any topic if thread_id is None) whose text or
        caption contains `substring`."""
        return await self.wait_for(
            lambda view: substring in (view["text"] or ""),
            chat_id=chat_id,
            thread_id=thread_id,
            since=since,
            timeout=timeout,
        )

    async def download(self, file_id: str) -> bytes:
        """The file's bytes as stored, whatever their type (JSON files too)."""
        return (await self._response("GET", f"files/{file_id}")).content

    async def commands(
        self, scope: dict[str, Any] | None = None, language_code: str = ""
    ) -> list[dict[str, Any]] | None:
        """The commands set for exactly this scope and language (None if never set)."""
        result = await self._get(
            "commands", scope=json.dumps(scope) if scope else None, language_code=language_code
        )
        return None if result is None else list(result)

    async def all_commands(self) -> list[dict[str, Any]]:
        """Every (scope, language_code, commands) the bot has set."""
        return list(await self._get("commands", all="1"))

    async def pending_updates(self) -> int:
        return int((await self._get("updates"))["pending"])

    async def update_stats(self) -> dict[str, Any]:
        """{"pending": n, "waiting": a long poll is parked, "polls": getUpdates calls so far}."""
        return dict(await self._get("updates"))

    async def wait_until_updates_taken(self, timeout: float = 10.0) -> None:
        """Waits until the bot has fetched every update and is long-polling again (its handlers
        may still be running; use wait_for to wait for their results)."""
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            stats = await self.update_stats()
            if stats["pending"] == 0 and stats["waiting"]:
                return
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError(f"the bot did not take its updates within {timeout}s: {stats}")
            await asyncio.sleep(0.05)

    async def redeliver_last_update(self) -> int:
        """The last confirmed update reaches the bot once more, same update_id."""
        return int((await self._post("updates/redeliver"))["update_id"])

    async def calls(
        self, method: str | None = None, since: int | None = None
    ) -> list[dict[str, Any]]:
        """Bot API calls received: {seq, method, params, status, at}."""
        return list(await self._get("calls", method=method, since=since))

    async def call_count(self, method: str) -> int:
        return len(await self.calls(method))

    async def state(self) -> dict[str, Any]:
        return dict(await self._get("state"))

    async def reset(self) -> None:
        await self._post("reset")


def describe(views: list[MessageView]) -> str:
    """One line per message, for assertion messages."""
    lines = []
    for view in views:
        where = f"{view['chat_id']}" + (f"/{view['thread_id']}" if view["thread_id"] else "")
        rows = (view.get("reply_markup") or {}).get("inline_keyboard") or []
        buttons = [b.get("text") for row in rows for b in row]
        flags = " (deleted)" if view["deleted"] else ""
        lines.append(
            f"  [{where}] #{view['message_id']}{flags}: "
            + (f"<{view['service']}>" if view.get("service") else repr(view["text"]))
            + (f" buttons={buttons}" if buttons else "")
            + (f" media={view['media']}" if view["media"] else "")
        )
    return "\n".join(lines)
