"""The table of Bot API methods the fake implements, filled by the `api_*` modules."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from .params import Params
from .world import World

Method = Callable[[World, Params], Awaitable[Any]]


class MethodTable:
    """Method name -> handler. Telegram matches method names case-insensitively."""

    def __init__(self) -> None:
        self._methods: dict[str, Method] = {}

    def register(self, name: str) -> Callable[[Method], Method]:
        def add(handler: Method) -> Method:
            self._methods[name.lower()] = handler
            return handler

        return add

    def get(self, name: str) -> Method | None:
        return self._methods.get(name.lower())

    def update(self, other: MethodTable) -> None:
        self._methods.update(other._methods)

    def names(self) -> list[str]:
        return sorted(self._methods)
