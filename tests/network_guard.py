"""No test reaches the real network by accident (after python-telegram-bot's
tests/auxil/networking.py): a connection or a name lookup for anything but this machine
raises `RealNetworkCall`. The autouse fixture in tests/conftest.py switches it on for every
test; child processes (the bot in tests/e2e, ffmpeg) are not affected, and only ever talk to
the local fake Bot API.

`RealNetworkCall` is no OSError on purpose: code that retries network failures must not take
it for a passing hiccup and let the test pass anyway."""
from __future__ import annotations

import ipaddress
import socket
from typing import Any

import pytest

LOCAL_NAMES = {"localhost", "localhost.localdomain", ""}


class RealNetworkCall(RuntimeError):
    """A test tried to reach a host other than this machine."""


def is_local(host: object) -> bool:
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    if not isinstance(host, str):
        return False
    name = host.strip("[]").split("%")[0].lower()
    if name in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _check_address(address: Any) -> None:
    # A Unix socket's address is a path; an internet address is (host, port, ...).
    if isinstance(address, tuple) and address and not is_local(address[0]):
        raise RealNetworkCall(f"a test tried to connect to {address[0]!r}")


def guard(monkeypatch: pytest.MonkeyPatch) -> None:
    """Makes every socket connection and name lookup outside this machine raise."""
    connect, connect_ex = socket.socket.connect, socket.socket.connect_ex
    create_connection, getaddrinfo = socket.create_connection, socket.getaddrinfo

    def guarded_connect(self: socket.socket, address: Any) -> None:
        _check_address(address)
        connect(self, address)

    def guarded_connect_ex(self: socket.socket, address: Any) -> int:
        _check_address(address)
        return connect_ex(self, address)

    def guarded_create_connection(address: tuple[str | None, int], *args: Any,
                                  **kwargs: Any) -> socket.socket:
        _check_address(address)
        return create_connection(address, *args, **kwargs)

    def guarded_getaddrinfo(host: bytes | str | None, *args: Any, **kwargs: Any) -> Any:
        if not is_local(host):
            raise RealNetworkCall(f"a test tried to look up {host!r}")
        return getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded_connect_ex)
    monkeypatch.setattr(socket, "create_connection", guarded_create_connection)
    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)
