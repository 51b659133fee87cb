"""File metadata for uploads: ffprobe on the bytes, and Telegram-shaped file objects.

Telegram measures media on its side; the fake does the same with ffprobe so that a bot checking
duration or size sees real numbers. Unreadable bytes give zeros, like a broken document would.
"""

from __future__ import annotations

import asyncio
import json
import logging
import mimetypes
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .model import StoredFile

log = logging.getLogger(__name__)

MAX_DOWNLOAD_SIZE = 20 * 1024 * 1024  # getFile refuses bigger files ("file is too big")
KINDS = ("photo", "video", "video_note", "animation", "document", "voice")
_FOLDER = {
    "photo": "photos",
    "video": "videos",
    "video_note": "video_notes",
    "animation": "animations",
    "document": "documents",
    "voice": "voice",
}
_DEFAULT_MIME = {
    "photo": "image/jpeg",
    "video": "video/mp4",
    "video_note": "video/mp4",
    "animation": "video/mp4",
    "document": "application/octet-stream",
    "voice": "audio/ogg",
}


@dataclass(frozen=True)
class Probe:
    duration: int = 0
    width: int = 0
    height: int = 0


async def probe(data: bytes, timeout: float = 15.0) -> Probe:
    """Duration (whole seconds) and size of the first video stream, or zeros when unreadable."""
    if not data or shutil.which("ffprobe") is None:
        return Probe()
    with tempfile.NamedTemporaryFile(suffix=".bin") as handle:
        handle.write(data)
        handle.flush()
        process = await asyncio.create_subprocess_exec(
            "ffprobe",
            "-v",
            "error",
            "-print_format",
            "json",
            "-show_format",
            "-show_streams",
            handle.name,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.DEVNULL,
        )
        try:
            out, _ = await asyncio.wait_for(process.communicate(), timeout)
        except TimeoutError:
            process.kill()
            await process.wait()
            return Probe()
    if process.returncode != 0:
        return Probe()
    return _parse_probe(out)


def _parse_probe(out: bytes) -> Probe:
    try:
        info = json.loads(out or b"{}")
    except json.JSONDecodeError:
        return Probe()
    video = next((s for s in info.get("streams", []) if s.get("codec_type") == "video"), None)
    if video is None:  # a voice note: only its length
        try:
            return Probe(round(float(info.get("format", {}).get("duration") or 0)))
        except ValueError:
            return Probe()
    raw_duration = video.get("duration") or info.get("format", {}).get("duration") or 0
    try:
        duration = round(float(raw_duration))
    except ValueError:
        duration = 0
    return Probe(duration, int(video.get("width") or 0), int(video.get("height") or 0))


def guess_mime(kind: str, file_name: str | None, declared: str | None) -> str:
    if declared and declared != "application/octet-stream":
        return declared
    guessed = mimetypes.guess_type(file_name)[0] if file_name else None
    return guessed or _DEFAULT_MIME[kind]


def default_file_name(kind: str, mime_type: str | None) -> str:
    if kind == "animation":
        return "animation.mp4"
    if kind == "document" and mime_type and not mime_type.startswith("video/"):
        return "file" + (mimetypes.guess_extension(mime_type) or ".bin")
    return "video.mp4"


def file_path_for(file: StoredFile, number: int) -> str:
    suffix = (
        Path(file.file_name or "").suffix
        # Photos and video notes keep no name or type, yet their paths end in .jpg and .mp4.
        or mimetypes.guess_extension(file.mime_type or _DEFAULT_MIME[file.kind])
        or ""
    )
    return f"{_FOLDER[file.kind]}/file_{number}{suffix}"


def file_json(file: StoredFile) -> dict[str, Any]:
    """The Bot API object for a file of its kind (Video, VideoNote, Animation, Document, ...)."""
    base: dict[str, Any] = {
        "file_id": file.file_id,
        "file_unique_id": file.file_unique_id,
        "file_size": file.file_size,
    }
    if file.kind == "photo":
        return base | {"width": file.width, "height": file.height}
    if file.kind == "video_note":
        return base | {"length": file.width, "duration": file.duration}
    if file.kind == "voice":
        return base | {"duration": file.duration, "mime_type": file.mime_type or "audio/ogg"}
    if file.kind in ("video", "animation"):
        base |= {"width": file.width, "height": file.height, "duration": file.duration}
    if file.file_name:
        base["file_name"] = file.file_name
    if file.mime_type and file.kind != "photo":
        base["mime_type"] = file.mime_type
    return base


def media_fields(file: StoredFile) -> dict[str, Any]:
    """The Message fields that carry a file. Photos come as a list of sizes; an animation also
    fills `document`, for backward compatibility, exactly as Telegram does."""
    if file.kind == "photo":
        return {"photo": [file_json(file)]}
    fields: dict[str, Any] = {file.kind: file_json(file)}
    if file.kind == "animation":
        fields["document"] = {
            k: v for k, v in file_json(file).items() if k not in ("width", "height", "duration")
        }
    return fields
