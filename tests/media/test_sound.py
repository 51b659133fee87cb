"""bot/media/sound.py on generated clips with known speech and silence (espeak-ng, tone bursts)."""

from __future__ import annotations

import asyncio
import os
import shutil
import time
from pathlib import Path

import numpy as np
import pytest

from bot.media import sound
from bot.media.ffmpeg import MediaError
from bot.media.sound import Segment, SoundProblem, SoundProfile
from tests.clips import ffmpeg
from tests.media import speech_audio
from tests.media.speech_audio import KnownClip
from tests.waiting import eventually

pytestmark = pytest.mark.skipif(
    shutil.which("ffmpeg") is None or shutil.which("ffprobe") is None,
    reason="needs the system ffmpeg and ffprobe",
)
needs_espeak = pytest.mark.skipif(not speech_audio.espeak_available(),
                                  reason=speech_audio.ESPEAK_MISSING)
needs_webrtcvad = pytest.mark.skipif(sound.detector_available() != "webrtcvad",
                                     reason="needs webrtcvad-wheels (a project dependency)")
TOLERANCE = 0.25


@pytest.fixture(scope="module")
def spoken(tmp_path_factory: pytest.TempPathFactory) -> KnownClip:
    if not speech_audio.espeak_available():
        pytest.skip(speech_audio.ESPEAK_MISSING)
    # A quiet background hiss, as in a classroom; silencedetect's -35 dB still hears it as quiet.
    return speech_audio.build(tmp_path_factory.mktemp("sound") / "spoken.mp4",
                              speech_audio.default_layout(), noise_db=-50)


@pytest.fixture(scope="module")
def noisy(tmp_path_factory: pytest.TempPathFactory) -> KnownClip:
    """The same talk over a loud steady noise (a projector fan at -35 dBFS)."""
    if not speech_audio.espeak_available():
        pytest.skip(speech_audio.ESPEAK_MISSING)
    return speech_audio.build(tmp_path_factory.mktemp("sound") / "noisy.mp4",
                              speech_audio.default_layout(), noise_db=-35)


@pytest.fixture(scope="module")
def tones(tmp_path_factory: pytest.TempPathFactory) -> KnownClip:
    return speech_audio.build(tmp_path_factory.mktemp("sound") / "tones.mp4",
                              speech_audio.tone_layout())


def _assert_pauses_match(found: SoundProfile | SoundProblem, clip: KnownClip) -> None:
    assert isinstance(found, SoundProfile)
    expected = clip.pauses(3.0)
    assert len(found.pauses) == len(expected), (found.pauses, expected)
    for pause, (start, end) in zip(found.pauses, expected, strict=True):
        assert abs(pause.start - start) <= TOLERANCE, (pause, start, end)
        assert abs(pause.end - end) <= TOLERANCE, (pause, start, end)


def _true_share(clip: KnownClip) -> float:
    return sum(b - a for a, b in clip.speech) / clip.duration


@needs_espeak
@needs_webrtcvad
async def test_every_pause_of_three_seconds_is_found_in_speech(spoken: KnownClip) -> None:
    found = await sound.analyse_sound(spoken.path)
    _assert_pauses_match(found, spoken)
    assert isinstance(found, SoundProfile) and found.detector == "webrtcvad"
    assert found.duration == pytest.approx(spoken.duration, abs=0.1)
    assert found.speech_share == pytest.approx(_true_share(spoken), abs=0.05)
    # Speech and pauses in order, inside the clip, not overlapping.
    edges = [t for seg in found.speech for t in (seg.start, seg.end)]
    assert edges == sorted(edges) and 0 <= edges[0] and edges[-1] <= found.duration


@needs_espeak
@needs_webrtcvad
async def test_pauses_are_found_over_steady_noise(noisy: KnownClip) -> None:
    found = await sound.analyse_sound(noisy.path)
    _assert_pauses_match(found, noisy)
    # silencedetect hears the fan as sound all through: why it is only the fallback.
    fallback = await sound.analyse_sound(noisy.path, detector="silencedetect")
    assert isinstance(fallback, SoundProfile) and not fallback.pauses


@needs_espeak
async def test_the_silencedetect_fallback_finds_the_same_pauses(spoken: KnownClip) -> None:
    found = await sound.analyse_sound(spoken.path, detector="silencedetect")
    _assert_pauses_match(found, spoken)
    assert isinstance(found, SoundProfile) and found.detector == "silencedetect"
    assert found.speech_share == pytest.approx(_true_share(spoken), abs=0.05)


async def test_without_webrtcvad_silencedetect_takes_over(
    tones: KnownClip, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sound, "_webrtcvad", lambda: None)
    assert sound.detector_available() == "silencedetect"
    found = await sound.analyse_sound(tones.path)
    _assert_pauses_match(found, tones)
    assert isinstance(found, SoundProfile) and found.detector == "silencedetect"
    with pytest.raises(MediaError, match="not installed"):
        await sound.analyse_sound(tones.path, detector="webrtcvad")


@needs_webrtcvad
async def test_tone_bursts_give_their_pauses_with_the_detector(tones: KnownClip) -> None:
    _assert_pauses_match(await sound.analyse_sound(tones.path), tones)


async def test_a_clip_without_sound_is_a_value(clip: Path) -> None:
    assert await sound.analyse_sound(clip) == SoundProblem("no_audio")


@pytest.mark.parametrize("detector", ["webrtcvad", "silencedetect"])
async def test_pure_silence_is_a_value(tmp_path: Path, detector: sound.Detector) -> None:
    if detector == "webrtcvad" and sound.detector_available() != "webrtcvad":
        pytest.skip("needs webrtcvad-wheels")
    clip = tmp_path / "silent.mp4"
    ffmpeg("-f", "lavfi", "-i", "testsrc=duration=5:size=160x120:rate=10", "-f", "lavfi",
           "-i", "anullsrc=r=44100:cl=mono", "-t", "5", "-c:v", "libx264", "-preset",
           "ultrafast", "-c:a", "aac", "-shortest", str(clip))
    found = await sound.analyse_sound(clip, detector=detector)
    assert isinstance(found, SoundProblem) and found.reason == "silent"
    assert found.duration == pytest.approx(5.0, abs=0.2)


async def test_a_voice_note_in_ogg_opus_is_read(tmp_path: Path, tones: KnownClip) -> None:
    note = tmp_path / "note.ogg"
    ffmpeg("-i", str(tones.path), "-vn", "-c:a", "libopus", "-b:a", "24k", str(note))
    _assert_pauses_match(await sound.analyse_sound(note), tones)


async def test_a_broken_file_raises_media_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(np.random.default_rng(3).bytes(50_000))
    with pytest.raises(MediaError):
        await sound.analyse_sound(broken)
    with pytest.raises(MediaError):
        await sound.analyse_sound(tmp_path / "missing.mp4")


async def test_the_work_has_a_time_limit(tones: KnownClip) -> None:
    with pytest.raises(MediaError, match="timed out"):
        await sound.analyse_sound(tones.path, timeout=0.001)


def test_smoothing_bridges_breaths_and_keeps_pauses_at_the_edges() -> None:
    raw = [Segment(3.5, 5.0), Segment(5.1, 6.0), Segment(7.0, 7.05), Segment(9.5, 12.0)]
    found = sound.profile_of(raw, 16.0)
    assert isinstance(found, SoundProfile)
    assert found.speech == (Segment(3.5, 6.0), Segment(9.5, 12.0))  # the 50 ms click is gone
    assert found.pauses == (Segment(0.0, 3.5), Segment(6.0, 9.5), Segment(12.0, 16.0))
    assert found.speech_share == pytest.approx(5.0 / 16.0)
    assert sound.profile_of([], 16.0) == SoundProblem("silent", duration=16.0)
    shorter = sound.profile_of(raw, 16.0, min_pause=3.7)  # 3.5 s is not within 0.1 s
    assert isinstance(shorter, SoundProfile)
    assert shorter.pauses == (Segment(12.0, 16.0),)


@pytest.fixture
def stuck_ffmpeg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An `ffmpeg` first on PATH that writes its pid and hangs, as a stuck decode would."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    pid_file = tmp_path / "pid"
    script = bin_dir / "ffmpeg"
    script.write_text(f"#!/bin/sh\necho $$ > {pid_file}\nexec sleep 30\n")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return pid_file


def _gone(pid_file: Path) -> bool:
    try:
        os.kill(int(pid_file.read_text()), 0)
    except ProcessLookupError:
        return True
    return False


async def test_a_stuck_decode_is_killed_at_the_time_limit(
    tones: KnownClip, stuck_ffmpeg: Path
) -> None:
    began = time.monotonic()
    with pytest.raises(MediaError, match="timed out"):
        await sound.analyse_sound(tones.path, timeout=0.5)
    assert time.monotonic() - began < 3
    assert _gone(stuck_ffmpeg)


async def test_a_cancelled_analysis_leaves_no_ffmpeg_behind(
    tones: KnownClip, stuck_ffmpeg: Path
) -> None:
    task = asyncio.create_task(sound.analyse_sound(tones.path, timeout=30))
    await eventually(lambda: stuck_ffmpeg.exists() and stuck_ffmpeg.read_text().strip(),
                     timeout=2, interval=0.02, what="the stand-in ffmpeg started")
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert _gone(stuck_ffmpeg)
