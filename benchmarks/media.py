"""How fast the media adapters are, against plain ffmpeg commands in the same run.

Run: .venv/bin/python benchmarks/media.py [RUNS]
Builds (once, cached in $TMPDIR/intervision-media-bench) a 10-minute clip with speech and
pauses, a 3-minute and a 30-minute 720p clip (25 fps, a keyframe every 2 s like a phone), then
prints medians of RUNS runs (default 5) and the ratio against plain ffmpeg:

- sound: `analyse_sound` against one `ffmpeg -i clip -af silencedetect -f null -` (target
  1.5x); the same command with -vn (audio only) is printed too;
- storyboard: 6 tiles of the 3-minute clip against the fastest single ffmpeg command for the
  same tiles, keyframes only, select and tile, no labels (target 1.2x);
- still: at 90 % of the 30-minute clip against a plain input-seeking ffmpeg (target 1.5x).
"""
from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.media import contact_sheet, sound
from bot.media import ffmpeg as media
from tests.media import speech_audio

CACHE = Path(tempfile.gettempdir()) / "intervision-media-bench"
H264 = ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "50"]


def _ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", *args], check=True)


def clips() -> dict[str, Path]:
    CACHE.mkdir(exist_ok=True)
    out = {"sound": CACHE / "sound-10min.mp4", "three": CACHE / "720p-3min.mp4",
           "thirty": CACHE / "720p-30min.mp4"}
    if not out["sound"].exists():
        if speech_audio.espeak_available():
            layout: list[float | str] = []
            while sum(x if isinstance(x, float) else 3.0 for x in layout) < 600:
                layout += speech_audio.default_layout()
            spoken = speech_audio.build(CACHE / "sound.wav", layout, noise_db=-50, video=False)
        else:  # tone bursts stand in for speech
            parts = speech_audio.tone_layout() * 30
            spoken = speech_audio.build(CACHE / "sound.wav", parts, video=False)
        _ffmpeg("-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25", "-i", str(spoken.path),
                "-t", "600", *H264, "-c:a", "aac", "-shortest", str(out["sound"]))
    for name, seconds in (("three", 180), ("thirty", 1800)):
        if not out[name].exists():
            _ffmpeg("-f", "lavfi", "-i", f"testsrc2=size=1280x720:rate=25:duration={seconds}",
                    *H264, str(out[name]))
    return out


def _once(action: Callable[[], object]) -> float:
    began = time.perf_counter()
    result = action()
    if asyncio.iscoroutine(result):
        asyncio.run(result)
    return time.perf_counter() - began


def _medians(runs: int, *actions: Callable[[], object]) -> list[float]:
    """Median seconds of each action, run interleaved (a b c, b c a, ...) after one warm-up
    round, so a busy neighbour on the machine slows all of them alike."""
    for action in actions:
        _once(action)
    times: list[list[float]] = [[] for _ in actions]
    for r in range(runs):
        order = list(range(len(actions)))
        order = order[r % len(order):] + order[:r % len(order)]
        for i in order:
            times[i].append(_once(actions[i]))
    return [statistics.median(t) for t in times]


def _run(*args: str) -> Callable[[], None]:
    return lambda: _ffmpeg(*args)


def _async(factory: Callable[[], Awaitable[object]]) -> Callable[[], object]:
    return factory


def _line(what: str, ours: float, plain: float, target: float) -> str:
    ratio = ours / plain
    mark = "ok" if ratio <= target else "OVER"
    return (f"{what}: ours {ours:.3f} s, plain ffmpeg {plain:.3f} s, "
            f"ratio {ratio:.2f}x (target {target}x) {mark}")


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    c = clips()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        # (a) the sound analysis
        ours, audio_only, fallback = _medians(
            runs, _async(lambda: sound.analyse_sound(c["sound"])),
            _run("-i", str(c["sound"]), "-vn", "-af", "silencedetect", "-f", "null", "-"),
            _async(lambda: sound.analyse_sound(c["sound"], detector="silencedetect")))
        (plain,) = _medians(1, _run("-i", str(c["sound"]), "-af", "silencedetect", "-f", "null",
                                    "-"))
        # The plain command decodes the video too; the audio-only pass is the fair yardstick.
        print(_line("sound analysis, 10-minute clip, against silencedetect -vn", ours,
                    audio_only, 1.5))
        print(f"  against the plain pass that also decodes the video ({plain:.3f} s): "
              f"{ours / plain:.2f}x; the silencedetect fallback {fallback:.3f} s "
              f"({fallback / audio_only:.2f}x)")
        # (b) the storyboard
        info = asyncio.run(media.probe(c["three"], max_bytes=2**62, max_seconds=1e9))
        assert isinstance(info, media.ClipInfo)
        times = media.storyboard_times(info.duration, 6)
        select = contact_sheet.keyframe_select(times)
        ours, probed, plain = _medians(
            runs,
            _async(lambda: media.storyboard(c["three"], out / "board.png",
                                            duration=info.duration)),
            _async(lambda: media.storyboard(c["three"], out / "board.png")),
            _run("-skip_frame", "nokey", "-i", str(c["three"]), "-an", "-vf",
                 f"select='{select}',scale=320:-2,tile=3x2", "-frames:v", "1", "-fps_mode", "vfr",
                 str(out / "plain.png")))
        print(_line("storyboard, 6 tiles of a 3-minute 720p clip", ours, plain, 1.2))
        print(f"  without the known duration (a probe first): {probed:.3f} s, "
              f"{probed / plain:.2f}x")
        # (c) a still at 90 %
        at = 0.9 * 1800
        ours, probed, plain = _medians(
            runs,
            _async(lambda: media.still_frame(c["thirty"], at, out / "still.jpg", duration=1800.0)),
            _async(lambda: media.still_frame(c["thirty"], at, out / "still.jpg")),
            _run("-ss", f"{at:.3f}", "-i", str(c["thirty"]), "-frames:v", "1", "-vf",
                 "scale=960:-2", "-q:v", "3", "-update", "1", str(out / "plain.jpg")))
        print(_line("still at 90 % of a 30-minute 720p clip", ours, plain, 1.5))
        print(f"  without the known duration (a probe first): {probed:.3f} s, "
              f"{probed / plain:.2f}x")
    print(f"({runs} runs each, medians; {os.cpu_count()} cores)")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--clips"]:
        print(clips())
    else:
        main()
