"""The real bot (`python -m bot.cli run`) as a child process pointed at the fake server.

Shared by the end-to-end harness and the sandbox, which is why it lives in the package and not
under tests/. The process is watched through the fake server: it counts as started once it has
called getUpdates, i.e. after its post-init work (commands, jobs) is done.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO

from .control import FakeTelegramControl

REPO_ROOT = Path(__file__).resolve().parents[1]
RUN_COMMAND = (sys.executable, "-m", "bot.cli", "run")


def bot_env(
    server_url: str,
    token: str,
    *,
    db_path: Path,
    data_dir: Path,
    timezone: str = "Europe/Amsterdam",
    log_level: str = "INFO",
    base: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """The environment of a bot process that talks to the fake server at `server_url`.

    Inherited TELEGRAM_*/INTERVISION_* variables are dropped so that a developer's real token
    or database can never leak into a test.
    """
    env = {
        key: value
        for key, value in (os.environ if base is None else base).items()
        if not key.startswith(("TELEGRAM_", "INTERVISION_"))
    }
    env.update(
        {
            "TELEGRAM_BOT_TOKEN": token,
            "TELEGRAM_API_BASE_URL": f"{server_url}/bot",
            "TELEGRAM_FILE_BASE_URL": f"{server_url}/file/bot",
            "INTERVISION_DB": str(db_path),
            "INTERVISION_DATA_DIR": str(data_dir),
            "INTERVISION_TIMEZONE": timezone,
            "INTERVISION_LOG_LEVEL": log_level,
            "PYTHONUNBUFFERED": "1",  # the log file shows what happened up to a crash
        }
    )
    return env


class BotProcess:
    """Start, stop (SIGINT), kill (SIGKILL) and restart the bot; its output goes to `log_path`
    (appended across restarts) or, without one, to this process's stdout/stderr."""

    def __init__(
        self,
        control: FakeTelegramControl,
        env: Mapping[str, str],
        *,
        log_path: Path | None = None,
        command: Sequence[str] = RUN_COMMAND,
        cwd: Path = REPO_ROOT,
        new_session: bool = False,
    ) -> None:
        self.control = control
        self.env = dict(env)
        self.log_path = log_path
        self.command = list(command)
        self.cwd = cwd
        # The sandbox starts the bot in its own session so that the terminal's Ctrl-C reaches
        # only the sandbox, which then stops the bot once, cleanly. Tests keep the default so
        # that interrupting pytest also takes the bot down.
        self.new_session = new_session
        self._process: asyncio.subprocess.Process | None = None
        self._log: IO[bytes] | None = None

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.returncode is None

    @property
    def returncode(self) -> int | None:
        return None if self._process is None else self._process.returncode

    @property
    def pid(self) -> int | None:
        return None if self._process is None else self._process.pid

    def log_text(self) -> str:
        if self.log_path is None or not self.log_path.exists():
            return ""
        return self.log_path.read_text(errors="replace")

    async def start(self, timeout: float = 30.0) -> None:
        """Spawns the bot and returns once it has called getUpdates (it is then ready)."""
        if self.running:
            raise RuntimeError("the bot process is already running")
        polls_before = await self._polls()
        if self.log_path is not None:
            self.log_path.parent.mkdir(parents=True, exist_ok=True)
            self._log = self.log_path.open("ab")
        self._process = await asyncio.create_subprocess_exec(
            *self.command,
            cwd=self.cwd,
            env=self.env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=self._log,
            stderr=asyncio.subprocess.STDOUT if self._log else None,
            start_new_session=self.new_session,
        )
        deadline = asyncio.get_running_loop().time() + timeout
        while await self._polls() <= polls_before:
            if self._process.returncode is not None:
                self._close_log()
                raise RuntimeError(
                    f"the bot exited with code {self._process.returncode} before polling"
                    + self._log_tail()
                )
            if asyncio.get_running_loop().time() > deadline:
                await self.kill()
                raise RuntimeError(
                    f"the bot did not call getUpdates within {timeout}s" + self._log_tail()
                )
            await asyncio.sleep(0.05)

    async def _polls(self) -> int:
        # The update queue's counter only grows (the call log is capped), so restarts late in
        # a long sandbox session are still noticed.
        return int((await self.control.update_stats())["polls"])

    async def stop(self, timeout: float = 15.0) -> int:
        """SIGINT (Ctrl-C), as an operator would stop it; returns the exit code. Raises
        AssertionError, after killing it, when the bot does not exit within `timeout`."""
        if self._process is None or self._process.returncode is not None:
            return self._finish()
        self._process.send_signal(signal.SIGINT)
        if await self._wait(timeout) is None:
            await self.kill()
            raise AssertionError(
                f"the bot did not exit within {timeout}s of SIGINT" + self._log_tail()
            )
        return self._finish()

    async def kill(self) -> int:
        """SIGKILL: a crash, with no chance to confirm updates or close the database."""
        if self._process is not None and self._process.returncode is None:
            self._process.kill()
            await self._wait(10.0)
        return self._finish()

    async def restart(self, timeout: float = 30.0) -> None:
        await self.stop()
        await self.start(timeout)

    async def shutdown(self) -> None:
        """Stop if still running, whatever it takes (fixture teardown)."""
        if self.running:
            try:
                await self.stop(timeout=10.0)
            except AssertionError:
                pass  # already killed; the test itself decides whether that is a failure
        self._close_log()

    async def _wait(self, timeout: float) -> int | None:
        assert self._process is not None
        try:
            return await asyncio.wait_for(self._process.wait(), timeout)
        except TimeoutError:
            return None

    def _finish(self) -> int:
        self._close_log()
        code = self.returncode
        return -1 if code is None else code

    def _close_log(self) -> None:
        if self._log is not None:
            self._log.close()
            self._log = None

    def _log_tail(self, lines: int = 60) -> str:
        text = self.log_text()
        if not text:
            return ""
        tail = "\n".join(text.splitlines()[-lines:])
        return f"\n--- last lines of {self.log_path} ---\n{tail}"
