"""The fake Bot API server: an aiohttp app that answers like api.telegram.org.

A PTB bot points at it with
`ApplicationBuilder().token(T).base_url(f"{url}/bot").base_file_url(f"{url}/file/bot")`;
tests and the sandbox act as people through `/_control/...` (see control.py).
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from aiohttp import web

from . import api_bot, api_chats, api_media, api_messages, control_limits, control_routes
from .errors import NOT_FOUND, UNAUTHORIZED, ApiError
from .keys import WORLD
from .limits import Fault, FaultSettings, env_flag
from .model import ApiCall
from .params import Params, read_params
from .registry import MethodTable
from .world import World

log = logging.getLogger(__name__)

DEFAULT_TOKEN = "7000000001:AAFakeTelegramTokenForIntervisionTests"
STATIC_DIR = Path(__file__).parent / "static"
MAX_REQUEST_SIZE = 100 * 1024 * 1024  # uploads above getFile's 20 MB limit must still arrive

METHODS = MethodTable()
for _module in (api_bot, api_chats, api_media, api_messages):
    METHODS.update(_module.methods)


def _loggable(params: Params) -> dict[str, Any]:
    values: dict[str, Any] = dict(params.values)
    for name, upload in params.uploads.items():
        values[name] = f"<upload {upload.filename} {len(upload.data)} bytes>"
    return values


async def _api(request: web.Request) -> web.StreamResponse:
    world: World = request.app[WORLD]
    method = request.match_info["method"]
    if request.match_info["token"] != world.token:
        return web.json_response(UNAUTHORIZED.to_json(), status=401)
    try:
        params = await read_params(request)
    except ApiError as error:
        return web.json_response(error.to_json(), status=error.error_code)
    # Logged on arrival, so a parked long poll already counts as "the bot polled".
    call = world.record_call(method, _loggable(params))
    try:
        handler = METHODS.get(method)
        if handler is None:
            log.warning("fake Telegram does not implement %s", method)
            raise NOT_FOUND
        failure = world.take_armed_failure(method)
        if failure is not None:
            raise failure
        fault = world.faults.draw(_long_poll(method, params))
        if fault is not None:
            return await _fail(request, call, fault)
        world.limits.admit(method, *_limit_target(world, params))
        result = await handler(world, params)
        slow = world.take_slow_answer(method)
        if slow:  # done, but the answer is late: a client that gave up may send it again
            await asyncio.sleep(slow)
    except ApiError as error:
        call.status = error.error_code
        return web.json_response(error.to_json(), status=error.error_code)
    call.status = 200
    return web.json_response({"ok": True, "result": result})


def _long_poll(method: str, params: Params) -> float:
    if method.lower() != "getupdates":
        return 0.0
    try:
        return float(params.values.get("timeout") or 0)
    except (TypeError, ValueError):
        return 0.0


def _limit_target(world: World, params: Params) -> tuple[int | None, bool]:
    """The chat a sending call counts against, and whether it is private; None when the
    call names no usable chat (the method itself then answers with Telegram's error)."""
    if not params.has("chat_id"):
        return None, False  # inline messages count for the whole bot only
    try:
        chat = world.chat_for_bot(params.chat_id())
    except ApiError:
        return None, False
    return chat.id, chat.type == "private"


async def _fail(request: web.Request, call: ApiCall, fault: Fault) -> web.StreamResponse:
    """Answers an injected fault; the method never ran, so the world is unchanged."""
    if fault.hold:
        await asyncio.sleep(fault.hold)  # the client has given up by now
    if fault.error is None:
        call.status = 0  # no answer at all
        if request.transport is not None:
            request.transport.abort()
        return web.Response()  # written nowhere; aiohttp drops it quietly
    call.status = fault.error.error_code
    return web.json_response(fault.error.to_json(), status=fault.error.error_code)


async def _download(request: web.Request) -> web.StreamResponse:
    world: World = request.app[WORLD]
    if request.match_info["token"] != world.token:
        return web.json_response(UNAUTHORIZED.to_json(), status=401)
    path = request.match_info["path"]
    stored = next((f for f in world.files.values() if f.file_path == path), None)
    if stored is None:
        return web.json_response(NOT_FOUND.to_json(), status=404)
    return web.Response(
        body=stored.data, content_type=stored.mime_type or "application/octet-stream"
    )


async def _index(request: web.Request) -> web.FileResponse:
    return web.FileResponse(STATIC_DIR / "index.html")


def build_app(world: World, extra_routes: Sequence[web.RouteDef] = ()) -> web.Application:
    app = web.Application(client_max_size=MAX_REQUEST_SIZE, middlewares=[control_routes.errors])
    app.router.add_routes(extra_routes)  # the sandbox's /_demo/ endpoints
    app[WORLD] = world
    app.router.add_route("*", "/bot{token}/{method}", _api)
    app.router.add_get("/file/bot{token}/{path:.+}", _download)
    app.router.add_routes(control_routes.routes)
    app.router.add_routes(control_limits.routes)
    app.router.add_get("/", _index)
    app.router.add_static("/static/", STATIC_DIR)
    return app


class FakeTelegramServer:
    """Runs the fake Bot API on `host:port` (port 0 = a free one) inside the current loop."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        bot_username: str = "intervision_test_bot",
        bot_first_name: str = "Intervisie",
        privacy_mode: bool = False,
        limits: bool | None = None,
        faults: FaultSettings | None = None,
        extra_routes: Sequence[web.RouteDef] = (),
    ) -> None:
        """`extra_routes` are served beside the Bot API (the sandbox's demo endpoints).
        `limits` (Telegram's flood limits) and `faults` default to the environment:
        FAKE_TELEGRAM_LIMITS=1 and FAKE_TELEGRAM_FAULT_RATE/_KINDS/_SEED/_HOLD (limits.py)."""
        self.world = World(
            token,
            bot_username=bot_username,
            bot_first_name=bot_first_name,
            privacy_mode=privacy_mode,
            limits=env_flag("FAKE_TELEGRAM_LIMITS") if limits is None else limits,
            faults=FaultSettings.from_env() if faults is None else faults,
        )
        self.host = host
        self.port = port
        self.extra_routes = list(extra_routes)
        self._runner: web.AppRunner | None = None

    @property
    def token(self) -> str:
        return self.world.token

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def api_base_url(self) -> str:
        """PTB's `base_url`; PTB appends the token."""
        return f"{self.url}/bot"

    @property
    def file_base_url(self) -> str:
        """PTB's `base_file_url`; PTB appends the token."""
        return f"{self.url}/file/bot"

    async def start(self) -> str:
        # Bind the socket ourselves: it gives the real port for port 0 without private API.
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self.port))
        self.port = sock.getsockname()[1]
        app = build_app(self.world, self.extra_routes)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
        await self._runner.setup()
        await web.SockSite(self._runner, sock).start()
        log.info("fake Telegram listening on %s", self.url)
        return self.url

    async def stop(self) -> None:
        if self._runner is None:
            return
        self.world.updates.close()  # parked long polls answer now instead of after `timeout`
        await self._runner.cleanup()
        self._runner = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()
