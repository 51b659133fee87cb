"""Configuration from environment variables (SPEC section 7), checked at start.

Every problem is reported with what is wrong and how to fix it, all at once, so a person
setting up the bot does not fix one variable per restart.
"""
from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.media.transcribe import BACKENDS
from flows.settings_change import is_time_zone

TOKEN_PATTERN = re.compile(r"^\d{5,16}:[A-Za-z0-9_-]{30,64}$")
DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"
DEFAULT_FILE_BASE_URL = "https://api.telegram.org/file/bot"
# Bots download at most 20 MB through api.telegram.org; a local Bot API server in --local mode
# has no download limit, and Telegram takes uploads up to 2000 MB.
TELEGRAM_DOWNLOAD_LIMIT_MB = 20
LOCAL_SERVER_LIMIT_MB = 2000


class ConfigError(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Config:
    token: str
    api_base_url: str
    file_base_url: str
    db_path: Path
    data_dir: Path
    timezone: str
    log_level: str
    webhook_url: str | None
    webhook_secret: str | None
    webhook_listen: str
    webhook_port: int
    group_messages_per_minute: int = 20
    chat_messages_per_second: int = 1
    local_mode: bool = False  # TELEGRAM_LOCAL_MODE: a local Bot API server started with --local
    max_clip_mb: int = TELEGRAM_DOWNLOAD_LIMIT_MB


def local_mode(env: Mapping[str, str]) -> bool:
    return env.get("TELEGRAM_LOCAL_MODE", "").strip().lower() in ("1", "true", "yes")


def max_clip_mb(env: Mapping[str, str] | None = None) -> int:
    """INTERVISION_MAX_CLIP_MB, else what the Bot API server lets the bot download: 20 MB from
    api.telegram.org, 2000 MB from a local server in --local mode (TELEGRAM_LOCAL_MODE=1).
    An unreadable value counts as the default here; `load()` reports it at start."""
    env = os.environ if env is None else env
    default = LOCAL_SERVER_LIMIT_MB if local_mode(env) else TELEGRAM_DOWNLOAD_LIMIT_MB
    text = env.get("INTERVISION_MAX_CLIP_MB", "").strip()
    return int(text) if text.isdigit() and 0 < int(text) <= LOCAL_SERVER_LIMIT_MB else default


def _writable_file(path: Path) -> str | None:
    directory = path.parent if str(path.parent) else Path(".")
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return f"INTERVISION_DB: cannot create the folder {directory} ({error.strerror})"
    if path.exists() and not os.access(path, os.W_OK):
        return f"INTERVISION_DB: {path} is not writable"
    if not os.access(directory, os.W_OK):
        return f"INTERVISION_DB: the folder {directory} is not writable"
    return None


def _writable_dir(path: Path) -> str | None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return f"INTERVISION_DATA_DIR: cannot create {path} ({error.strerror})"
    return None if os.access(path, os.W_OK) else f"INTERVISION_DATA_DIR: {path} is not writable"


def _transcriber_problems(env: Mapping[str, str]) -> list[str]:
    """A misspelt back-end would leave every voice note unread without a word at start."""
    chosen = env.get("INTERVISION_TRANSCRIBER", "none").strip().lower()
    if chosen not in BACKENDS:
        return [f"INTERVISION_TRANSCRIBER: {chosen!r} is not one of {', '.join(BACKENDS)}"]
    model = env.get("INTERVISION_WHISPER_MODEL", "").strip()
    if chosen == "whisper" and not (model and Path(model).is_dir()):
        return ["INTERVISION_WHISPER_MODEL: with INTERVISION_TRANSCRIBER=whisper, the folder of "
                + "a local faster-whisper model (docs/media.md)"]
    return []


def _base_url_problems(name: str, url: str, default: str) -> list[str]:
    """python-telegram-bot puts the token right after the base URL (or where it says
    `{token}`). A base without its `/bot` can never work, and the token then runs into the
    URL's port or path: every retry would log it (review ux22)."""
    if not url.startswith(("http://", "https://")):
        return [f"{name}: {url!r} is not an http(s) URL"]
    tail = default.removeprefix("https://api.telegram.org")
    if not (url.endswith(tail) or "{token}" in url):
        return [f"{name} should end in {tail}, as {default} (it is {url!r})"]
    return []


def load(env: Mapping[str, str] | None = None, *, require_token: bool = True,
         writes: bool = True) -> Config:
    """`writes=False` for a command that only reads (export): its folders are neither made
    nor checked for writing, so a mistyped path leaves nothing behind."""
    env = os.environ if env is None else env
    problems: list[str] = []
    token = env.get("TELEGRAM_BOT_TOKEN", "").strip()
    if require_token and not token:
        problems.append("TELEGRAM_BOT_TOKEN is missing: ask @BotFather for a token "
                        "(see README, 'Setting up the bot in Telegram')")
    elif token and not TOKEN_PATTERN.match(token):
        problems.append("TELEGRAM_BOT_TOKEN does not look like a bot token "
                        "(digits, a colon, then 30+ letters, digits, - or _)")
    data_dir = Path(env.get("INTERVISION_DATA_DIR", "data"))
    db_path = Path(env.get("INTERVISION_DB", str(data_dir / "intervision.db")))
    for problem in (_writable_dir(data_dir), _writable_file(db_path)) if writes else ():
        if problem:
            problems.append(problem)
    timezone = env.get("INTERVISION_TIMEZONE", "Europe/Amsterdam")
    if not is_time_zone(timezone):
        problems.append(f"INTERVISION_TIMEZONE: {timezone!r} is not a time zone name "
                        "(for example Europe/Amsterdam)")
    log_level = env.get("INTERVISION_LOG_LEVEL", "INFO").upper()
    if log_level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
        problems.append("INTERVISION_LOG_LEVEL: use DEBUG, INFO, WARNING or ERROR")
    api_base_url = env.get("TELEGRAM_API_BASE_URL", DEFAULT_API_BASE_URL)
    file_base_url = env.get("TELEGRAM_FILE_BASE_URL", DEFAULT_FILE_BASE_URL)
    problems += _base_url_problems("TELEGRAM_API_BASE_URL", api_base_url, DEFAULT_API_BASE_URL)
    problems += _base_url_problems("TELEGRAM_FILE_BASE_URL", file_base_url,
                                   DEFAULT_FILE_BASE_URL)
    webhook_url = env.get("INTERVISION_WEBHOOK_URL") or None
    webhook_secret = env.get("INTERVISION_WEBHOOK_SECRET") or None
    if webhook_url and not webhook_url.startswith("https://"):
        problems.append("INTERVISION_WEBHOOK_URL must be an https:// URL (Telegram requires it)")
    if webhook_url and not (webhook_secret and re.fullmatch(r"[A-Za-z0-9_-]{1,256}",
                                                            webhook_secret)):
        problems.append("INTERVISION_WEBHOOK_SECRET is required in webhook mode: 1-256 "
                        "characters A-Z, a-z, 0-9, _ and -")
    port = _whole(env, "INTERVISION_WEBHOOK_PORT", 8443, 65535, problems,
                  "INTERVISION_WEBHOOK_PORT must be a port number")
    per_minute = _whole(env, "INTERVISION_GROUP_MESSAGES_PER_MINUTE", 20, 10_000, problems,
                        "INTERVISION_GROUP_MESSAGES_PER_MINUTE must be a whole number "
                        "(Telegram allows 20 for a bot in one group)")
    per_second = _whole(env, "INTERVISION_CHAT_MESSAGES_PER_SECOND", 1, 1_000, problems,
                        "INTERVISION_CHAT_MESSAGES_PER_SECOND must be a whole number "
                        "(Telegram allows about 1 in one chat)")
    clip_text = env.get("INTERVISION_MAX_CLIP_MB", "").strip()
    if clip_text and not (clip_text.isdigit() and 0 < int(clip_text) <= LOCAL_SERVER_LIMIT_MB):
        problems.append("INTERVISION_MAX_CLIP_MB must be a whole number of megabytes, 1 to "
                        f"{LOCAL_SERVER_LIMIT_MB} (above 20 only with a local Bot API server)")
    problems += _transcriber_problems(env)
    if problems:
        raise ConfigError(problems)
    return Config(token, api_base_url, file_base_url, db_path, data_dir, timezone, log_level,
                  webhook_url, webhook_secret, env.get("INTERVISION_WEBHOOK_LISTEN", "0.0.0.0"),
                  port, per_minute, per_second, local_mode(env), max_clip_mb(env))


def _whole(env: Mapping[str, str], name: str, default: int, highest: int,
           problems: list[str], problem: str) -> int:
    """A whole number from 1 to `highest`, or `default` with `problem` noted."""
    value = env.get(name, str(default))
    if value.isdigit() and 1 <= int(value) <= highest:
        return int(value)
    problems.append(problem)
    return default
