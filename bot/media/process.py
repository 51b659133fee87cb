"""Running ffmpeg and ffprobe: awaited with a timeout, killed on timeout or cancellation.

Shared by the media adapters (`ffmpeg.py`, `sound.py`, `transcribe.py`), so there is one way to
start, wait for and kill a process, and one error for what went wrong.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import shutil
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


class MediaError(Exception):
    """An unexpected ffmpeg failure. `reason` is short and safe to show; details go to the log."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class ToolMissing(MediaError):
    """ffmpeg or ffprobe is not installed (or not on PATH): no clip is to blame."""


TOOLS = ("ffmpeg", "ffprobe")


def missing_tools() -> list[str]:
    """The media tools the bot needs that are not on PATH (checked at start)."""
    return [tool for tool in TOOLS if shutil.which(tool) is None]


async def run_stdout(args: list[str], timeout: float, what: str) -> bytes:
    """Run a command, return stdout; MediaError on a non-zero exit or timeout."""
    stdout, _ = await run_process(args, timeout, what)
    return stdout


async def run_process(args: list[str], timeout: float, what: str) -> tuple[bytes, bytes]:
    """Run a command, return stdout and stderr; MediaError on a non-zero exit or timeout."""
    try:
        proc = await asyncio.create_subprocess_exec(
            *args,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
    except OSError as exc:  # ffmpeg not installed, or not executable
        raise ToolMissing(f"{what}: {args[0]} not available") from exc
    try:
        stdout, stderr = await asyncio.wait_for(proc.communicate(), timeout)
    except TimeoutError:
        await _kill(proc)
        raise MediaError(f"{what}: timed out after {timeout:g} s") from None
    except asyncio.CancelledError:
        await _kill(proc)  # never leave an ffmpeg behind chewing on a clip
        raise
    if proc.returncode != 0:
        # stderr may name the file; keep it in the debug log, not in the reason.
        log.debug("%s failed (exit %s): %s", what, proc.returncode, stderr[-2000:])
        raise MediaError(f"{what}: {args[0]} exit {proc.returncode}")
    return stdout, stderr


async def _kill(proc: asyncio.subprocess.Process) -> None:
    if proc.returncode is None:
        proc.kill()
        await proc.wait()


def source_path(path: str | os.PathLike[str]) -> str:
    """An absolute path: it cannot be mistaken for an option ("-x.mp4") or a protocol
    ("concat:")."""
    return str(Path(path).resolve())


async def ffprobe_json(path: str, timeout: float) -> dict[str, Any] | None:
    """ffprobe's streams and format as a dict; None for a file it cannot read."""
    args = ["ffprobe", "-v", "error", "-of", "json", "-show_format", "-show_streams", path]
    try:
        out = await run_stdout(args, timeout, "probe")
        data = json.loads(out or b"{}")
    except ToolMissing:
        raise
    except (MediaError, ValueError):
        return None
    return data if isinstance(data, dict) else None
