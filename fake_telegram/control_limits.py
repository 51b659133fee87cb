"""`/_control/` endpoints that switch Telegram's flood limits and injected faults on and off,
and count what they gave (see limits.py)."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from .keys import WORLD
from .limits import FaultSettings, kinds_of

routes = web.RouteTableDef()


async def _body(request: web.Request) -> dict[str, Any]:
    body = await request.json() if request.can_read_body else {}
    if not isinstance(body, dict):
        raise TypeError("the request body must be a JSON object")
    return body


@routes.post("/_control/limits")
async def set_limits(request: web.Request) -> web.Response:
    """{"enabled": bool}; switching resets the windows, so a test starts from a quiet bot."""
    body = await _body(request)
    limits = request.app[WORLD].limits
    limits.enabled = bool(body["enabled"])
    limits.clear()
    return web.json_response({"ok": True})


@routes.post("/_control/faults")
async def set_faults(request: web.Request) -> web.Response:
    """{"rate": 0..1, "kinds": [...], "seed": int|null, "hold": seconds}; counts start anew."""
    body = await _body(request)
    faults = request.app[WORLD].faults
    hold = body.get("hold")
    faults.configure(
        FaultSettings(
            rate=float(body.get("rate", 0)),
            kinds=kinds_of(body.get("kinds")),
            seed=None if body.get("seed") is None else int(body["seed"]),
            hold=faults.settings.hold if hold is None else float(hold),
        )
    )
    faults.given.clear()
    return web.json_response({"ok": True})


@routes.get("/_control/limits/stats")
async def limit_stats(request: web.Request) -> web.Response:
    world = request.app[WORLD]
    return web.json_response({"limits": world.limits.stats(), "faults": world.faults.stats()})
