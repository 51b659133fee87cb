"""The clip's sound: where people speak, where it is silent, and the longer pauses (SPEC 4b).

An adapter: a path in, a `SoundProfile` (or a `SoundProblem` the bot answers kindly) out.

ffmpeg decodes the first audio stream to mono 16 kHz PCM on a pipe (no temporary WAV). Speech is
found by WebRTC's voice activity detector (`webrtcvad-wheels`, its model is C code inside the
wheel) when it is installed, otherwise by ffmpeg's `silencedetect` filter in the same ffmpeg run,
which only hears loudness and so takes a humming projector for speech. docs/media.md has the
measurements behind the choice.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from bot.media.ffmpeg import MediaError, ffprobe_json, run_process, source_path

log = logging.getLogger(__name__)

SAMPLE_RATE = 16_000
MIN_PAUSE = 3.0  # seconds of silence that count as a pause worth showing (wait time)
SOUND_TIMEOUT = 60.0

_FRAME_SECONDS = 0.03  # webrtcvad takes 10, 20 or 30 ms frames
_FRAME_BYTES = int(SAMPLE_RATE * _FRAME_SECONDS) * 2
_VAD_MODE = 3  # the most aggressive mode: least noise taken for speech (docs/media.md)
_MERGE_GAP = 0.3  # silences shorter than this are breaths between words, not pauses
_EDGE_SLACK = 0.1  # how much shorter than min_pause a measured pause may be (see profile_of)
_MIN_SPEECH = 0.1  # a shorter burst is a click or a chair, not speech
_BACKGROUND_MARGIN = 10.0  # power ratio: 10 dB over the background (docs/media.md)
_ABSOLUTE_FLOOR = (32768 * 10 ** (-55 / 20)) ** 2  # -55 dBFS as the power of 16-bit samples
_SILENCE_DB = -35  # silencedetect's threshold for the fallback
_SILENCE_LINE = re.compile(rb"silence_(start|end): (-?[0-9.]+)")

Detector = Literal["webrtcvad", "silencedetect"]


@dataclass(frozen=True)
class Segment:
    """A stretch of the clip, in seconds from its start."""

    start: float
    end: float

    @property
    def duration(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class SoundProfile:
    """Speech and silence of a clip that has sound and some speech in it.

    `pauses` are the silent stretches of at least `min_pause` seconds, also at the start or
    the end of the clip; `speech_share` is the part of the clip with speech (0..1).
    """

    duration: float
    speech: tuple[Segment, ...]
    pauses: tuple[Segment, ...]
    speech_share: float
    detector: Detector
    min_pause: float = MIN_PAUSE


@dataclass(frozen=True)
class SoundProblem:
    """Nothing to show: the clip has no sound at all (`no_audio`) or no speech in it (`silent`)."""

    reason: Literal["no_audio", "silent"]
    duration: float = 0.0


def detector_available() -> Detector:
    """Which detector `analyse_sound` will use on this machine."""
    return "webrtcvad" if _webrtcvad() is not None else "silencedetect"


def _webrtcvad() -> Any | None:
    try:
        return importlib.import_module("webrtcvad")
    except ImportError:
        return None


async def analyse_sound(
    path: str | os.PathLike[str],
    *,
    min_pause: float = MIN_PAUSE,
    detector: Detector | None = None,
    timeout: float = SOUND_TIMEOUT,
) -> SoundProfile | SoundProblem:
    """Speech segments, pauses of at least `min_pause` s and the share of speech in a clip.

    `detector` forces one (tests, benchmarks); by default WebRTC VAD where installed. A file
    ffmpeg cannot read raises `MediaError`, as the other derivatives do; so does `timeout`.
    """
    source = source_path(path)
    chosen = detector or detector_available()
    if chosen == "webrtcvad" and _webrtcvad() is None:
        raise MediaError("sound: webrtcvad is not installed")
    try:
        async with asyncio.timeout(timeout):
            pcm, stderr = await _decode(source, timeout, silencedetect=chosen == "silencedetect")
            duration = len(pcm) / 2 / SAMPLE_RATE
            if chosen == "webrtcvad":
                speech = await asyncio.to_thread(vad_segments, pcm)
            else:
                speech = _silencedetect_segments(stderr, duration)
    except TimeoutError:
        raise MediaError(f"sound: timed out after {timeout:g} s") from None
    except _NoAudio:
        return SoundProblem("no_audio")
    if duration <= 0:
        return SoundProblem("no_audio")
    return profile_of(speech, duration, min_pause=min_pause, detector=chosen)


def profile_of(
    raw_speech: Sequence[Segment],
    duration: float,
    *,
    min_pause: float = MIN_PAUSE,
    detector: Detector = "webrtcvad",
) -> SoundProfile | SoundProblem:
    """Smooth detector output into speech and pauses (shared by both detectors and tests)."""
    speech = _smooth(raw_speech, duration)
    if not speech:
        return SoundProblem("silent", duration=duration)
    silences = _gaps(speech, duration)
    # Edges are measured to a frame or two (30 ms each, AAC smears onsets): a 3.00 s pause can
    # measure 2.96 s, and members who counted three seconds would find it missing.
    pauses = tuple(s for s in silences if s.duration >= min_pause - _EDGE_SLACK)
    spoken = sum(s.duration for s in speech)
    return SoundProfile(
        duration=duration,
        speech=tuple(speech),
        pauses=pauses,
        speech_share=min(1.0, spoken / duration),
        detector=detector,
        min_pause=min_pause,
    )


# --- decoding -------------------------------------------------------------------------------


class _NoAudio(Exception):
    pass


async def decode_pcm(path: str | os.PathLike[str], timeout: float) -> bytes | None:
    """Mono 16 kHz signed 16-bit PCM of the first audio stream; None when there is none.

    Also for voice notes (OGG/Opus) before transcription. MediaError for a broken file."""
    try:
        pcm, _ = await _decode(source_path(path), timeout, silencedetect=False)
    except _NoAudio:
        return None
    return pcm


async def _decode(source: str, timeout: float, *, silencedetect: bool) -> tuple[bytes, bytes]:
    """PCM as `decode_pcm` gives it, and ffmpeg's log with silencedetect's lines."""
    args = ["ffmpeg", "-nostdin", "-nostats", "-v", "info" if silencedetect else "error",
            "-i", source, "-map", "0:a:0", "-vn", "-sn", "-dn"]
    if silencedetect:
        args += ["-af", f"silencedetect=noise={_SILENCE_DB}dB:duration={_MERGE_GAP}"]
    args += ["-ac", "1", "-ar", str(SAMPLE_RATE), "-f", "s16le", "pipe:1"]
    try:
        return await run_process(args, timeout, "sound")
    except MediaError:
        # Tell "this clip has no sound" (a value) from "this file is broken" (an error) only now,
        # so the usual case costs no extra ffprobe.
        data = await ffprobe_json(source, timeout)
        if data is not None and data.get("streams") and not any(
            s.get("codec_type") == "audio" for s in data["streams"]
        ):
            raise _NoAudio from None
        raise


# --- detectors ------------------------------------------------------------------------------


def vad_segments(pcm: bytes, mode: int = _VAD_MODE) -> list[Segment]:
    """Runs of 30 ms frames of 16 kHz PCM that WebRTC VAD hears as speech and that are louder
    than the clip's background (before smoothing).

    The loudness check trims WebRTC's hangover (it keeps "speech" on for about 0.1 s after the
    voice stops, which shortens every pause) and drops steady noise it takes for voice.
    """
    webrtcvad = _webrtcvad()
    if webrtcvad is None:
        raise MediaError("sound: webrtcvad is not installed")
    vad = webrtcvad.Vad(mode)
    frames = len(pcm) // _FRAME_BYTES
    samples = np.frombuffer(pcm, dtype="<i2", count=frames * _FRAME_BYTES // 2)
    power = np.mean(np.square(samples.reshape(frames, -1), dtype=np.float64), axis=1)
    loud = power > _loudness_floor(power)
    segments: list[Segment] = []
    start: float | None = None
    is_speech = vad.is_speech
    for i in range(frames):
        voiced = bool(loud[i]) and is_speech(pcm[i * _FRAME_BYTES:(i + 1) * _FRAME_BYTES],
                                              SAMPLE_RATE)
        if voiced and start is None:
            start = i * _FRAME_SECONDS
        elif not voiced and start is not None:
            segments.append(Segment(start, i * _FRAME_SECONDS))
            start = None
    if start is not None:
        segments.append(Segment(start, frames * _FRAME_SECONDS))
    return segments


def _loudness_floor(power: Any) -> float:
    """Frame power that counts as background: 10 dB over the quietest tenth of the clip, and
    never under -55 dBFS (digital silence would make any hiss "loud")."""
    if len(power) == 0:
        return 0.0
    background = float(np.percentile(power, 10))
    return max(background * _BACKGROUND_MARGIN, _ABSOLUTE_FLOOR)


def _silencedetect_segments(log_text: bytes, duration: float) -> list[Segment]:
    """The sound between silencedetect's silences (everything loud enough counts as speech)."""
    silences: list[Segment] = []
    start: float | None = None
    for kind, value in _SILENCE_LINE.findall(log_text):
        t = min(max(0.0, float(value)), duration)
        if kind == b"start":
            start = t
        elif start is not None:
            silences.append(Segment(start, t))
            start = None
    if start is not None:  # silent up to the end: silencedetect logs no end then
        silences.append(Segment(start, duration))
    return _gaps(silences, duration)


# --- smoothing ------------------------------------------------------------------------------


def _smooth(segments: Sequence[Segment], duration: float) -> list[Segment]:
    """Bridge gaps shorter than a breath, then drop bursts too short to be speech."""
    merged: list[Segment] = []
    for seg in sorted(segments, key=lambda s: s.start):
        seg = Segment(max(0.0, seg.start), min(duration, seg.end))
        if seg.end <= seg.start:
            continue
        if merged and seg.start - merged[-1].end < _MERGE_GAP:
            merged[-1] = Segment(merged[-1].start, max(merged[-1].end, seg.end))
        else:
            merged.append(seg)
    return [s for s in merged if s.duration >= _MIN_SPEECH]


def _gaps(segments: Sequence[Segment], duration: float) -> list[Segment]:
    """The stretches of [0, duration] outside `segments` (sorted, not overlapping)."""
    gaps: list[Segment] = []
    at = 0.0
    for seg in segments:
        if seg.start > at:
            gaps.append(Segment(at, seg.start))
        at = max(at, seg.end)
    if duration > at:
        gaps.append(Segment(at, duration))
    return gaps
