"""Configuration: every problem named at once, with how to fix it."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.startup.config import ConfigError, load

TOKEN = "123456789:" + "A" * 35


def test_a_complete_configuration_loads(tmp_path: Path) -> None:
    config = load({"TELEGRAM_BOT_TOKEN": TOKEN, "INTERVISION_DATA_DIR": str(tmp_path),
                   "INTERVISION_TIMEZONE": "Europe/Brussels"})
    assert config.db_path == tmp_path / "intervision.db"
    assert config.timezone == "Europe/Brussels" and config.webhook_url is None


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load({"TELEGRAM_BOT_TOKEN": "not-a-token", "INTERVISION_DATA_DIR": str(tmp_path),
              "INTERVISION_TIMEZONE": "Mars/Olympus", "INTERVISION_WEBHOOK_URL": "http://x"})
    problems = "\n".join(caught.value.problems)
    assert "TELEGRAM_BOT_TOKEN" in problems and "Mars/Olympus" in problems
    assert "https" in problems and "SECRET" in problems


@pytest.mark.parametrize(("name", "value"), [
    ("TELEGRAM_BOT_TOKEN", "123456789:" + "A" * 12),  # cut short when copied from @BotFather
    ("INTERVISION_WEBHOOK_PORT", "65536"),
    ("INTERVISION_WEBHOOK_PORT", "0"),
    ("INTERVISION_GROUP_MESSAGES_PER_MINUTE", "0"),  # the group would never be answered
    ("INTERVISION_GROUP_MESSAGES_PER_MINUTE", "10001"),
    ("INTERVISION_CHAT_MESSAGES_PER_SECOND", "0"),
    ("INTERVISION_CHAT_MESSAGES_PER_SECOND", "1.5"),
    ("INTERVISION_WEBHOOK_SECRET", "two words"),  # Telegram refuses it at setWebhook
])
def test_a_value_the_bot_cannot_run_with_is_named_at_start(tmp_path: Path, name: str,
                                                           value: str) -> None:
    env = {"TELEGRAM_BOT_TOKEN": TOKEN, "INTERVISION_DATA_DIR": str(tmp_path),
           "INTERVISION_WEBHOOK_URL": "https://bot.example.org/hook",
           "INTERVISION_WEBHOOK_SECRET": "s3cret", name: value}
    with pytest.raises(ConfigError, match=name):
        load(env)


@pytest.mark.parametrize(("local", "limit"), [("1", 2000), ("yes", 2000), ("", 20)])
def test_a_local_bot_api_server_raises_the_clip_limit(tmp_path: Path, local: str,
                                                      limit: int) -> None:
    config = load({"TELEGRAM_BOT_TOKEN": TOKEN, "INTERVISION_DATA_DIR": str(tmp_path),
                   "TELEGRAM_LOCAL_MODE": local})
    assert config.local_mode == bool(local) and config.max_clip_mb == limit


def test_a_missing_token_says_where_to_get_one(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="BotFather"):
        load({"INTERVISION_DATA_DIR": str(tmp_path)})


def test_an_unwritable_database_path_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ConfigError, match="INTERVISION_DB"):
        load({"TELEGRAM_BOT_TOKEN": TOKEN, "INTERVISION_DATA_DIR": str(tmp_path),
              "INTERVISION_DB": str(blocker / "sub" / "db.sqlite")})


@pytest.mark.parametrize(("transcriber", "model", "problem"), [
    ("whisperx", None, "INTERVISION_TRANSCRIBER"),  # misspelt: every voice note would go unread
    ("whisper", None, "INTERVISION_WHISPER_MODEL"),
    ("whisper", "missing-folder", "INTERVISION_WHISPER_MODEL"),
])
def test_a_speech_to_text_set_up_that_cannot_work_is_refused_at_start(
        tmp_path: Path, transcriber: str, model: str | None, problem: str) -> None:
    env = {"TELEGRAM_BOT_TOKEN": TOKEN, "INTERVISION_DATA_DIR": str(tmp_path),
           "INTERVISION_TRANSCRIBER": transcriber}
    if model is not None:
        env["INTERVISION_WHISPER_MODEL"] = str(tmp_path / model)
    with pytest.raises(ConfigError, match=problem):
        load(env)


def test_a_speech_to_text_set_up_that_can_work_loads(tmp_path: Path) -> None:
    (tmp_path / "model").mkdir()
    for env in ({"INTERVISION_TRANSCRIBER": "pocketsphinx"},
                {"INTERVISION_TRANSCRIBER": "Whisper",
                 "INTERVISION_WHISPER_MODEL": str(tmp_path / "model")}):
        load({"TELEGRAM_BOT_TOKEN": TOKEN, "INTERVISION_DATA_DIR": str(tmp_path), **env})


API_SAID = "should end in /bot, as https://api.telegram.org/bot"
FILE_SAID = "should end in /file/bot, as https://api.telegram.org/file/bot"


@pytest.mark.parametrize(("name", "value", "said"), [
    # the review's typo: the token ran into the port, and every retry logged it
    ("TELEGRAM_API_BASE_URL", "http://127.0.0.1:46771", API_SAID),
    ("TELEGRAM_API_BASE_URL", "http://bot-api:8081/bot/", API_SAID),
    ("TELEGRAM_FILE_BASE_URL", "http://bot-api:8081/file", FILE_SAID),
])
def test_a_telegram_base_url_that_cannot_work_is_refused_at_start(
        tmp_path: Path, name: str, value: str, said: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load({"TELEGRAM_BOT_TOKEN": TOKEN, "INTERVISION_DATA_DIR": str(tmp_path),
              "INTERVISION_TIMEZONE": "Mars/Olympus", name: value})
    problems = "\n".join(caught.value.problems)
    assert f"{name} {said}" in problems and "Mars/Olympus" in problems  # all at once


def test_a_local_bot_api_server_url_loads(tmp_path: Path) -> None:
    config = load({"TELEGRAM_BOT_TOKEN": TOKEN, "INTERVISION_DATA_DIR": str(tmp_path),
                   "TELEGRAM_API_BASE_URL": "http://bot-api:8081/bot",
                   "TELEGRAM_FILE_BASE_URL": "http://bot-api:8081/file/bot{token}"})
    assert config.api_base_url == "http://bot-api:8081/bot"
