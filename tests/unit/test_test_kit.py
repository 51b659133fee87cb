"""The suite's own safety nets: the guard against real network calls (tests/conftest.py,
tests/network_guard.py) fires, and `eventually` waits, returns and fails as it says."""
from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator

import httpx
import pytest

from tests.network_guard import RealNetworkCall, is_local
from tests.waiting import eventually

OUTSIDE = ("192.0.2.1", 443)  # TEST-NET-1: never routed, so a leak would hang, not connect


def test_a_connection_to_another_host_is_refused() -> None:
    with socket.socket() as sock, pytest.raises(RealNetworkCall, match="192.0.2.1"):
        sock.connect(OUTSIDE)
    with socket.socket() as sock, pytest.raises(RealNetworkCall):
        sock.connect_ex(OUTSIDE)
    with pytest.raises(RealNetworkCall):
        socket.create_connection(OUTSIDE, timeout=1)


def test_a_name_lookup_outside_this_machine_is_refused() -> None:
    with pytest.raises(RealNetworkCall, match="api.telegram.org"):
        socket.getaddrinfo("api.telegram.org", 443)


async def test_an_http_client_cannot_reach_telegram() -> None:
    async with httpx.AsyncClient(timeout=2) as client:
        with pytest.raises(RealNetworkCall):
            await client.get("https://api.telegram.org/bot123:abc/getMe")


async def test_this_machine_stays_reachable() -> None:
    async def hello(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(b"hoi")
        await writer.drain()
        writer.close()

    listener = await asyncio.start_server(hello, "127.0.0.1", 0)
    port = listener.sockets[0].getsockname()[1]
    async with listener:
        for host in ("127.0.0.1", "localhost"):
            reader, writer = await asyncio.open_connection(host, port)
            assert await reader.read() == b"hoi"
            writer.close()
    assert socket.getaddrinfo("localhost", port)


@pytest.mark.parametrize(("host", "local"), [
    ("127.0.0.1", True), ("::1", True), ("localhost", True), (None, True), (b"127.0.0.2", True),
    ("10.0.0.1", False), ("api.telegram.org", False), ("0.0.0.0", False),
])
def test_local_means_this_machine(host: str | bytes | None, local: bool) -> None:
    assert is_local(host) is local


async def test_eventually_returns_the_first_truthy_result_of_a_plain_or_async_check() -> None:
    answers: Iterator[object] = iter([None, [], {"text": "ja"}])
    assert await eventually(lambda: next(answers), interval=0.001) == {"text": "ja"}

    calls = 0

    async def third_time() -> int:
        nonlocal calls
        calls += 1
        return calls if calls >= 3 else 0

    assert await eventually(third_time, interval=0.001) == 3


async def test_eventually_fails_with_what_it_waited_for_and_what_it_saw() -> None:
    with pytest.raises(AssertionError, match=r"within 0.05 s: rows \(last result: \[\]\)"):
        await eventually(list, timeout=0.05, what="rows")

    def two_answers() -> bool:
        raise AssertionError("still two")  # a check that keeps failing, as eventually sees it

    with pytest.raises(AssertionError, match=r"two_answers \(last failure: still two"):
        await eventually(two_answers, timeout=0.05)
