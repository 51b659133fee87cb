"""HTTP endpoints under /_control/ through which tests and the sandbox act as people.

JSON in, JSON out. A request the world cannot honour answers 400 `{"error": "..."}`;
`control.py` turns that into a ControlError on the client side.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from . import people
from .api_bot import scope_key
from .errors import ApiError, ControlError
from .keys import WORLD
from .model import ADMINISTRATOR, KICKED, LEFT, MEMBER, ArmedFailure
from .world import World

routes = web.RouteTableDef()
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    if not request.path.startswith("/_control/"):
        return await handler(request)
    try:
        return await handler(request)
    except KeyError as error:
        return web.json_response({"error": f"missing field {error}"}, status=400)
    except (ControlError, LookupError, ValueError, TypeError) as error:
        return web.json_response({"error": str(error) or type(error).__name__}, status=400)
    except ApiError as error:
        return web.json_response({"error": error.description}, status=400)


def _world(request: web.Request) -> World:
    return request.app[WORLD]


async def _body(request: web.Request) -> dict[str, Any]:
    if not request.can_read_body:
        return {}
    body = await request.json()
    if not isinstance(body, dict):
        raise ControlError("the request body must be a JSON object")
    return body


def _opt_int(value: Any) -> int | None:
    return None if value in (None, "") else int(value)


@routes.post("/_control/reset")
async def reset(request: web.Request) -> web.Response:
    _world(request).reset()
    return web.json_response({"ok": True})


@routes.get("/_control/state")
async def state(request: web.Request) -> web.Response:
    """Everyone and every chat, for the sandbox page and for debugging a test."""
    world = _world(request)
    users = [
        u.to_json() | {"started": u.started, "blocked": u.blocked}
        for u in world.users.values()
        if not u.is_bot
    ]
    chats = [
        c.to_json(world.users)
        | {
            "members": {str(k): v for k, v in c.members.items()},
            "topics": [{"thread_id": t.thread_id, "name": t.name} for t in c.topics.values()],
        }
        for c in world.chats.values()
    ]
    return web.json_response(
        {
            "bot": world.bot.to_json(),
            "privacy_mode": world.privacy_mode,
            "users": users,
            "chats": chats,
            "seq": world.seq,
        }
    )


@routes.post("/_control/users")
async def add_user(request: web.Request) -> web.Response:
    body = await _body(request)
    user = people.add_user(
        _world(request),
        int(body["user_id"]),
        str(body["first_name"]),
        username=body.get("username"),
        last_name=body.get("last_name"),
        language_code=body.get("language_code", "nl"),
    )
    return web.json_response(user.to_json())


@routes.post("/_control/users/{user_id}/start")
async def start_private_chat(request: web.Request) -> web.Response:
    body = await _body(request)
    user_id = int(request.match_info["user_id"])
    stored = people.start_private_chat(_world(request), user_id, body.get("payload"))
    return web.json_response(stored.payload)


@routes.post("/_control/users/{user_id}/language")
async def set_language(request: web.Request) -> web.Response:
    body = await _body(request)
    people.set_language(_world(request), int(request.match_info["user_id"]),
                        body.get("language_code"))
    return web.json_response({"ok": True})


@routes.post("/_control/users/{user_id}/block")
async def block_bot(request: web.Request) -> web.Response:
    people.block_bot(_world(request), int(request.match_info["user_id"]))
    return web.json_response({"ok": True})


@routes.post("/_control/groups")
async def add_group(request: web.Request) -> web.Response:
    body = await _body(request)
    world = _world(request)
    chat = people.add_group(
        world,
        int(body["chat_id"]),
        str(body["title"]),
        forum=bool(body.get("forum")),
        supergroup=body.get("supergroup"),
        admins=[int(u) for u in body.get("admins", [])],
        members=[int(u) for u in body.get("members", [])],
        username=body.get("username"),
        added_by=_opt_int(body.get("added_by")),
    )
    return web.json_response(chat.to_json(world.users))


@routes.post("/_control/groups/{chat_id}/migrate")
async def migrate_to_supergroup(request: web.Request) -> web.Response:
    new_id = people.migrate_to_supergroup(_world(request), int(request.match_info["chat_id"]))
    return web.json_response({"chat_id": new_id})


@routes.post("/_control/groups/{chat_id}/topics")
async def add_topic(request: web.Request) -> web.Response:
    body = await _body(request)
    thread_id = people.add_topic(
        _world(request),
        int(request.match_info["chat_id"]),
        str(body["name"]),
        created_by=_opt_int(body.get("created_by")),
    )
    return web.json_response({"thread_id": thread_id})


@routes.post("/_control/groups/{chat_id}/members")
async def add_member(request: web.Request) -> web.Response:
    body = await _body(request)
    people.add_member(
        _world(request),
        int(request.match_info["chat_id"]),
        int(body["user_id"]),
        added_by=_opt_int(body.get("added_by")),
    )
    return web.json_response({"ok": True})


@routes.post("/_control/groups/{chat_id}/members/{user_id}/remove")
async def remove_member(request: web.Request) -> web.Response:
    body = await _body(request)
    people.remove_member(
        _world(request),
        int(request.match_info["chat_id"]),
        int(request.match_info["user_id"]),
        by=_opt_int(body.get("by")),
    )
    return web.json_response({"ok": True})


@routes.post("/_control/groups/{chat_id}/admins")
async def set_admin(request: web.Request) -> web.Response:
    body = await _body(request)
    people.set_admin(
        _world(request),
        int(request.match_info["chat_id"]),
        int(body["user_id"]),
        bool(body.get("admin", True)),
    )
    return web.json_response({"ok": True})


@routes.post("/_control/groups/{chat_id}/bot")
async def set_bot_status(request: web.Request) -> web.Response:
    """The bot is promoted/demoted (`administrator`/`member`), removed (`left`) or banned."""
    body = await _body(request)
    status = str(body["status"])
    if status not in (ADMINISTRATOR, MEMBER, LEFT, KICKED):
        raise ControlError(f"unknown bot status {status!r}")
    world = _world(request)
    chat = world.chat(int(request.match_info["chat_id"]))
    by = _opt_int(body.get("by")) or next(
        (u for u, s in chat.members.items() if s == "creator"), None
    )
    if by is None:
        raise ControlError("the group has no creator to act; pass `by`")
    people.set_bot_membership(world, chat.id, status, by=by)
    return web.json_response({"ok": True})


@routes.post("/_control/privacy")
async def set_privacy_mode(request: web.Request) -> web.Response:
    body = await _body(request)
    _world(request).privacy_mode = bool(body["enabled"])
    return web.json_response({"ok": True})


@routes.post("/_control/messages")
async def send_text(request: web.Request) -> web.Response:
    body = await _body(request)
    stored = people.send_text(
        _world(request),
        int(body["user_id"]),
        int(body["chat_id"]),
        str(body["text"]),
        thread_id=_opt_int(body.get("thread_id")),
        reply_to=_opt_int(body.get("reply_to")),
        as_chat=body.get("as_chat"),
    )
    return web.json_response(stored.view())


@routes.post("/_control/media")
async def send_media(request: web.Request) -> web.Response:
    """Multipart: a `file` part plus a `meta` part holding the JSON fields of send_video()."""
    form = await request.post()
    upload = form.get("file")
    if not isinstance(upload, web.FileField):
        raise ControlError("send a `file` part")
    meta = json.loads(str(form.get("meta") or "{}"))
    stored = await people.send_media(
        _world(request),
        int(meta["user_id"]),
        int(meta["chat_id"]),
        upload.file.read(),
        kind=str(meta.get("kind", "video")),
        caption=meta.get("caption"),
        mime_type=meta.get("mime_type"),
        file_name=meta.get("file_name"),
        thread_id=_opt_int(meta.get("thread_id")),
        reply_to=_opt_int(meta.get("reply_to")),
    )
    return web.json_response(stored.view())


@routes.post("/_control/messages/edit")
async def edit_text(request: web.Request) -> web.Response:
    body = await _body(request)
    stored = people.edit_text(
        _world(request),
        int(body["user_id"]),
        int(body["chat_id"]),
        int(body["message_id"]),
        str(body["text"]),
    )
    return web.json_response(stored.view())


@routes.post("/_control/click")
async def click(request: web.Request) -> web.Response:
    body = await _body(request)
    query_id = people.click(
        _world(request),
        int(body["user_id"]),
        int(body["chat_id"]),
        int(body["message_id"]),
        str(body["button"]),
    )
    return web.json_response({"callback_query_id": query_id})


@routes.get("/_control/callback_queries/{query_id}")
async def callback_query(request: web.Request) -> web.Response:
    query = _world(request).callback_queries.get(request.match_info["query_id"])
    if query is None:
        raise ControlError("unknown callback query id")
    return web.json_response({"answered": query.answered, "answer": query.answer})


@routes.get("/_control/messages")
async def messages(request: web.Request) -> web.Response:
    """Message views, oldest first; filters: chat_id, thread_id, since (seq), from_bot."""
    world, query = _world(request), request.query
    chat_id, thread_id = _opt_int(query.get("chat_id")), _opt_int(query.get("thread_id"))
    since = _opt_int(query.get("since")) or 0
    from_bot = query.get("from_bot")
    found = [
        m.view()
        for m in world.messages.values()
        if (chat_id is None or m.chat_id == chat_id)
        and (thread_id is None or m.thread_id == thread_id)
        and m.seq > since
        and (from_bot is None or m.from_bot == (from_bot in ("1", "true")))
    ]
    found.sort(key=lambda v: v["created"])
    return web.json_response(found)


@routes.get("/_control/seq")
async def seq(request: web.Request) -> web.Response:
    return web.json_response({"seq": _world(request).seq})


@routes.get("/_control/files/{file_id}")
async def file_bytes(request: web.Request) -> web.Response:
    stored = _world(request).files.get(request.match_info["file_id"])
    if stored is None:
        raise ControlError("unknown file_id")
    return web.Response(
        body=stored.data, content_type=stored.mime_type or "application/octet-stream"
    )


@routes.get("/_control/commands")
async def commands(request: web.Request) -> web.Response:
    world = _world(request)
    if request.query.get("all"):
        return web.json_response(
            [
                {"scope": json.loads(s), "language_code": lang, "commands": cmds}
                for (s, lang), cmds in world.commands.items()
            ]
        )
    scope = json.loads(request.query.get("scope") or "null")
    key = (scope_key(scope), request.query.get("language_code", ""))
    return web.json_response(world.commands.get(key))


@routes.post("/_control/slow")
async def slow(request: web.Request) -> web.Response:
    """The next `times` calls of `method` take effect, then answer only after `seconds`."""
    body = await _body(request)
    waiting = _world(request).slow_answers.setdefault(str(body["method"]).lower(), [])
    waiting.extend([float(body["seconds"])] * int(body.get("times", 1)))
    return web.json_response({"ok": True})


@routes.post("/_control/arm")
async def arm(request: web.Request) -> web.Response:
    """The next `times` calls of `method` fail: 429 with retry_after, or any code/description."""
    body = await _body(request)
    retry_after = _opt_int(body.get("retry_after"))
    code = int(body.get("error_code", 429))
    description = body.get("description") or (
        f"Too Many Requests: retry after {retry_after}" if code == 429 else "Internal Server Error"
    )
    _world(request).armed.append(
        ArmedFailure(
            str(body["method"]).lower(),
            int(body.get("times", 1)),
            code,
            str(description),
            retry_after,
        )
    )
    return web.json_response({"ok": True})


@routes.get("/_control/updates")
async def updates(request: web.Request) -> web.Response:
    queue = _world(request).updates
    return web.json_response(
        {"pending": queue.pending_count(), "waiting": queue.waiting, "polls": queue.poll_count}
    )


@routes.post("/_control/updates/redeliver")
async def redeliver(request: web.Request) -> web.Response:
    return web.json_response({"update_id": _world(request).updates.redeliver_last()})


@routes.get("/_control/calls")
async def calls(request: web.Request) -> web.Response:
    method = (request.query.get("method") or "").lower()
    since = _opt_int(request.query.get("since")) or 0
    found = [
        c.to_json()
        for c in _world(request).calls
        if c.seq > since and (not method or c.method.lower() == method)
    ]
    return web.json_response(found)
