"""Files at their edges: what the bot may upload and re-send, albums, video notes, the local
Bot API server's getFile, and paths that stay valid (test_fake_files.py has the main cases)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from telegram import InputMediaPhoto
from telegram.error import BadRequest

from fake_telegram import FakeTelegramServer
from tests.clips import ffmpeg

if TYPE_CHECKING:
    from telegram import Bot

    from tests.fake_telegram.conftest import Cast


async def _call(api: httpx.AsyncClient, method: str, **params: Any) -> dict[str, Any]:
    answer: dict[str, Any] = (await api.post(method, json=params)).json()
    return answer


def _picture(folder: Path, size: str) -> bytes:
    path = folder / f"{size}.png"
    ffmpeg("-f", "lavfi", "-i", f"color=white:size={size}", "-frames:v", "1", str(path))
    return path.read_bytes()


async def test_a_photo_at_telegrams_limits_goes(bot: Bot, cast: Cast, tmp_path: Path) -> None:
    assert await bot.send_photo(cast.anna, _picture(tmp_path, "5000x5000"))  # sides sum 10000
    assert await bot.send_photo(cast.anna, _picture(tmp_path, "20x400"))  # exactly 1:20
    with pytest.raises(BadRequest, match="(?i)PHOTO_INVALID_DIMENSIONS"):
        await bot.send_photo(cast.anna, _picture(tmp_path, "5002x5000"))
    assert await bot.send_photo(cast.anna, b"\xff" * (10 * 1024 * 1024))  # 10 MB, unmeasured


async def test_a_video_note_the_bot_uploads_keeps_no_name_or_type(
    cast: Cast, api: httpx.AsyncClient, clip: Path
) -> None:
    answer = await api.post("sendVideoNote", data={"chat_id": str(cast.anna)},
                            files={"video_note": ("les.mp4", clip.read_bytes(), "video/mp4")})
    note = answer.json()["result"]["video_note"]
    assert note["length"] == 160 and "file_name" not in note and "mime_type" not in note


async def test_a_video_note_sent_with_a_caption_drops_it(
    cast: Cast, api: httpx.AsyncClient, clip: Path
) -> None:
    first = await cast.tg.send_video(cast.anna, cast.anna, clip, kind="video_note")
    again = await _call(api, "sendVideoNote", chat_id=cast.anna,
                        video_note=first["video_note"]["file_id"], caption="weg")
    assert again["ok"] and "caption" not in again["result"]


async def test_urls_cannot_be_fetched_and_an_animation_goes_as_a_document(
    bot: Bot, cast: Cast, clip: Path
) -> None:
    with pytest.raises(BadRequest, match="(?i)failed to get HTTP URL content"):
        await bot.send_video(cast.anna, "https://example.nl/les.mp4")
    sent = await cast.tg.send_video(cast.anna, cast.group, clip, kind="animation")
    assert await bot.send_document(cast.anna, sent["animation"]["file_id"])


async def test_a_spoiler_is_marked(bot: Bot, cast: Cast, still: Path) -> None:
    photo = await bot.send_photo(cast.anna, still.read_bytes(), has_spoiler=True)
    assert photo.has_media_spoiler


async def test_an_album_has_one_group_id_and_at_most_ten_items(
    bot: Bot, cast: Cast, still: Path
) -> None:
    photo = await bot.send_photo(cast.anna, still.read_bytes())
    file_id = photo.photo[-1].file_id
    album = await bot.send_media_group(cast.group, [InputMediaPhoto(file_id)] * 10)
    assert album[0].media_group_id is not None
    assert {m.media_group_id for m in album} == {album[0].media_group_id}
    with pytest.raises(BadRequest):
        await bot.send_media_group(cast.group, [InputMediaPhoto(file_id)] * 11)


async def test_an_album_item_of_an_unknown_type_is_refused(
    cast: Cast, api: httpx.AsyncClient
) -> None:
    answer = await _call(api, "sendMediaGroup", chat_id=cast.anna,
                         media=[{"type": "sticker", "media": "x"}, {"type": "sticker", "media": "y"}])
    assert answer["description"] == "Bad Request: wrong type of media"


async def test_a_file_path_stays_valid_when_asked_again(
    cast: Cast, api: httpx.AsyncClient, server: FakeTelegramServer
) -> None:
    sent = await cast.tg.send_video(cast.anna, cast.group, b"data", kind="document")
    file_id = sent["document"]["file_id"]
    first = (await _call(api, "getFile", file_id=file_id))["result"]["file_path"]
    second = (await _call(api, "getFile", file_id=file_id))["result"]["file_path"]
    assert first == second
    async with httpx.AsyncClient(base_url=server.file_base_url + server.token) as http:
        assert (await http.get(f"/{first}")).content == b"data"


async def test_the_local_server_writes_big_files_to_disk(
    cast: Cast, api: httpx.AsyncClient, server: FakeTelegramServer, tmp_path: Path
) -> None:
    server.world.local_files = tmp_path
    big = b"\0" * (20 * 1024 * 1024 + 1)
    sent = await cast.tg.send_video(cast.anna, cast.group, big, kind="document",
                                    mime_type="video/mp4")
    got = await _call(api, "getFile", file_id=sent["document"]["file_id"])
    path = Path(got["result"]["file_path"])
    assert path.is_absolute() and path.is_relative_to(tmp_path)
    assert path.stat().st_size == len(big)


async def test_a_files_type_and_name_are_guessed_as_telegram_does(
    cast: Cast, tmp_path: Path
) -> None:
    named = await cast.tg.send_video(cast.anna, cast.group, b"%PDF-1.4", kind="document",
                                     file_name="verslag.pdf")
    assert named["document"]["mime_type"] == "application/pdf"
    unnamed = await cast.tg.send_video(cast.anna, cast.group, b"data", kind="document",
                                       mime_type="video/mp4")
    assert unnamed["document"]["file_name"] == "video.mp4"
    clip = tmp_path / "kort.mp4"
    ffmpeg("-f", "lavfi", "-i", "testsrc=duration=2.6:size=160x120:rate=10",
           "-pix_fmt", "yuv420p", str(clip))
    measured = await cast.tg.send_video(cast.anna, cast.group, clip)
    assert measured["video"]["duration"] == 3  # whole seconds, rounded


async def test_photo_and_video_note_paths_have_their_extension(
    cast: Cast, api: httpx.AsyncClient, clip: Path, still: Path
) -> None:
    """Telegram's paths are photos/file_N.jpg and video_notes/file_N.mp4."""
    photo = await cast.tg.send_video(cast.anna, cast.group, still, kind="photo")
    note = await cast.tg.send_video(cast.anna, cast.group, clip, kind="video_note")
    paths = [
        (await _call(api, "getFile", file_id=file_id))["result"]["file_path"]
        for file_id in (photo["photo"][-1]["file_id"], note["video_note"]["file_id"])
    ]
    assert paths[0].endswith(".jpg") and paths[1].endswith(".mp4")


async def test_an_upload_without_a_type_gets_one_from_its_name(
    cast: Cast, api: httpx.AsyncClient
) -> None:
    answer = await api.post(
        "sendDocument", data={"chat_id": str(cast.anna)},
        files={"document": ("verslag.pdf", b"%PDF-1.4", "application/octet-stream")})
    assert answer.json()["result"]["document"]["mime_type"] == "application/pdf"
