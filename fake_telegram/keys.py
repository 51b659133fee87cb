"""Typed keys for what the aiohttp app carries."""

from __future__ import annotations

from aiohttp import web

from .world import World

WORLD = web.AppKey("world", World)
