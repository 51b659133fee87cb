"""Which voice activity detector finds the pauses: WebRTC VAD (modes 0-3), Silero VAD and
ffmpeg's silencedetect, on generated clips with known speech and silence.

Run: .venv/bin/python benchmarks/vad_compare.py
Silero needs torch (`pip install torch==2.13.0 silero-vad`), which the project does not install;
run this in a scratch venv that has it, with PYTHONPATH pointing at the repository, to compare.
Each detector's raw speech goes through the same smoothing (`bot.media.sound.profile_of`), so
only the detector differs. Figures are written into docs/media.md by hand.
"""
from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.media import sound
from bot.media.sound import Segment, SoundProfile
from tests.media import speech_audio

TOLERANCE = 0.25
CONDITIONS = {"clean": None, "noise -45 dBFS": -45.0, "noise -35 dBFS": -35.0,
              "noise -30 dBFS": -30.0}


def _layouts() -> list[list[float | str]]:
    s = speech_audio.SENTENCES
    return [speech_audio.default_layout(),
            [0.5, s[3], 3.0, s[5], 0.6, s[1], 5.0, s[0], 3.6, s[2], 1.8, s[4], 0.5],
            [4.0, s[4], 2.8, s[2], 3.4, s[0], 8.0, s[1], 0.8, s[3], 3.1, s[5], 3.5]]


def _pcm(path: Path) -> bytes:
    return subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-i", str(path), "-ac", "1",
                           "-ar", "16000", "-f", "s16le", "pipe:1"],
                          capture_output=True, check=True).stdout


def _webrtc(mode: int) -> Callable[[bytes], list[Segment]]:
    return lambda pcm: sound.vad_segments(pcm, mode)


def _webrtc_ungated(pcm: bytes) -> list[Segment]:
    """Mode 3 with only the -55 dBFS floor, without the gate relative to the background."""
    margin, sound._BACKGROUND_MARGIN = sound._BACKGROUND_MARGIN, 0.0
    try:
        return sound.vad_segments(pcm, 3)
    finally:
        sound._BACKGROUND_MARGIN = margin


def _silero() -> Callable[[bytes], list[Segment]] | None:
    try:
        import torch
        from silero_vad import get_speech_timestamps, load_silero_vad
    except ImportError:
        return None
    torch.set_num_threads(1)
    model = load_silero_vad()

    def detect(pcm: bytes) -> list[Segment]:
        samples = torch.from_numpy(np.frombuffer(pcm, dtype=np.int16).astype(np.float32) / 32768)
        stamps = get_speech_timestamps(samples, model, sampling_rate=16000, return_seconds=True)
        return [Segment(float(s["start"]), float(s["end"])) for s in stamps]

    return detect


def _silencedetect(path: Path) -> SoundProfile | sound.SoundProblem:
    return asyncio.run(sound.analyse_sound(path, detector="silencedetect"))


def _score(found: SoundProfile | sound.SoundProblem, truth: speech_audio.KnownClip,
           ) -> tuple[int, int, int, list[float], float]:
    """(pauses found within tolerance, true pauses, false pauses, boundary errors, frame acc)."""
    true_pauses = truth.pauses()
    pauses = list(found.pauses) if isinstance(found, SoundProfile) else []
    speech = list(found.speech) if isinstance(found, SoundProfile) else []
    hits, errors = 0, []
    for a, b in true_pauses:
        near = [p for p in pauses if p.start < b and p.end > a]
        if near:
            err = max(abs(near[0].start - a), abs(near[0].end - b))
            errors.append(err)
            hits += err <= TOLERANCE
    false = sum(1 for p in pauses if not any(p.start < b and p.end > a for a, b in true_pauses))
    grid = np.arange(0, truth.duration, 0.01)
    said = np.zeros(len(grid), bool)
    heard = np.zeros(len(grid), bool)
    for a, b in truth.speech:
        said |= (grid >= a) & (grid < b)
    for seg in speech:
        heard |= (grid >= seg.start) & (grid < seg.end)
    return hits, len(true_pauses), false, errors, float(np.mean(said == heard))


def main() -> None:
    if not speech_audio.espeak_available():
        sys.exit(speech_audio.ESPEAK_MISSING)
    detectors: dict[str, Callable[[bytes], list[Segment]] | None] = {
        f"webrtcvad mode {m}": _webrtc(m) for m in range(4)}
    detectors["webrtcvad mode 3, no loudness gate"] = _webrtc_ungated
    detectors["silero-vad"] = _silero()
    results: dict[tuple[str, str], list[tuple[int, int, int, list[float], float]]] = {}
    seconds: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for condition, noise in CONDITIONS.items():
            for i, layout in enumerate(_layouts()):
                clip = speech_audio.build(Path(tmp) / f"c{i}.mp4", layout, noise_db=noise)
                pcm = _pcm(clip.path)
                for name, detect in detectors.items():
                    if detect is None:
                        continue
                    began = time.perf_counter()
                    raw = detect(pcm)
                    seconds.setdefault(name, []).append(
                        (time.perf_counter() - began) / (clip.duration / 60))
                    found = sound.profile_of(raw, clip.duration)
                    results.setdefault((name, condition), []).append(_score(found, clip))
                results.setdefault(("silencedetect", condition), []).append(
                    _score(_silencedetect(clip.path), clip))
    names = [n for n, d in detectors.items() if d is not None] + ["silencedetect"]
    if detectors["silero-vad"] is None:
        print("silero-vad not installed: skipped (needs torch)")
    print("| detector | condition | pauses found (within 0.25 s) | false pauses | "
          "max boundary error | frame accuracy |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name in names:
        for condition in CONDITIONS:
            rows = results[(name, condition)]
            hits = sum(r[0] for r in rows)
            total = sum(r[1] for r in rows)
            false = sum(r[2] for r in rows)
            errors = [e for r in rows for e in r[3]]
            accuracy = statistics.mean(r[4] for r in rows)
            worst = f"{max(errors):.2f} s" if errors else "-"
            print(f"| {name} | {condition} | {hits}/{total} | {false} | {worst} | "
                  f"{accuracy:.1%} |")
    for name, per_minute in seconds.items():
        print(f"{name}: {statistics.median(per_minute) * 1000:.0f} ms per minute of sound")


if __name__ == "__main__":
    main()
