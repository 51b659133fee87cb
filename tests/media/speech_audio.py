"""Clips with known speech and silence: espeak-ng sentences or ffmpeg tone bursts between
silences of known length, optionally over a steady noise (a projector, a corridor).

Shared by tests/media and benchmarks/ (the VAD comparison and the speed benchmark).
"""

from __future__ import annotations

import shutil
import subprocess
import wave
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

RATE = 16_000
SENTENCES = (
    "What do you see the pupils do when you ask the question",
    "I notice that the boy in the back raises his hand twice",
    "Why did you choose to walk to the window at that moment",
    "The group in the corner starts working after your instruction",
    "How did it feel to wait before you gave the answer",
    "Tell us more about what you wanted the class to learn",
)
ESPEAK_MISSING = "needs espeak-ng (apt-get install espeak-ng; scripts/setup.sh test installs it)"


def espeak_available() -> bool:
    return shutil.which("espeak-ng") is not None


@dataclass(frozen=True)
class KnownClip:
    path: Path
    duration: float
    speech: list[tuple[float, float]]  # where sound was put, in seconds
    silences: list[tuple[float, float]]  # every stretch between them, start and end included

    def pauses(self, at_least: float = 3.0) -> list[tuple[float, float]]:
        return [(a, b) for a, b in self.silences if b - a >= at_least]


def speak(text: str, voice: str = "en-us", speed: int = 150) -> np.ndarray:
    """espeak-ng's voice as float samples at 16 kHz, its own leading/trailing silence cut."""
    wav = subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "--stdout", text],
                         capture_output=True, check=True, timeout=30).stdout
    pcm = subprocess.run(
        ["ffmpeg", "-nostdin", "-v", "error", "-i", "pipe:0", "-ac", "1", "-ar", str(RATE),
         "-f", "s16le", "pipe:1"], input=wav, capture_output=True, check=True, timeout=30,
    ).stdout
    samples = np.frombuffer(pcm, dtype=np.int16).astype(np.float32) / 32768
    loud = np.flatnonzero(np.abs(samples) > 0.01)
    return samples[loud[0]:loud[-1] + 1]


def tone(seconds: float, freq: float = 440.0) -> np.ndarray:
    """A tone burst with a voice-like buzz (a few harmonics, 4 Hz syllable rhythm)."""
    t = np.arange(int(seconds * RATE)) / RATE
    buzz = sum(np.sin(2 * np.pi * freq * k * t) / k for k in (1, 2, 3, 5))
    envelope = 0.55 + 0.45 * np.sin(2 * np.pi * 4 * t)
    return (0.25 * buzz * envelope).astype(np.float32)


def build(
    out: Path,
    layout: Sequence[float | str | np.ndarray],
    *,
    noise_db: float | None = None,
    video: bool = True,
    size: str = "320x240",
    fps: int = 10,
) -> KnownClip:
    """A clip of `layout`: a number is that many seconds of silence, a string is spoken by
    espeak-ng, an array is played as it is. `noise_db` adds pink noise at that level (dBFS)
    all through. With `video` an MP4 (testsrc, AAC sound) like a phone clip, else a WAV.
    """
    parts: list[np.ndarray] = []
    speech: list[tuple[float, float]] = []
    silences: list[tuple[float, float]] = []
    at = 0
    for item in layout:
        if isinstance(item, float | int):
            piece = np.zeros(round(float(item) * RATE), dtype=np.float32)
            silences.append((at / RATE, (at + len(piece)) / RATE))
        else:
            piece = speak(item) if isinstance(item, str) else item
            speech.append((at / RATE, (at + len(piece)) / RATE))
        parts.append(piece)
        at += len(piece)
    samples = np.concatenate(parts)
    if noise_db is not None:
        samples = samples + _pink_noise(len(samples), noise_db)
    out.parent.mkdir(parents=True, exist_ok=True)
    wav = out.with_suffix(".src.wav") if video else out
    with wave.open(str(wav), "wb") as f:
        f.setnchannels(1)
        f.setsampwidth(2)
        f.setframerate(RATE)
        f.writeframes((np.clip(samples, -1, 1) * 32767).astype(np.int16).tobytes())
    duration = len(samples) / RATE
    if video:
        subprocess.run(
            ["ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
             f"testsrc=duration={duration:.3f}:size={size}:rate={fps}", "-i", str(wav),
             "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
             "-c:a", "aac", "-ar", "44100", "-shortest", str(out)],
            check=True, timeout=300,
        )
        wav.unlink()
    return KnownClip(out, duration, speech, silences)


def _pink_noise(n: int, level_db: float) -> np.ndarray:
    rng = np.random.default_rng(15)
    spectrum = np.fft.rfft(rng.standard_normal(n))
    spectrum /= np.sqrt(np.maximum(np.arange(len(spectrum)), 1))
    noise = np.fft.irfft(spectrum, n)
    rms = float(np.sqrt(np.mean(noise**2))) or 1.0
    return (noise / rms * 10 ** (level_db / 20)).astype(np.float32)


def default_layout() -> list[float | str]:
    """Speech and silences around the 3 s line: 4.0, 3.2 and 6.5 s pauses, 1 and 2.5 s not."""
    s = SENTENCES
    return [1.0, s[0], 4.0, s[1], 1.0, s[2], 3.2, s[3], 2.5, s[4], 6.5, s[5], 1.5]


def tone_layout() -> list[float | np.ndarray]:
    return [1.0, tone(2.0), 4.0, tone(1.5, 300), 1.0, tone(2.5), 3.2, tone(2.0, 220), 5.0]
