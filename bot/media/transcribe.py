"""Voice notes to text on the bot's own machine (SPEC 4: voice notes are contributions too).

One small interface over interchangeable back-ends, chosen by configuration:

- `none` (the default): nothing is transcribed; the note still counts as a contribution.
- `pocketsphinx` (`pip install .[pocketsphinx]`): English only; its model ships inside the PyPI
  package, so it works offline with nothing else to fetch. Modest accuracy.
- `whisper` (`pip install .[whisper]`): faster-whisper with a CTranslate2 model directory named
  by `INTERVISION_WHISPER_MODEL` (Dutch and English; docs/media.md says how to get one). The
  model is never downloaded at run time.

Audio (Telegram voice notes are OGG/Opus) is decoded by ffmpeg to 16 kHz mono PCM. Recognition
runs in a worker thread in pieces, checking the time limit between pieces, so a long note ends
as `TranscriptionUnavailable("timeout")` instead of holding a thread for minutes. Everything the
bot must answer is a value; nothing here raises for a bad note or a missing model.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import os
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from bot.media.process import MediaError
from bot.media.sound import SAMPLE_RATE, decode_pcm

log = logging.getLogger(__name__)

Backend = Literal["none", "pocketsphinx", "whisper"]
BACKENDS: tuple[Backend, ...] = ("none", "pocketsphinx", "whisper")
# Whose words may be shown as what a member said. pocketsphinx gets the key words right and the
# small ones wrong ("you shall give them more weight i left your your question"): enough to
# classify and nudge, not to quote under someone's name or to note as a commitment.
QUOTABLE: frozenset[Backend] = frozenset({"whisper"})
BACKEND_ENV = "INTERVISION_TRANSCRIBER"
WHISPER_MODEL_ENV = "INTERVISION_WHISPER_MODEL"
TIME_LIMIT = 120.0
_UTTERANCE_SECONDS = 20.0  # pocketsphinx decodes short utterances best

Reason = Literal[
    "disabled",  # the bot is configured without transcription
    "not_installed",  # the back-end's library is missing: pip install .[whisper]
    "no_model",  # INTERVISION_WHISPER_MODEL unset or not a directory
    "bad_model",  # the directory holds no loadable CTranslate2 Whisper model
    "language",  # the back-end cannot do this language (pocketsphinx: English only)
    "no_audio",  # the file has no sound
    "unreadable",  # ffmpeg cannot decode it
    "timeout",  # longer than the time limit
    "failed",  # the recogniser itself failed (logged)
]


@dataclass(frozen=True)
class Transcript:
    """What was said; `text` may be empty when nothing was recognised."""

    text: str
    language: str
    backend: Backend
    seconds: float  # length of the note

    @property
    def quotable(self) -> bool:
        """Whether these words may be shown as the member's (QUOTABLE)."""
        return self.backend in QUOTABLE


@dataclass(frozen=True)
class TranscriptionUnavailable:
    """No transcript, and why (for the log and for a kind answer); `detail` never goes to users."""

    reason: Reason
    detail: str = ""


def backend_from_env(env: Mapping[str, str] | None = None) -> Backend:
    """The configured back-end (`INTERVISION_TRANSCRIBER`); anything unknown is `none`."""
    value = (os.environ if env is None else env).get(BACKEND_ENV, "none").strip().lower()
    for backend in BACKENDS:
        if value == backend:
            return backend
    log.warning("%s=%r is not one of %s; transcription is off", BACKEND_ENV, value, BACKENDS)
    return "none"


async def transcribe(
    path: str | os.PathLike[str],
    language: str,
    time_limit: float = TIME_LIMIT,
    *,
    backend: Backend | None = None,
    model_dir: str | os.PathLike[str] | None = None,
) -> Transcript | TranscriptionUnavailable:
    """The text of a voice note in `language` ("nl", "en"), or why there is none.

    `backend` and `model_dir` default to the environment (`INTERVISION_TRANSCRIBER`,
    `INTERVISION_WHISPER_MODEL`)."""
    chosen = backend or backend_from_env()
    if chosen == "none":
        return TranscriptionUnavailable("disabled")
    language = language.split("-")[0].lower()
    recogniser = _pocketsphinx if chosen == "pocketsphinx" else _whisper
    deadline = time.monotonic() + time_limit
    try:
        # Check what can be checked before the ffmpeg run: a missing model costs no decoding.
        prepared = await asyncio.to_thread(recogniser.prepare, language, model_dir)
        if isinstance(prepared, TranscriptionUnavailable):
            return prepared
        pcm = await decode_pcm(path, max(0.1, deadline - time.monotonic()))
    except MediaError as error:
        reason: Reason = "timeout" if "timed out" in error.reason else "unreadable"
        return TranscriptionUnavailable(reason, error.reason)
    if pcm is None:
        return TranscriptionUnavailable("no_audio")
    seconds = len(pcm) / 2 / SAMPLE_RATE
    try:
        text = await asyncio.to_thread(recogniser.recognise, prepared, pcm, language, deadline)
    except _TimeUp:
        return TranscriptionUnavailable("timeout", f"over {time_limit:g} s")
    except Exception as error:  # a recogniser's own failure must not kill the bot
        log.exception("transcription with %s failed", chosen)
        return TranscriptionUnavailable("failed", type(error).__name__)
    return Transcript(text=" ".join(text.split()), language=language, backend=chosen,
                      seconds=seconds)


class _TimeUp(Exception):
    pass


def _check(deadline: float) -> None:
    if time.monotonic() > deadline:
        raise _TimeUp


def _import(name: str) -> Any | None:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


# --- pocketsphinx ---------------------------------------------------------------------------


class _Pocketsphinx:
    """CMU PocketSphinx with the US English model inside its wheel; one decoder, reused."""

    def __init__(self) -> None:
        self._decoder: Any = None
        self._lock = threading.Lock()  # a decoder decodes one note at a time

    def prepare(self, language: str, _model_dir: object) -> Any:
        if language != "en":
            return TranscriptionUnavailable("language", "pocketsphinx ships English only")
        module = _import("pocketsphinx")
        if module is None:
            return TranscriptionUnavailable("not_installed", "pip install .[pocketsphinx]")
        with self._lock:
            if self._decoder is None:  # loading takes about half a second: once per process
                self._decoder = module.Decoder(samprate=SAMPLE_RATE, loglevel="FATAL")
        return self._decoder

    def recognise(self, decoder: Any, pcm: bytes, _language: str, deadline: float) -> str:
        # Each piece is one utterance decoded whole (full_utt: cepstral mean normalisation over
        # the piece, which recognises far better than the live estimate), and the clock is
        # looked at between pieces.
        texts = []
        with self._lock:
            for piece in utterances(pcm):
                _check(deadline)
                decoder.start_utt()
                decoder.process_raw(piece, full_utt=True)
                decoder.end_utt()
                hypothesis = decoder.hyp()
                if hypothesis is not None:
                    texts.append(str(hypothesis.hypstr))
        return " ".join(texts)


def utterances(pcm: bytes, most: float = _UTTERANCE_SECONDS) -> list[bytes]:
    """16 kHz PCM cut into pieces of at most `most` seconds, each cut at the quietest 30 ms of
    its last quarter, so a word is rarely split."""
    import numpy as np

    frame = int(SAMPLE_RATE * 0.03) * 2
    limit = int(most * SAMPLE_RATE) * 2 // frame * frame
    pieces = []
    while len(pcm) > limit:
        tail = np.frombuffer(pcm[limit * 3 // 4 // frame * frame:limit], dtype="<i2")
        power = np.square(tail[: len(tail) // (frame // 2) * (frame // 2)]
                          .reshape(-1, frame // 2).astype(np.float64)).sum(axis=1)
        cut = limit * 3 // 4 // frame * frame + int(np.argmin(power)) * frame + frame
        pieces.append(pcm[:cut])
        pcm = pcm[cut:]
    return [*pieces, pcm] if pcm else pieces


# --- faster-whisper -------------------------------------------------------------------------


class _Whisper:
    """faster-whisper on a local CTranslate2 model directory; models cached by directory."""

    def __init__(self) -> None:
        self._models: dict[Path, Any] = {}
        self._lock = threading.Lock()

    def prepare(self, language: str, model_dir: str | os.PathLike[str] | None) -> Any:
        configured = model_dir if model_dir is not None else os.environ.get(WHISPER_MODEL_ENV)
        if not configured:
            return TranscriptionUnavailable("no_model", f"{WHISPER_MODEL_ENV} is not set")
        directory = Path(configured).expanduser()
        if not directory.is_dir():
            return TranscriptionUnavailable("no_model", f"{WHISPER_MODEL_ENV}: no such directory")
        if not (directory / "model.bin").is_file():
            return TranscriptionUnavailable(
                "bad_model", "no model.bin: not a CTranslate2 model directory")
        module = _import("faster_whisper")
        if module is None:
            return TranscriptionUnavailable("not_installed", "pip install .[whisper]")
        with self._lock:
            model = self._models.get(directory)
            if model is None:
                try:
                    # A local path and local_files_only: never a download from a model hub.
                    model = module.WhisperModel(str(directory), device="cpu",
                                                compute_type="int8", local_files_only=True)
                except (RuntimeError, ValueError, OSError) as error:  # ctranslate2: RuntimeError
                    log.warning("whisper model in %s does not load: %s", directory, error)
                    return TranscriptionUnavailable("bad_model", type(error).__name__)
                self._models[directory] = model
        multilingual = bool(getattr(model, "model", None) is None
                            or getattr(model.model, "is_multilingual", True))
        if language != "en" and not multilingual:
            return TranscriptionUnavailable("language", "an English-only Whisper model")
        return model

    def recognise(self, model: Any, pcm: bytes, language: str, deadline: float) -> str:
        import numpy as np

        audio = np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768.0
        segments, _info = model.transcribe(audio, language=language, beam_size=1,
                                           condition_on_previous_text=False)
        texts = []
        for segment in segments:  # a generator: decoding happens here, piece by piece
            _check(deadline)
            texts.append(segment.text)
        return " ".join(texts)


_pocketsphinx = _Pocketsphinx()
_whisper = _Whisper()
