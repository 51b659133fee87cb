"""`intervision sandbox`: try the real bot without Telegram.

Starts the fake Bot API with a demo group and a coach, runs the real bot against it with a
clock the page can move on (`python -m bot.cli.sandbox_bot`, which reads the offset from
`$INTERVISION_DATA_DIR/sandbox-clock`), and serves the guided page at http://HOST:PORT/: a
"start here", a demo cycle with simulated peers (fake_telegram/peers.py), every private chat
visible. Ctrl-C stops everything. Run it directly with `python -m bot.cli.sandbox`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import socket
import sys
from collections.abc import Sequence
from pathlib import Path

from fake_telegram import FakeTelegramControl, FakeTelegramServer
from fake_telegram.botprocess import BotProcess, bot_env
from fake_telegram.clock import SandboxClock
from fake_telegram.demo import DemoGroup
from fake_telegram.sandbox import Sandbox, make_sample_clip

# The bot with the movable clock (bot/cli/sandbox_bot.py, bot/startup/sandbox_clock.py).
SANDBOX_COMMAND = (sys.executable, "-m", "bot.cli.sandbox_bot")
CLOCK_VARIABLE = "INTERVISION_SANDBOX_CLOCK"
PASSED_ON = ("INTERVISION_GROUP_MESSAGES_PER_MINUTE",)


def _data_dir() -> Path:
    return Path(os.environ.get("INTERVISION_DATA_DIR") or "data")


def _free_port(host: str) -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def _fresh_database(path: Path) -> None:
    """The fake Telegram forgets its world on exit (message and file ids start over), so a
    database from an earlier sandbox run would point at things that no longer exist."""
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()


async def run_sandbox(
    host: str = "127.0.0.1", port: int = 8080, *, bot_command: Sequence[str] = SANDBOX_COMMAND
) -> None:
    """Serves the fake Telegram + page on host:port and runs `bot_command` against it until
    Ctrl-C/SIGTERM or until the bot exits."""
    data_dir = _data_dir()
    data_dir.mkdir(parents=True, exist_ok=True)
    db_path = data_dir / "sandbox.db"
    _fresh_database(db_path)
    clip = make_sample_clip(data_dir)

    server = FakeTelegramServer(host=host, port=port or _free_port(host))
    control = FakeTelegramControl(server.url)
    clock = SandboxClock(data_dir / "sandbox-clock", db_path, server.world)
    sandbox = Sandbox(control, DemoGroup(), clock, db_path, clip, server.world.bot.username or "")
    server.extra_routes.extend(sandbox.routes())
    await server.start()
    env = bot_env(
        server.url,
        server.token,
        db_path=db_path,
        data_dir=data_dir,
        timezone=os.environ.get("INTERVISION_TIMEZONE", "Europe/Amsterdam"),
        log_level=os.environ.get("INTERVISION_LOG_LEVEL", "INFO"),
    ) | {CLOCK_VARIABLE: str(clock.path)} | {
        # Passed on when set, e.g. a higher send rate for the fast browser test.
        name: os.environ[name] for name in PASSED_ON if name in os.environ}
    process = BotProcess(control, env, command=bot_command, new_session=True)
    # Ctrl-C and SIGTERM (docker stop) end the wait below, so that the bot, which runs in its
    # own session, is always stopped by us and never left polling a vanished server.
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stopping.set)
    try:
        # The cast and the free-play group are made when the page first opens, in its language.
        print(f"Sandbox: open {server.url}/ (group: {DemoGroup().title!r}); Ctrl-C stops.",
              flush=True)
        try:
            await process.start(timeout=60.0)
        except RuntimeError as error:  # its own output, above, says why
            print(f"Sandbox: {error}", flush=True)
            return
        print("Sandbox: the bot is running.", flush=True)
        while process.running and not stopping.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stopping.wait(), 0.5)
        if not process.running:
            print(f"Sandbox: the bot stopped (exit code {process.returncode}).", flush=True)
    finally:
        print("Sandbox: stopping ...", flush=True)
        await sandbox.stop()
        await process.shutdown()
        await control.aclose()
        await server.stop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="intervision sandbox", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args(argv)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run_sandbox(args.host, args.port))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
