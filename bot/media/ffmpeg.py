"""Clips: probe, storyboard, still and replay fragment (deleting local files after their
retention is `bot/media/retention.py`'s).

An adapter (see STYLE.md): it takes paths and numbers and returns paths or values; whether a
clip is acceptable for a cycle is for `flows/` to decide from a `ClipInfo` or `ClipProblem`.

Every ffmpeg/ffprobe run is a subprocess awaited with a timeout (and killed after it;
`bot/media/process.py`), so the bot's event loop never blocks; a storyboard is one ffmpeg run
(filters from `contact_sheet.py`). Some command lines are built with ffmpeg-python's graph API;
we run them ourselves because `ffmpeg.run`/`ffmpeg.probe` block and have no timeout.

Clips show children, so derivatives stay small: stills are downscaled, fragments are
re-encoded small with all metadata (location, device) stripped.
"""

from __future__ import annotations

import logging
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import ffmpeg

from bot.media import contact_sheet
from bot.media.process import MediaError, ToolMissing, ffprobe_json, run_process, source_path
from bot.media.process import run_stdout as _run
from flows.classifier.timestamps import clock

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


# --- running ffmpeg -------------------------------------------------------------------------


def _ffmpeg_args(stream: Any) -> list[str]:
    args: list[str] = stream.global_args("-nostdin", "-v", "error").overwrite_output().compile()
    return args


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
    except ToolMissing:
        raise  # the machine lacks ffmpeg; the clip is not to blame
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
    """Describe a clip, or say what is wrong with it. Never raises for a bad file; raises
    ToolMissing when ffprobe or ffmpeg is not installed.

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


@dataclass(frozen=True)
class StillFrame:
    """A still and the moment it shows. `past_end`: the time asked lies past the clip's last
    frame, so this is the last frame, at `seconds` ("the clip ends at 1:23")."""

    path: Path
    seconds: float
    past_end: bool = False


_PTS_TIME = re.compile(rb"pts_time:\s*(-?[0-9.]+)")


def _image_options(out_path: Path, width: int | None, *, log_times: bool = False) -> list[str]:
    # At most `width` px wide, never upscaled; even height for the JPEG encoder's chroma.
    filters = [f"scale='min({width},iw)':-2"] if width else []
    if log_times:
        filters.insert(0, "showinfo")  # each frame's time in the clip, in ffmpeg's log
    quality = ["-q:v", "3"] if out_path.suffix.lower() in (".jpg", ".jpeg") else []
    # -update 1: the name is a plain file name, never an image2 pattern such as "%d".
    return [*(["-vf", ",".join(filters)] if filters else []), *quality, "-update", "1",
            "-map_metadata", "-1"]


async def _frame_at(source: str, seconds: float, out: Path, width: int | None,
                    timeout: float) -> bool:
    args = ["ffmpeg", "-nostdin", "-v", "error", "-y", "-ss", f"{seconds:.3f}", "-i", source,
            "-map", "0:v:0", "-frames:v", "1", *_image_options(out, width), str(out)]
    await _run(args, timeout, "still")
    return out.exists() and out.stat().st_size > 0


async def _last_frame(source: str, out: Path, width: int | None, timeout: float) -> float:
    """Write the clip's last frame; return its time in the clip (from ffmpeg's showinfo)."""
    # Decode the last second and keep overwriting the image, so the last frame stays; -copyts
    # keeps the clip's own time stamps for showinfo.
    args = ["ffmpeg", "-nostdin", "-v", "info", "-y", "-sseof", "-1", "-copyts", "-i", source,
            "-map", "0:v:0", *_image_options(out, width, log_times=True), str(out)]
    _, log_text = await run_process(args, timeout, "still")
    if not out.exists() or out.stat().st_size == 0:
        raise MediaError("still: no frame decoded")
    times = _PTS_TIME.findall(log_text)
    return max(0.0, float(times[-1])) if times else 0.0


async def still_frame(
    path: str | os.PathLike[str],
    seconds: float,
    out_path: str | os.PathLike[str],
    *,
    width: int | None = 960,
    timeout: float = FRAME_TIMEOUT,
    duration: float | None = None,
) -> StillFrame:
    """The frame at `seconds` as a JPEG (PNG by suffix), at most `width` px wide.

    Pass the clip's `duration` when it is known (from `probe`): then no probe runs first. A
    time past the last frame gives the last frame with `past_end` and its real time.
    """
    if not math.isfinite(seconds):
        raise ValueError("still needs a finite time")
    source = source_path(path)
    if duration is None:
        duration = (await _require_clip(source, timeout)).duration
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    seconds = max(0.0, seconds)
    if seconds <= duration and await _frame_at(source, seconds, out, width, timeout):
        return StillFrame(out, seconds)
    # Past the last frame, seeking yields nothing (durations are often rounded up).
    return StillFrame(out, await _last_frame(source, out, width, timeout), past_end=True)


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
    duration: float | None = None,
) -> Path:
    """A contact sheet of `frames` evenly spaced stills with m:ss on each; PNG or JPEG by suffix.

    One ffmpeg run over the keyframes near `storyboard_times` (labels: each frame's own time);
    a clip with too few keyframes for that gets one exact seek per tile instead.
    """
    if frames < 1 or columns < 1 or width < 16:
        raise ValueError("storyboard needs frames >= 1, columns >= 1, width >= 16")
    source = source_path(path)
    if duration is None:
        duration = (await _require_clip(source, timeout)).duration
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    times = storyboard_times(duration, frames)
    quality = ["-q:v", "3"] if out.suffix.lower() in (".jpg", ".jpeg") else []
    tail = [*quality, "-frames:v", "1", "-update", "1", "-map_metadata", "-1", str(out)]
    try:
        _, log_text = await run_process(
            ["ffmpeg", "-nostdin", "-v", "info", "-y", "-skip_frame", "nokey", "-i", source,
             "-an", "-sn", "-dn", "-vf", contact_sheet.keyframe_filter(times, columns, width),
             "-fps_mode", "vfr", *tail], timeout, "storyboard")
        if len(_PTS_TIME.findall(log_text)) == frames:
            return out
        seeks = [arg for t in times for arg in ("-ss", f"{t:.3f}", "-i", source)]
        graph = contact_sheet.exact_filter([clock(t) for t in times], columns, width)
        await run_process(["ffmpeg", "-nostdin", "-v", "error", "-y", *seeks, "-filter_complex",
                           graph, "-map", "[sheet]", *tail], timeout, "storyboard")
    except BaseException:
        out.unlink(missing_ok=True)
        raise
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
