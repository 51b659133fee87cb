"""Clips: probe, storyboard, still, replay fragment, and deleting what we keep locally.

An adapter (see STYLE.md): it takes paths and numbers and returns paths or values; whether a
clip is acceptable for a cycle is for `flows/` to decide from a `ClipInfo` or `ClipProblem`.

Every ffmpeg/ffprobe run is a subprocess awaited with a timeout (and killed after it), and
composing images runs in a worker thread, so the bot's event loop never blocks. The ffmpeg
command lines are built with ffmpeg-python's graph API; we run them ourselves because
`ffmpeg.run`/`ffmpeg.probe` block and have no timeout.

Clips show children, so derivatives stay small: stills are downscaled, fragments are
re-encoded small with all metadata (location, device) stripped, and `cleanup_older_than`
deletes local files after their retention.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import ffmpeg

from bot.media import contact_sheet

log = logging.getLogger(__name__)

MAX_BYTES = 20 * 1024 * 1024  # Telegram's getFile limit for bots on the public Bot API
MAX_SECONDS = 10 * 60.0
MIN_SECONDS = 2.0

PROBE_TIMEOUT = 20.0
FRAME_TIMEOUT = 30.0
REPLAY_TIMEOUT = 180.0

ProblemReason = Literal["unreadable", "no_video", "too_long", "too_short", "too_large"]

# ffprobe reports still images (and image sequences) as a video stream; they are no clip.
_IMAGE_FORMATS = ("image2", "_pipe", "webp")


@dataclass(frozen=True)
class ClipInfo:
    """A readable clip. Width and height are as displayed (phone rotation applied)."""

    duration: float
    width: int
    height: int
    has_video: bool
    codec: str
    has_audio: bool = False
    size_bytes: int = 0


@dataclass(frozen=True)
class ClipProblem:
    """An expected problem with a clip, for the flow to answer kindly.

    `actual` and `limit` are in seconds (too_long, too_short) or bytes (too_large), so a
    message can say "12:30, at most 10:00".
    """

    reason: ProblemReason
    actual: float | None = None
    limit: float | None = None


class MediaError(Exception):
    """An unexpected ffmpeg failure. `reason` is short and safe to show; details go to the log."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def format_timestamp(seconds: float) -> str:
    """Seconds as m:ss, the form members type in `/pause 1:23`."""
    total = max(0, int(seconds))
    return f"{total // 60}:{total % 60:02d}"


# --- running ffmpeg -------------------------------------------------------------------------


async def _run(args: list[str], timeout: float, what: str) -> bytes:
    """Run a command, return stdout; MediaError on a non-zero exit or timeout."""
    stdout, _ = await run_process(args, timeout, what)
    return stdout


async def run_process(args: list[str], timeout: float, what: str) -> tuple[bytes, bytes]:
    """Run a command, return stdout and stderr; MediaError on a non-zero exit or timeout.

    For the sibling adapters (sound, transcription): one way to run and kill ffmpeg.
    """
    try:
        proc = await asyncio.create_subprocess_exec(
            *args,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
    except OSError as exc:  # ffmpeg not installed, or not executable
        raise MediaError(f"{what}: {args[0]} not available") from exc
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


def _ffmpeg_args(stream: Any) -> list[str]:
    args: list[str] = stream.global_args("-nostdin", "-v", "error").overwrite_output().compile()
    return args


def source_path(path: str | os.PathLike[str]) -> str:
    # An absolute path cannot be mistaken for an option ("-x.mp4") or a protocol ("concat:").
    return str(Path(path).resolve())


async def ffprobe_json(path: str, timeout: float) -> dict[str, Any] | None:
    args = ["ffprobe", "-v", "error", "-of", "json", "-show_format", "-show_streams", path]
    try:
        out = await _run(args, timeout, "probe")
        data = json.loads(out or b"{}")
    except (MediaError, ValueError):
        return None
    return data if isinstance(data, dict) else None


# --- probe ----------------------------------------------------------------------------------


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) and number > 0 else None


def _rotation(stream: dict[str, Any]) -> int:
    """Degrees a phone recorded the clip rotated by (display matrix or the older tag)."""
    values = [side["rotation"] for side in stream.get("side_data_list") or [] if "rotation" in side]
    values.append(stream.get("tags", {}).get("rotate", 0))
    try:
        return int(abs(float(values[0]))) % 360
    except (TypeError, ValueError):
        return 0


def _video_stream(data: dict[str, Any]) -> dict[str, Any] | None:
    fmt = str(data.get("format", {}).get("format_name", ""))
    if any(marker in fmt for marker in _IMAGE_FORMATS):
        return None
    streams: list[dict[str, Any]] = data.get("streams") or []
    # Cover art in audio files shows up as a one-picture video stream.
    videos = [s for s in streams if s.get("codec_type") == "video"
              and not s.get("disposition", {}).get("attached_pic")]
    return videos[0] if videos else None


async def _decodes_at(path: str, seconds: float, timeout: float) -> bool:
    """Whether a frame at `seconds` can be decoded: catches truncated downloads."""
    stream = ffmpeg.input(path, ss=f"{seconds:.3f}")["v:0"].output(
        "pipe:", vframes=1, vf="scale=16:-2", format="rawvideo", pix_fmt="gray"
    )
    try:
        return len(await _run(_ffmpeg_args(stream), timeout, "decode check")) > 0
    except MediaError:
        return False


async def probe(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = MAX_BYTES,
    max_seconds: float = MAX_SECONDS,
    min_seconds: float = MIN_SECONDS,
    timeout: float = PROBE_TIMEOUT,
    verify_decoding: bool = True,
) -> ClipInfo | ClipProblem:
    """Describe a clip, or say what is wrong with it. Never raises for a bad file.

    `verify_decoding` decodes one frame near the end (about 0.1 s), which catches downloads
    cut off halfway whose header is intact.
    """
    source = source_path(path)
    try:
        size = os.stat(source).st_size
    except OSError:
        return ClipProblem("unreadable")
    if size == 0:
        return ClipProblem("unreadable")
    if size > max_bytes:
        return ClipProblem("too_large", actual=float(size), limit=float(max_bytes))

    data = await ffprobe_json(source, timeout)
    if data is None:
        return ClipProblem("unreadable")
    video = _video_stream(data)
    if video is None:
        return ClipProblem("no_video")
    width, height = int(_number(video.get("width")) or 0), int(_number(video.get("height")) or 0)
    duration = _number(video.get("duration")) or _number(data.get("format", {}).get("duration"))
    if not width or not height or duration is None:
        return ClipProblem("unreadable")
    if duration > max_seconds:
        return ClipProblem("too_long", actual=duration, limit=max_seconds)
    if duration < min_seconds:
        return ClipProblem("too_short", actual=duration, limit=min_seconds)
    if verify_decoding and not await _decodes_at(source, max(0.0, duration - 1.0), timeout):
        return ClipProblem("unreadable")

    if _rotation(video) in (90, 270):
        width, height = height, width
    has_audio = any(s.get("codec_type") == "audio" for s in data.get("streams") or [])
    return ClipInfo(
        duration=duration,
        width=width,
        height=height,
        has_video=True,
        codec=str(video.get("codec_name", "unknown")),
        has_audio=has_audio,
        size_bytes=size,
    )


async def _require_clip(source: str, timeout: float) -> ClipInfo:
    # Derivatives are made of clips already accepted, so only readability matters here;
    # a clip that breaks halfway makes ffmpeg fail, which is a MediaError as well.
    info = await probe(source, max_bytes=2**62, max_seconds=math.inf, min_seconds=0.0,
                       timeout=timeout, verify_decoding=False)
    if isinstance(info, ClipProblem):
        raise MediaError(f"clip {info.reason}")
    return info


# --- stills and storyboard ------------------------------------------------------------------


async def _extract_frame(
    source: str, seconds: float, out_path: Path, width: int | None, timeout: float
) -> Path:
    """Write the frame at `seconds`; past the last frame, write the last frame."""
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.unlink(missing_ok=True)
    scale = {"vf": f"scale={width}:-2"} if width else {}
    quality = {"q:v": 3} if out_path.suffix.lower() in (".jpg", ".jpeg") else {}
    # update=1: the name is a plain file name, never an image2 pattern such as "%d".
    stream = ffmpeg.input(source, ss=f"{max(0.0, seconds):.3f}")["v:0"].output(
        str(out_path), vframes=1, update=1, map_metadata=-1, **scale, **quality
    )
    await _run(_ffmpeg_args(stream), timeout, "still")
    if out_path.exists() and out_path.stat().st_size > 0:
        return out_path
    # Seeking past the last frame yields nothing (durations are often rounded up): take the
    # last second and let the image muxer keep overwriting, which leaves the last frame.
    stream = ffmpeg.input(source, sseof=-1)["v:0"].output(
        str(out_path), update=1, map_metadata=-1, **scale, **quality
    )
    await _run(_ffmpeg_args(stream), timeout, "still")
    if not out_path.exists() or out_path.stat().st_size == 0:
        raise MediaError("still: no frame decoded")
    return out_path


async def still(
    path: str | os.PathLike[str],
    seconds: float,
    out_path: str | os.PathLike[str],
    *,
    width: int | None = 960,
    timeout: float = FRAME_TIMEOUT,
) -> Path:
    """A JPEG of the frame at `seconds` (clamped to the clip), at most `width` px wide."""
    if not math.isfinite(seconds):
        raise ValueError("still needs a finite time")
    source = source_path(path)
    info = await _require_clip(source, timeout)
    width = min(width, info.width) if width else None
    seconds = min(max(0.0, seconds), info.duration)
    return await _extract_frame(source, seconds, Path(out_path), width, timeout)


def storyboard_times(duration: float, frames: int) -> list[float]:
    """Evenly spaced moments, mid-interval so the first black frame and the end are skipped.

    Whole seconds where they stay distinct, so a tile labelled 1:23 shows what `/pause 1:23`
    shows.
    """
    exact = [duration * (i + 0.5) / frames for i in range(frames)]
    whole = [float(math.floor(t)) for t in exact]
    return whole if len(set(whole)) == len(whole) else exact


async def storyboard(
    path: str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    *,
    frames: int = 6,
    columns: int = 3,
    width: int = 320,
    timeout: float = FRAME_TIMEOUT,
) -> Path:
    """A contact sheet of `frames` evenly spaced stills with m:ss on each; PNG or JPEG by suffix."""
    if frames < 1 or columns < 1 or width < 16:
        raise ValueError("storyboard needs frames >= 1, columns >= 1, width >= 16")
    source = source_path(path)
    info = await _require_clip(source, timeout)
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    times = storyboard_times(info.duration, frames)
    # The single stills live only until the sheet is drawn, beside the output (same disk).
    with tempfile.TemporaryDirectory(prefix=".storyboard-", dir=out.parent) as tmp:
        limit = asyncio.Semaphore(3)  # a few ffmpegs at once, not one per tile

        async def one(i: int, t: float) -> Path:
            async with limit:
                return await _extract_frame(source, t, Path(tmp) / f"{i:02d}.png", width, timeout)

        tiles = await asyncio.gather(*(one(i, t) for i, t in enumerate(times)))
        labels = [format_timestamp(t) for t in times]
        await asyncio.to_thread(contact_sheet.compose, list(tiles), labels, out, columns)
    return out




# --- replay ---------------------------------------------------------------------------------


async def replay(
    path: str | os.PathLike[str],
    start: float,
    end: float,
    out_path: str | os.PathLike[str],
    *,
    max_side: int = 640,
    timeout: float = REPLAY_TIMEOUT,
) -> Path:
    """An MP4 of [start, end) clamped to the clip: H.264 (+AAC if the clip has sound), small,
    `+faststart` so Telegram can stream it. ValueError for an empty or inverted range.
    """
    if not (math.isfinite(start) and math.isfinite(end)) or end <= start:
        raise ValueError("replay needs end > start")
    source = source_path(path)
    info = await _require_clip(source, FRAME_TIMEOUT)
    start, end = max(0.0, start), min(end, info.duration)
    if end - start < 0.1:
        raise ValueError("replay range lies outside the clip")
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    # Fit inside max_side x max_side, keep the aspect ratio, even sizes for yuv420p.
    scale = (
        f"scale=w='min({max_side},iw)':h='min({max_side},ih)'"
        ":force_original_aspect_ratio=decrease:force_divisible_by=2"
    )
    clip = ffmpeg.input(source, ss=f"{start:.3f}")
    streams = [clip["v:0"], clip["a:0"]] if info.has_audio else [clip["v:0"]]
    audio: dict[str, Any] = {"c:a": "aac", "b:a": "64k", "ac": 1} if info.has_audio else {}
    stream = ffmpeg.output(
        *streams,
        str(out),
        t=f"{end - start:.3f}",
        vf=scale,
        vcodec="libx264",
        preset="veryfast",
        crf=28,
        pix_fmt="yuv420p",
        movflags="+faststart",
        map_metadata=-1,  # no GPS position or phone model in what we send around
        map_chapters=-1,
        **audio,
    )
    try:
        await _run(_ffmpeg_args(stream), timeout, "replay")
    except BaseException:  # MediaError, or the bot cancelling the job
        out.unlink(missing_ok=True)  # no half-written fragment left behind
        raise
    return out
