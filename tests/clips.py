"""Small media made with the system ffmpeg, for the layers that need a real file."""
from __future__ import annotations

import subprocess
from pathlib import Path


def ffmpeg(*args: str) -> None:
    """Runs ffmpeg quietly, overwriting its output; a failure fails the test."""
    subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", *args], check=True, timeout=60)


def make_clip(path: Path, *, seconds: int = 2, size: str = "160x120", rate: int = 10) -> Path:
    """A silent H.264 test picture (`testsrc`) of `seconds` at `size` and `rate` frames a
    second."""
    ffmpeg("-f", "lavfi", "-i", f"testsrc=duration={seconds}:size={size}:rate={rate}",
           "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", str(path))
    return path
