"""bot/media/ffmpeg.py on clips generated with ffmpeg (a few seconds in all)."""

from __future__ import annotations

import asyncio
import os
import shutil
import time
from pathlib import Path

import matplotlib.image as mpimg
import numpy as np
import pytest

from bot.media import ffmpeg as media
from bot.media import retention
from bot.media.ffmpeg import ClipInfo, ClipProblem, MediaError
from tests.clips import ffmpeg

pytestmark = pytest.mark.skipif(
    shutil.which("ffmpeg") is None or shutil.which("ffprobe") is None,
    reason="needs the system ffmpeg and ffprobe",
)

TESTSRC = "testsrc=duration={d}:size=320x240:rate=15"


@pytest.fixture(scope="module")
def clips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("clips")
    h264 = ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]
    c = {name: d / name for name in (
        "av.mp4", "video_only.mp4", "audio_only.m4a", "short.mp4", "empty.mp4", "random.mp4",
        "text.mp4", "truncated.mp4", "truncated_faststart.mp4", "rotated.mp4", "image.mp4",
        "cover.png", "audio_with_cover.mp4",
    )}
    # moov at the end (ffmpeg's default), so the first half has no index at all.
    ffmpeg("-f", "lavfi", "-i", TESTSRC.format(d=5), "-f", "lavfi", "-i", "sine=duration=5",
           *h264, "-c:a", "aac", "-shortest", str(c["av.mp4"]))
    ffmpeg("-i", str(c["av.mp4"]), "-c", "copy", "-an", str(c["video_only.mp4"]))
    ffmpeg("-i", str(c["av.mp4"]), "-c", "copy", "-vn", str(c["audio_only.m4a"]))
    ffmpeg("-f", "lavfi", "-i", TESTSRC.format(d=1), *h264, str(c["short.mp4"]))
    ffmpeg("-i", str(c["video_only.mp4"]), "-c", "copy", "-metadata:s:v:0", "rotate=90",
           str(c["rotated.mp4"]))
    ffmpeg("-f", "lavfi", "-i", "testsrc=size=64x48", "-frames:v", "1", "-f", "image2",
           "-c:v", "png", str(c["image.mp4"]))
    # Sound with a cover picture (a voice memo exported with a thumbnail): no video.
    ffmpeg("-f", "lavfi", "-i", "testsrc=size=64x48", "-frames:v", "1", str(c["cover.png"]))
    ffmpeg("-i", str(c["audio_only.m4a"]), "-i", str(c["cover.png"]), "-map", "0", "-map", "1",
           "-c:a", "copy", "-c:v", "png", "-disposition:v:0", "attached_pic",
           str(c["audio_with_cover.mp4"]))
    faststart = d / "faststart.mp4"
    ffmpeg("-i", str(c["av.mp4"]), "-c", "copy", "-movflags", "+faststart", str(faststart))
    c["empty.mp4"].write_bytes(b"")
    c["random.mp4"].write_bytes(np.random.default_rng(7).bytes(64_000))
    c["text.mp4"].write_text("Dit is geen video.\n")
    for whole, cut in ((c["av.mp4"], "truncated.mp4"), (faststart, "truncated_faststart.mp4")):
        data = whole.read_bytes()
        c[cut].write_bytes(data[: len(data) // 2])
    return c


# --- probe ----------------------------------------------------------------------------------


async def test_probe_reads_a_clip_with_sound(clips: dict[str, Path]) -> None:
    info = await media.probe(clips["av.mp4"])
    assert isinstance(info, ClipInfo)
    assert info.duration == pytest.approx(5.0, abs=0.1)
    assert (info.width, info.height) == (320, 240)
    assert info.has_video and info.has_audio
    assert info.codec == "h264"
    assert info.size_bytes == clips["av.mp4"].stat().st_size


async def test_probe_reads_a_video_only_clip(clips: dict[str, Path]) -> None:
    info = await media.probe(clips["video_only.mp4"])
    assert isinstance(info, ClipInfo)
    assert info.has_video and not info.has_audio


async def test_probe_reports_display_size_of_a_rotated_phone_clip(clips: dict[str, Path]) -> None:
    info = await media.probe(clips["rotated.mp4"])
    assert isinstance(info, ClipInfo)
    assert (info.width, info.height) == (240, 320)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("audio_only.m4a", "no_video"),
        ("audio_with_cover.mp4", "no_video"),  # not "unreadable": the file is fine
        ("image.mp4", "no_video"),
        ("short.mp4", "too_short"),
        ("empty.mp4", "unreadable"),
        ("random.mp4", "unreadable"),
        ("text.mp4", "unreadable"),
        ("truncated.mp4", "unreadable"),
        ("truncated_faststart.mp4", "unreadable"),
    ],
)
async def test_probe_names_the_problem(clips: dict[str, Path], name: str, reason: str) -> None:
    problem = await media.probe(clips[name])
    assert isinstance(problem, ClipProblem) and problem.reason == reason
    if reason == "too_short":
        assert problem.actual == pytest.approx(1.0, abs=0.1)
        assert problem.limit == media.MIN_SECONDS


async def test_probe_of_a_missing_file_is_a_problem(tmp_path: Path) -> None:
    assert await media.probe(tmp_path / "gone.mp4") == ClipProblem("unreadable")


async def test_probe_limits_are_parameters(clips: dict[str, Path]) -> None:
    size = clips["av.mp4"].stat().st_size
    too_large = await media.probe(clips["av.mp4"], max_bytes=1000)
    assert too_large == ClipProblem("too_large", actual=float(size), limit=1000.0)
    too_long = await media.probe(clips["av.mp4"], max_seconds=3)
    assert isinstance(too_long, ClipProblem) and too_long.reason == "too_long"
    assert too_long.limit == 3
    # A byte or a moment over is over: the limits are the ones the inbrenger is told.
    assert isinstance(await media.probe(clips["av.mp4"], max_bytes=size - 1), ClipProblem)
    assert isinstance(await media.probe(clips["av.mp4"], max_bytes=size), ClipInfo)
    assert isinstance(await media.probe(clips["av.mp4"], max_seconds=4.5), ClipProblem)
    assert isinstance(await media.probe(clips["short.mp4"], min_seconds=0.5), ClipInfo)


# --- storyboard and stills ------------------------------------------------------------------


def _segments(is_content: np.ndarray) -> int:
    """Runs of True: tiles along one axis of the sheet, separated by background gaps."""
    padded = np.concatenate([[False], is_content, [False]])
    return int(np.count_nonzero(padded[1:] & ~padded[:-1]))


def _tile_grid(sheet: Path) -> tuple[int, int, tuple[int, int]]:
    image = mpimg.imread(sheet)[..., :3]
    background = np.array([0x20, 0x20, 0x20]) / 255
    is_background = np.all(np.abs(image - background) < 2 / 255, axis=2)
    columns = _segments(~is_background.all(axis=0))
    rows = _segments(~is_background.all(axis=1))
    return rows, columns, image.shape[:2]


@pytest.mark.parametrize(("frames", "columns", "grid"), [(6, 3, (2, 3)), (4, 2, (2, 2)),
                                                          (5, 3, (2, 3))])
async def test_storyboard_is_a_sheet_of_tiles(
    clips: dict[str, Path], tmp_path: Path, frames: int, columns: int, grid: tuple[int, int]
) -> None:
    sheet = await media.storyboard(clips["av.mp4"], tmp_path / "board.png", frames=frames,
                                   columns=columns, width=160)
    assert sheet.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    rows, cols, (height, width) = _tile_grid(sheet)
    assert (rows, cols) == grid
    assert 160 * cols <= width <= 160 * cols + 60
    assert 120 * rows <= height <= 120 * rows + 60
    # Only the sheet is left; the single stills were temporary.
    assert [p.name for p in tmp_path.iterdir()] == ["board.png"]


async def test_storyboard_can_be_a_jpeg(clips: dict[str, Path], tmp_path: Path) -> None:
    sheet = await media.storyboard(clips["video_only.mp4"], tmp_path / "board.jpg")
    assert sheet.read_bytes()[:2] == b"\xff\xd8"


def test_storyboard_times_are_whole_seconds_when_they_can_be() -> None:
    assert media.storyboard_times(60.0, 6) == [5.0, 15.0, 25.0, 35.0, 45.0, 55.0]
    assert len(set(media.storyboard_times(3.0, 6))) == 6


async def test_stills_at_different_moments_differ(clips: dict[str, Path], tmp_path: Path) -> None:
    early = (await media.still_frame(clips["av.mp4"], 0.5, tmp_path / "early.jpg")).path
    later = (await media.still_frame(clips["av.mp4"], 2.5, tmp_path / "later.jpg")).path
    assert early.read_bytes()[:2] == later.read_bytes()[:2] == b"\xff\xd8"
    assert early.read_bytes() != later.read_bytes()


async def test_still_past_the_end_shows_the_last_frame(
    clips: dict[str, Path], tmp_path: Path
) -> None:
    out = (await media.still_frame(clips["av.mp4"], 600, tmp_path / "end.jpg")).path
    assert out.stat().st_size > 0
    assert mpimg.imread(out).shape[:2] == (240, 320)


async def test_a_still_past_the_end_says_where_the_clip_ends(
    clips: dict[str, Path], tmp_path: Path
) -> None:
    found = await media.still_frame(clips["av.mp4"], 600, tmp_path / "end.jpg")
    assert found.past_end and found.path.stat().st_size > 0
    assert found.seconds == pytest.approx(5.0 - 1 / 15, abs=0.05)  # the last frame's own time
    inside = await media.still_frame(clips["av.mp4"], 2.0, tmp_path / "in.jpg")
    assert inside == media.StillFrame(tmp_path / "in.jpg", 2.0, past_end=False)


async def test_a_still_with_a_known_duration_needs_no_probe(
    clips: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def no_probe(*args: object, **kwargs: object) -> None:
        raise AssertionError("probed")

    monkeypatch.setattr(media, "probe", no_probe)
    found = await media.still_frame(clips["av.mp4"], 1.0, tmp_path / "a.jpg", duration=5.0)
    assert not found.past_end and mpimg.imread(found.path).shape[:2] == (240, 320)
    late = await media.still_frame(clips["av.mp4"], 9.0, tmp_path / "b.jpg", duration=5.0)
    assert late.past_end and late.seconds < 5.0


async def test_a_storyboard_is_one_ffmpeg_run_when_the_clip_has_keyframes(
    clips: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    frequent = tmp_path / "phone.mp4"  # a keyframe every second, as phones record
    ffmpeg("-f", "lavfi", "-i", TESTSRC.format(d=12), "-c:v", "libx264", "-preset",
           "ultrafast", "-pix_fmt", "yuv420p", "-g", "15", str(frequent))
    runs: list[str] = []
    real = media.run_process

    async def counted(args: list[str], timeout: float, what: str) -> tuple[bytes, bytes]:
        runs.append(what)
        return await real(args, timeout, what)

    monkeypatch.setattr(media, "run_process", counted)
    sheet = await media.storyboard(frequent, tmp_path / "board.png", width=160, duration=12.0)
    assert runs == ["storyboard"]
    assert _tile_grid(sheet)[:2] == (2, 3)
    # One keyframe in the whole clip: the exact seeks take over, still six tiles.
    runs.clear()
    sparse = await media.storyboard(clips["av.mp4"], tmp_path / "sparse.png", width=160)
    assert runs.count("storyboard") == 2
    assert _tile_grid(sparse)[:2] == (2, 3)


async def test_derivatives_of_a_bad_file_raise_media_error(
    clips: dict[str, Path], tmp_path: Path
) -> None:
    with pytest.raises(MediaError):
        await media.still_frame(clips["random.mp4"], 1, tmp_path / "x.jpg")
    with pytest.raises(MediaError):
        await media.storyboard(clips["truncated.mp4"], tmp_path / "x.png")
    with pytest.raises(MediaError):
        await media.replay(clips["audio_only.m4a"], 0, 2, tmp_path / "x.mp4")
    assert not (tmp_path / "x.mp4").exists()


# --- replay ---------------------------------------------------------------------------------


async def test_replay_is_a_small_streamable_fragment(
    clips: dict[str, Path], tmp_path: Path
) -> None:
    out = await media.replay(clips["av.mp4"], 1.0, 3.5, tmp_path / "fragment.mp4")
    info = await media.probe(out, min_seconds=0)
    assert isinstance(info, ClipInfo)
    assert info.duration == pytest.approx(2.5, abs=0.2)
    assert info.codec == "h264" and info.has_audio
    data = out.read_bytes()
    assert data.index(b"moov") < data.index(b"mdat")  # +faststart


async def test_replay_clamps_to_the_clip_and_keeps_silence_silent(
    clips: dict[str, Path], tmp_path: Path
) -> None:
    out = await media.replay(clips["video_only.mp4"], 3.0, 90.0, tmp_path / "tail.mp4")
    info = await media.probe(out, min_seconds=0)
    assert isinstance(info, ClipInfo)
    assert info.duration == pytest.approx(2.0, abs=0.2)
    assert not info.has_audio


@pytest.mark.parametrize(("start", "end"), [(3, 3), (4, 2), (10, 20), (float("nan"), 2)])
async def test_replay_refuses_bad_ranges(
    clips: dict[str, Path], tmp_path: Path, start: float, end: float
) -> None:
    with pytest.raises(ValueError):
        await media.replay(clips["av.mp4"], start, end, tmp_path / "bad.mp4")
    assert not (tmp_path / "bad.mp4").exists()


# --- running ffmpeg -------------------------------------------------------------------------


async def test_a_hanging_process_is_killed_at_the_timeout() -> None:
    began = time.monotonic()
    with pytest.raises(MediaError, match="timed out"):
        await media._run(["sleep", "10"], 0.2, "probe")
    assert time.monotonic() - began < 2


async def test_the_event_loop_keeps_running_during_media_work(
    clips: dict[str, Path], tmp_path: Path
) -> None:
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    task = asyncio.create_task(ticker())
    await media.storyboard(clips["av.mp4"], tmp_path / "board.png", width=160)
    task.cancel()
    assert ticks > 5


# --- retention ------------------------------------------------------------------------------


def test_cleanup_deletes_only_old_files(tmp_path: Path) -> None:
    now = time.time()
    data = tmp_path / "files"
    (data / "downloads" / "old").mkdir(parents=True)
    (data / "stills").mkdir()
    old_files = [data / "downloads" / "old" / "clip.mp4", data / "stills" / "a.jpg"]
    new_files = [data / "stills" / "b.jpg", data / "board.png"]
    outside = tmp_path / "keep.txt"
    for f in [*old_files, *new_files, outside]:
        f.write_bytes(b"x")
    link = data / "link.txt"
    link.symlink_to(outside)
    for f in [*old_files, outside]:
        os.utime(f, (now - 7200, now - 7200))
    os.utime(link, (now - 7200, now - 7200), follow_symlinks=False)
    os.utime(data / "downloads" / "old", (now - 7200, now - 7200))
    (data / "work").mkdir()  # empty, but a job made it just now to write into

    assert retention.cleanup_older_than(data, 3600, now=now) == 3  # two files and the link
    assert all(f.exists() for f in new_files)
    assert not any(f.exists() for f in old_files)
    assert outside.exists()  # the link went, not what it pointed to
    assert not (data / "downloads" / "old").exists()  # old and emptied
    assert (data / "stills").exists()  # recent folder stays
    assert (data / "work").is_dir()  # and a recent empty one too
    assert data.exists()
    assert retention.cleanup_older_than(tmp_path / "missing", 0) == 0
