"""The bot token never reaches the log, at any level, from any logger (review ux22)."""
from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli.main import configure_logging
from tests.bot_api import TOKEN


def test_a_record_quoting_the_token_is_written_without_it(
        caplog: pytest.LogCaptureFixture) -> None:
    root = logging.getLogger()
    before = list(root.handlers)
    configure_logging("INFO", TOKEN)
    try:
        stream = next(h for h in root.handlers if isinstance(h, logging.StreamHandler))
        formatter = stream.formatter or logging.Formatter()
        said = logging.LogRecord("bot.startup.run", logging.WARNING, __file__, 1,
                                 "Telegram did not answer at start (%s)", (
                                     f"InvalidURL(\"Invalid port: '46771{TOKEN}'\")",), None)
        try:
            raise ValueError(f"http://127.0.0.1/bot{TOKEN.replace(':', '%3A')}/getMe")
        except ValueError:
            failed = logging.LogRecord("telegram.ext", logging.ERROR, __file__, 1, "failed",
                                       (), sys.exc_info())
        for record in (said, failed):
            assert stream.filter(record)
            written = formatter.format(record)
            assert TOKEN not in written and TOKEN.split(":")[1] not in written
            assert "<token>" in written
    finally:
        for handler in root.handlers:
            if handler not in before:
                root.removeHandler(handler)


def test_the_bot_at_debug_level_logs_its_api_url_without_the_token(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "INTERVISION_DATA_DIR": str(tmp_path),
           "TELEGRAM_BOT_TOKEN": TOKEN, "INTERVISION_LOG_LEVEL": "DEBUG",
           "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9/bot"}  # nobody answers here
    bot = subprocess.Popen([sys.executable, "-m", "bot.cli", "run"], env=env,
                           cwd=Path(__file__).resolve().parents[2],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    said: list[str] = []
    try:
        assert bot.stderr is not None
        while not any("Telegram did not answer at start" in line for line in said):
            line = bot.stderr.readline()
            assert line, "".join(said)
            said.append(line)
    finally:
        bot.terminate()
        said.append(bot.communicate(timeout=30)[1])
    log = "".join(said)
    assert "Set Bot API URL: http://127.0.0.1:9/bot<token>" in log
    assert TOKEN not in log and TOKEN.split(":")[1] not in log
