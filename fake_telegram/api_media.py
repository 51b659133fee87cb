"""Bot API methods for files: sending photos/videos/documents, media groups, getFile."""

from __future__ import annotations

from typing import Any

from . import errors
from .media import MAX_DOWNLOAD_SIZE, file_path_for, guess_mime, media_fields, probe
from .model import StoredFile
from .params import Params, Upload
from .registry import MethodTable
from .sending import MAX_CAPTION, bot_send, formatted
from .world import World

methods = MethodTable()
MAX_PHOTO_SIZE = 10 * 1024 * 1024  # an uploaded photo; other files may have 50 MB
MAX_PHOTO_SIDES = 10_000  # width + height
MAX_PHOTO_RATIO = 20


async def _stored_upload(world: World, upload: Upload, kind: str) -> StoredFile:
    if not upload.data:
        raise errors.bad_request(errors.EMPTY_FILE)
    measured = await probe(upload.data)
    if kind == "photo":
        _check_photo(len(upload.data), measured.width, measured.height)
    file_id, unique_id = world.new_file_ids(kind)
    named = kind not in ("photo", "video_note")
    return world.add_file(
        StoredFile(
            file_id=file_id,
            file_unique_id=unique_id,
            kind=kind,
            data=upload.data,
            mime_type=guess_mime(kind, upload.filename, upload.content_type) if named else None,
            file_name=upload.filename if named else None,
            duration=measured.duration,
            width=measured.width,
            height=measured.height,
        )
    )


def _check_photo(size: int, width: int, height: int) -> None:
    """Telegram's limits for a photo (sendPhoto): at most 10 MB, width and height at most
    10000 together, neither more than 20 times the other. Unmeasured pictures pass."""
    if size > MAX_PHOTO_SIZE:
        raise errors.bad_request(errors.PHOTO_TOO_BIG)
    if width and height and (
        width + height > MAX_PHOTO_SIDES or max(width, height) > MAX_PHOTO_RATIO * min(width, height)
    ):
        raise errors.bad_request(errors.PHOTO_INVALID_DIMENSIONS)


async def resolve_file(world: World, p: Params, field: str, kind: str) -> StoredFile:
    """A new upload, or a file_id Telegram already knows; never a URL (no internet here)."""
    upload = p.upload_for(field)
    if upload is not None:
        return await _stored_upload(world, upload, kind)
    return _known_file(world, p.get_str(field), field, kind)


def _known_file(world: World, ref: str | None, field: str, kind: str) -> StoredFile:
    if not ref:
        raise errors.bad_request(f"there is no {field} in the request")
    if ref.startswith(("http://", "https://")):
        raise errors.bad_request("failed to get HTTP URL content")
    known = world.files.get(ref)
    if known is None:
        raise errors.bad_request("wrong file identifier/HTTP URL specified")
    # A file_id only works in the context it was made for: a clip a member sent as a document
    # cannot be re-sent with sendVideo. An animation's file_id also names its `document`.
    if known.kind != kind and (known.kind, kind) != ("animation", "document"):
        raise errors.bad_request("type of file mismatch")
    return known


def _sender(kind: str, method: str) -> Any:
    async def send(world: World, p: Params) -> dict[str, Any]:
        file = await resolve_file(world, p, kind, kind)
        content = media_fields(file)
        caption, raw = formatted(
            p, "caption", "caption_entities", limit=MAX_CAPTION, required=False
        )
        if kind != "video_note":
            content |= caption
        if p.get_bool("has_spoiler"):
            content["has_media_spoiler"] = True
        stored = bot_send(
            world, p, content, method=method, raw_text=raw, media_kind=kind, file_id=file.file_id
        )
        return stored.payload

    return send


for _kind, _method in (
    ("photo", "sendPhoto"),
    ("video", "sendVideo"),
    ("animation", "sendAnimation"),
    ("document", "sendDocument"),
    ("video_note", "sendVideoNote"),
):
    methods.register(_method)(_sender(_kind, _method))


@methods.register("sendMediaGroup")
async def send_media_group(world: World, p: Params) -> list[dict[str, Any]]:
    items = p.get_json("media")
    if not isinstance(items, list) or not 1 <= len(items) <= 10:
        raise errors.bad_request("wrong number of media specified")
    world.writable_chat_for_bot(p.chat_id())  # check before storing any file
    group_id = str(10_000_000_000_000_000 + world.next_id())
    sent: list[dict[str, Any]] = []
    for item in items:
        kind = str(item.get("type", ""))
        if kind not in ("photo", "video", "document", "audio"):
            raise errors.bad_request("wrong type of media")
        reference = str(item.get("media", ""))
        if reference.startswith("attach://"):
            file = await _stored_upload(world, p.attached(reference), kind)
        else:
            file = _known_file(world, reference, "media", kind)
        content = media_fields(file) | {"media_group_id": group_id}
        item_params = Params(values=p.values | {k: v for k, v in item.items() if k != "type"})
        caption, raw = formatted(
            item_params, "caption", "caption_entities", limit=MAX_CAPTION, required=False
        )
        stored = bot_send(
            world,
            item_params,
            content | caption,
            method="sendMediaGroup",
            raw_text=raw,
            media_kind=kind,
            file_id=file.file_id,
            with_markup=False,
        )
        sent.append(stored.payload)
    return sent


@methods.register("getFile")
async def get_file(world: World, p: Params) -> dict[str, Any]:
    file = world.files.get(p.req_str("file_id"))
    if file is None:
        raise errors.bad_request(errors.WRONG_FILE_ID)
    local = world.local_files
    if local is None and file.file_size > MAX_DOWNLOAD_SIZE:
        raise errors.bad_request(errors.FILE_TOO_BIG)
    if file.file_path is None:
        file.file_path = file_path_for(file, world.next_id())
        if local is not None:
            on_disk = local / file.file_path
            on_disk.parent.mkdir(parents=True, exist_ok=True)
            on_disk.write_bytes(file.data)
            file.file_path = str(on_disk)
    return {
        "file_id": file.file_id,
        "file_unique_id": file.file_unique_id,
        "file_size": file.file_size,
        "file_path": file.file_path,
    }
