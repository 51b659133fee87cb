"""One way to wait in a test: `eventually(check)` asks again until the check holds or the time
is up, then fails with what it waited for and what it saw last.

    await eventually(lambda: db_rows(db, "SELECT 1 FROM outbox"), timeout=20,
                     what="the prompt stored in the outbox")
    answer = await eventually(lambda: tg.callback_answer(query), what="the button's answer")

The check may be a plain function or a coroutine function. A truthy result ends the wait and
is returned; an AssertionError inside the check counts as "not yet" (its message is kept for
the failure), so a check may also be a few asserts.
"""
from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar, overload

T = TypeVar("T")


@overload
async def eventually(check: Callable[[], Awaitable[T | None]], *, timeout: float = ...,
                     interval: float = ..., what: str | None = ...) -> T: ...


@overload
async def eventually(check: Callable[[], T | None], *, timeout: float = ...,
                     interval: float = ..., what: str | None = ...) -> T: ...


async def eventually(check: Callable[[], Any], *, timeout: float = 10.0,
                     interval: float = 0.05, what: str | None = None) -> Any:
    """The first truthy result of `check`, asked every `interval` seconds for `timeout`."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        try:
            result = check()
            if inspect.isawaitable(result):
                result = await result
            last = f"last result: {result!r}"
            if result:
                return result
        except AssertionError as failed:
            last = f"last failure: {failed}"
        if loop.time() >= deadline:
            name = what or getattr(check, "__qualname__", repr(check))
            raise AssertionError(f"not reached within {timeout:g} s: {name} ({last})")
        await asyncio.sleep(interval)
