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
import subprocess
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import IO, Any, Literal

from bot.media.process import MediaError, ffprobe_json, source_path

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
    voice = _FrameVoice() if chosen == "webrtcvad" else None
    counted = _ByteCount()
    try:
        # The detector reads the PCM as ffmpeg writes it, in a worker thread.
        log_text = await _decode(source, timeout, voice.feed if voice else counted.feed,
                                 silencedetect=voice is None)
    except _NoAudio:
        return SoundProblem("no_audio")
    duration = (voice.bytes if voice else counted.bytes) / 2 / SAMPLE_RATE
    if duration <= 0:
        return SoundProblem("no_audio")
    speech = voice.segments() if voice else _silencedetect_segments(log_text, duration)
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
    pieces: list[bytes] = []
    try:
        await _decode(source_path(path), timeout, pieces.append, silencedetect=False)
    except _NoAudio:
        return None
    return b"".join(pieces)


async def _decode(source: str, timeout: float, consume: Callable[[bytes], None], *,
                  silencedetect: bool) -> bytes:
    """Pipe the PCM through `consume` in a worker thread; return ffmpeg's log (silencedetect's
    lines). The process is killed at the timeout or when the awaiting task is cancelled.

    A thread reading a plain pipe in large blocks, because asyncio's pipe reader took 0.3 s
    more than the decoding itself for a 10-minute clip (19 MB of PCM).
    """
    args = ["ffmpeg", "-nostdin", "-nostats", "-v", "info" if silencedetect else "error",
            "-i", source, "-map", "0:a:0", "-vn", "-sn", "-dn"]
    if silencedetect:
        args += ["-af", f"silencedetect=noise={_SILENCE_DB}dB:duration={_MERGE_GAP}"]
    args += ["-ac", "1", "-ar", str(SAMPLE_RATE), "-f", "s16le", "pipe:1"]
    # ffmpeg's log goes to a file: a pipe nobody reads could fill up and stall ffmpeg.
    with tempfile.TemporaryFile() as log_file:
        run = _Decoding(args, log_file, consume)
        reading = asyncio.ensure_future(asyncio.to_thread(run.run))
        try:
            done, _ = await asyncio.wait({reading}, timeout=timeout)
        except asyncio.CancelledError:  # the bot cancelling the job
            await asyncio.to_thread(run.stop)
            reading.add_done_callback(_forget)
            raise
        if not done:
            await asyncio.to_thread(run.stop)
            await asyncio.wait({reading})  # ffmpeg is gone: the reader sees the end at once
            reading.add_done_callback(_forget)
            raise MediaError(f"sound: timed out after {timeout:g} s")
        code = reading.result()
        log_file.seek(0)
        log_text = log_file.read()
    if code == 0:
        return log_text
    log.debug("sound: ffmpeg exit %s: %s", code, log_text[-2000:])
    # Tell "this clip has no sound" (a value) from "this file is broken" (an error) only now,
    # so the usual case costs no extra ffprobe.
    data = await ffprobe_json(source, timeout)
    if data is not None and data.get("streams") and not any(
        s.get("codec_type") == "audio" for s in data["streams"]
    ):
        raise _NoAudio
    raise MediaError(f"sound: ffmpeg exit {code}")


def _forget(task: asyncio.Future[int]) -> None:
    if not task.cancelled():
        task.exception()  # read, so asyncio does not log "exception never retrieved"


class _Decoding:
    """One ffmpeg run whose stdout is read in a worker thread; `stop` kills it from outside."""

    def __init__(self, args: list[str], log_file: IO[bytes],
                 consume: Callable[[bytes], None]) -> None:
        self._args, self._log_file, self._consume = args, log_file, consume
        self._proc: subprocess.Popen[bytes] | None = None
        self._stopped = threading.Event()
        self._lock = threading.Lock()

    def run(self) -> int:
        with self._lock:
            if self._stopped.is_set():
                return -9
            try:
                self._proc = subprocess.Popen(self._args, stdin=subprocess.DEVNULL,
                                              stdout=subprocess.PIPE, stderr=self._log_file)
            except OSError as exc:
                raise MediaError("sound: ffmpeg not available") from exc
        assert self._proc.stdout is not None
        with self._proc.stdout as stdout:
            while chunk := stdout.read(1 << 18):
                self._consume(chunk)
        return self._proc.wait()

    def stop(self) -> None:
        with self._lock:
            self._stopped.set()
            if self._proc is not None and self._proc.poll() is None:
                self._proc.kill()
                self._proc.wait()


class _ByteCount:
    def __init__(self) -> None:
        self.bytes = 0

    def feed(self, chunk: bytes) -> None:
        self.bytes += len(chunk)


# --- detectors ------------------------------------------------------------------------------


def vad_segments(pcm: bytes, mode: int = _VAD_MODE) -> list[Segment]:
    """Runs of 30 ms frames of 16 kHz PCM that WebRTC VAD hears as speech and that are louder
    than the clip's background (before smoothing)."""
    voice = _FrameVoice(mode)
    voice.feed(pcm)
    return voice.segments()


class _FrameVoice:
    """WebRTC VAD over PCM fed in pieces, and each 30 ms frame's loudness.

    The loudness check trims WebRTC's hangover (it keeps "speech" on for about 0.1 s after the
    voice stops, which shortens every pause) and drops steady noise it takes for voice; it can
    only be applied at the end, when the clip's background level is known.
    """

    def __init__(self, mode: int = _VAD_MODE) -> None:
        webrtcvad = _webrtcvad()
        if webrtcvad is None:
            raise MediaError("sound: webrtcvad is not installed")
        self._is_speech = webrtcvad.Vad(mode).is_speech
        self._voiced: list[bool] = []
        self._power: list[Any] = []
        self._rest = b""
        self.bytes = 0

    def feed(self, chunk: bytes) -> None:
        self.bytes += len(chunk)
        data = self._rest + chunk
        frames = len(data) // _FRAME_BYTES
        self._rest = data[frames * _FRAME_BYTES:]
        if not frames:
            return
        import numpy as np  # only where a clip's sound is read: the bot starts 10 MB lighter

        is_speech = self._is_speech
        self._voiced.extend(is_speech(data[i * _FRAME_BYTES:(i + 1) * _FRAME_BYTES],
                                      SAMPLE_RATE) for i in range(frames))
        samples = np.frombuffer(data, dtype="<i2", count=frames * _FRAME_BYTES // 2)
        self._power.append(np.mean(np.square(samples.reshape(frames, -1), dtype=np.float64),
                                   axis=1))

    def segments(self) -> list[Segment]:
        if not self._voiced:
            return []
        import numpy as np  # as in feed

        power = np.concatenate(self._power)
        speech = np.asarray(self._voiced) & (power > _loudness_floor(power))
        # Runs of True as (start, end) frame indexes.
        edges = np.flatnonzero(np.diff(np.concatenate([[0], speech.astype(np.int8), [0]])))
        return [Segment(float(a) * _FRAME_SECONDS, float(b) * _FRAME_SECONDS)
                for a, b in zip(edges[::2], edges[1::2], strict=True)]


def _loudness_floor(power: Any) -> float:
    """Frame power that counts as background: 10 dB over the quietest tenth of the clip, and
    never under -55 dBFS (digital silence would make any hiss "loud")."""
    if len(power) == 0:
        return 0.0
    import numpy as np  # as in _FrameVoice.feed

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
