"""bot/media/transcribe.py: pocketsphinx for real on an espeak-ng voice note; faster-whisper up
to loading its model (no weights can be fetched here) and its clear answers without one."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest

from bot.media import transcribe as stt
from bot.media.transcribe import Transcript, TranscriptionUnavailable
from tests.clips import ffmpeg
from tests.media import speech_audio

pytestmark = pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="needs the system ffmpeg")
needs_pocketsphinx = pytest.mark.skipif(
    importlib.util.find_spec("pocketsphinx") is None,
    reason="needs pocketsphinx (pip install .[pocketsphinx]; part of .[test])")
needs_faster_whisper = pytest.mark.skipif(
    importlib.util.find_spec("faster_whisper") is None,
    reason="needs faster-whisper (pip install .[whisper]); the import-error path runs without it")
TIP = "You should give them more wait time after your question"
KEY_WORDS = {"should", "give", "them", "more", "wait", "time", "after", "question"}


@pytest.fixture(scope="module")
def voice_note(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tip as Telegram sends a voice note: OGG/Opus, mono."""
    if not speech_audio.espeak_available():
        pytest.skip(speech_audio.ESPEAK_MISSING)
    d = tmp_path_factory.mktemp("voice")
    # en-us+f2 at 150 words a minute: the espeak voice pocketsphinx's model hears best.
    subprocess.run(["espeak-ng", "-v", "en-us+f2", "-s", "150", "-w", str(d / "tip.wav"), TIP],
                   check=True, timeout=30)
    note = d / "note.ogg"
    ffmpeg("-i", str(d / "tip.wav"), "-af", "adelay=300,apad=pad_dur=0.5", "-c:a", "libopus",
           "-b:a", "32k", str(note))
    return note


@pytest.fixture
def model_dir(tmp_path: Path) -> Path:
    """A directory that looks like a CTranslate2 model but holds no usable weights."""
    (tmp_path / "model.bin").write_bytes(b"not a model")
    (tmp_path / "config.json").write_text("{}")
    return tmp_path


# --- choosing a back-end --------------------------------------------------------------------


@pytest.mark.parametrize(("value", "backend"), [
    (None, "none"), ("none", "none"), ("pocketsphinx", "pocketsphinx"), (" Whisper ", "whisper"),
    ("vosk", "none"),
])
def test_the_back_end_comes_from_configuration(value: str | None, backend: str) -> None:
    env = {} if value is None else {stt.BACKEND_ENV: value}
    assert stt.backend_from_env(env) == backend


async def test_without_a_back_end_nothing_is_transcribed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(stt.BACKEND_ENV, raising=False)
    assert await stt.transcribe(tmp_path / "x.ogg", "nl") == TranscriptionUnavailable("disabled")


# --- pocketsphinx, the whole path -----------------------------------------------------------


@needs_pocketsphinx
async def test_pocketsphinx_transcribes_an_english_voice_note(voice_note: Path) -> None:
    found = await stt.transcribe(voice_note, "en", 60, backend="pocketsphinx")
    assert isinstance(found, Transcript), found
    assert found.backend == "pocketsphinx" and found.language == "en"
    assert found.seconds == pytest.approx(4.1, abs=0.6)
    heard = set(found.text.lower().split()) & KEY_WORDS
    assert len(heard) >= 3, found.text
    # The same note gives the same words again (no state carried between notes).
    again = await stt.transcribe(voice_note, "en-GB", 60, backend="pocketsphinx")
    assert isinstance(again, Transcript) and again.text == found.text


@needs_pocketsphinx
async def test_pocketsphinx_speaks_no_dutch(voice_note: Path) -> None:
    found = await stt.transcribe(voice_note, "nl", backend="pocketsphinx")
    assert isinstance(found, TranscriptionUnavailable) and found.reason == "language"


@needs_pocketsphinx
async def test_a_long_note_stops_at_the_time_limit(voice_note: Path) -> None:
    found = await stt.transcribe(voice_note, "en", 0.001, backend="pocketsphinx")
    assert isinstance(found, TranscriptionUnavailable) and found.reason == "timeout"


@needs_pocketsphinx
async def test_notes_without_sound_or_broken_are_values(clip: Path, tmp_path: Path) -> None:
    found = await stt.transcribe(clip, "en", backend="pocketsphinx")
    assert found == TranscriptionUnavailable("no_audio")
    broken = tmp_path / "broken.ogg"
    broken.write_bytes(b"OggS" + bytes(5000))
    found = await stt.transcribe(broken, "en", backend="pocketsphinx")
    assert isinstance(found, TranscriptionUnavailable) and found.reason == "unreadable"


async def test_missing_pocketsphinx_is_a_value(
    voice_note: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stt, "_import", lambda name: None)
    found = await stt.transcribe(voice_note, "en", backend="pocketsphinx")
    assert isinstance(found, TranscriptionUnavailable) and found.reason == "not_installed"


def test_long_audio_is_cut_into_utterances_at_quiet_moments() -> None:
    second = 16_000 * 2
    loud, quiet = b"\x00\x40" * 16_000, bytes(2 * 480)
    pcm = loud * 15 + quiet + loud * 10  # 25 s of sound with 30 ms of silence at 15 s
    pieces = stt.utterances(pcm, most=20.0)
    assert b"".join(pieces) == pcm
    assert len(pieces) == 2 and abs(len(pieces[0]) - (15 * second + len(quiet))) <= 960


# --- faster-whisper, up to loading ----------------------------------------------------------


async def test_whisper_without_a_model_directory_says_so(
    voice_note: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(stt.WHISPER_MODEL_ENV, raising=False)
    unset = await stt.transcribe(voice_note, "nl", backend="whisper")
    assert isinstance(unset, TranscriptionUnavailable) and unset.reason == "no_model"
    # A hub name is no directory: it is refused, never downloaded.
    monkeypatch.setenv(stt.WHISPER_MODEL_ENV, "large-v3")
    named = await stt.transcribe(voice_note, "nl", backend="whisper")
    assert isinstance(named, TranscriptionUnavailable) and named.reason == "no_model"
    empty = await stt.transcribe(voice_note, "nl", backend="whisper", model_dir=tmp_path)
    assert isinstance(empty, TranscriptionUnavailable) and empty.reason == "bad_model"


async def test_whisper_not_installed_is_a_value(
    voice_note: Path, model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stt, "_import", lambda name: None)
    monkeypatch.setenv(stt.WHISPER_MODEL_ENV, str(model_dir))
    found = await stt.transcribe(voice_note, "nl", backend="whisper")
    assert found == TranscriptionUnavailable("not_installed", "pip install .[whisper]")


@needs_faster_whisper
async def test_whisper_with_a_wrong_model_directory_says_so(
    voice_note: Path, model_dir: Path
) -> None:
    found = await stt.transcribe(voice_note, "nl", backend="whisper", model_dir=model_dir)
    assert isinstance(found, TranscriptionUnavailable) and found.reason == "bad_model"
