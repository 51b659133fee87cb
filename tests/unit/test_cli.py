"""The command line: migrate, export and classify work on real files; bad input is explained."""
from __future__ import annotations

import json
import logging
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli.main import configure_logging
from tests.bot_api import TOKEN


def _running(env: dict[str, str]) -> subprocess.Popen[str]:
    """`intervision run` as a process that keeps running; its log is on its stderr."""
    return subprocess.Popen([sys.executable, "-m", "bot.cli", "run"], env=env,
                            cwd=Path(__file__).resolve().parents[2],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _run(*args: str, env_extra: dict[str, str] | None = None,
         cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], capture_output=True,
                          text=True, env=env, check=False, cwd=cwd or Path(__file__).resolve().parents[2],
                          timeout=60)


def test_migrate_then_export_an_empty_database(tmp_path: Path) -> None:
    env = {"INTERVISION_DATA_DIR": str(tmp_path)}
    first = _run("migrate", env_extra=env)
    assert first.returncode == 0
    assert first.stdout.startswith(f"created a new database {tmp_path / 'intervision.db'}")
    again = _run("migrate", env_extra=env)
    assert "up to date" in again.stdout
    exported = _run("export", "--format", "json", env_extra=env)
    assert exported.returncode == 0 and json.loads(exported.stdout) == []


def test_run_without_a_token_explains_what_is_missing(tmp_path: Path) -> None:
    result = _run("run", env_extra={"INTERVISION_DATA_DIR": str(tmp_path),
                                    "INTERVISION_TIMEZONE": "Nowhere/Land"})
    assert result.returncode == 2
    assert "TELEGRAM_BOT_TOKEN" in result.stderr and "Nowhere/Land" in result.stderr


def test_classify_writes_one_label_per_row(tmp_path: Path) -> None:
    tsv = tmp_path / "in.tsv"
    tsv.write_text("id\tlang\ttext\textra\n"
                   "a\tnl\tJe zou meer wachttijd kunnen geven.\tx\n"
                   "b\ten\tWhat did you notice at 1:23?\ty\n", encoding="utf-8")
    result = _run("classify", str(tsv))
    assert result.returncode == 0
    assert result.stdout.splitlines() == ["a\ttip", "b\topen_question"]


def test_classify_reads_a_spreadsheet_export_and_a_file_without_lang(tmp_path: Path) -> None:
    saved = tmp_path / "excel.tsv"
    saved.write_bytes("\ufeffid\tLang\ttext\r\na\tnl\tJe zou meer wachttijd kunnen geven.\r\n"
                      .encode())
    assert _run("classify", str(saved)).stdout.splitlines() == ["a\ttip"]
    bare = tmp_path / "bare.tsv"
    bare.write_text("id\ttext\nb\tWhy don't you put them in pairs?\n", encoding="utf-8")
    assert _run("classify", str(bare)).stdout.splitlines() == ["b\ttip"]
    broken = tmp_path / "broken.tsv"
    broken.write_text("nummer\tbericht\n1\thallo\n", encoding="utf-8")
    refused = _run("classify", str(broken))
    assert refused.returncode == 2 and "id" in refused.stderr and not refused.stdout


def test_migrate_upgrades_an_older_database_and_refuses_a_newer_one_in_one_line(
        tmp_path: Path) -> None:
    import asyncio

    import aiosqlite

    from storage.migrations import LATEST_VERSION, apply_pending

    async def at_version_3() -> None:
        async with aiosqlite.connect(tmp_path / "intervision.db") as conn:
            await apply_pending(conn, up_to=3)

    asyncio.run(at_version_3())
    env = {"INTERVISION_DATA_DIR": str(tmp_path)}
    upgraded = _run("migrate", env_extra=env)
    assert upgraded.returncode == 0
    kept = tmp_path / f"intervision.db.before-schema-{LATEST_VERSION}"
    assert upgraded.stdout.strip() == (
        f"database {tmp_path / 'intervision.db'}: upgraded from schema 3 to {LATEST_VERSION} "
        f"(migrations 4-{LATEST_VERSION}); the database as it was is kept in {kept}")
    assert sqlite3.connect(kept).execute("PRAGMA user_version").fetchone() == (3,)
    newer = tmp_path / "newer.db"
    sqlite3.connect(newer).execute("PRAGMA user_version = 99").connection.close()
    for command in ("migrate", "run"):
        refused = _run(command, env_extra={**env, "INTERVISION_DB": str(newer),
                                           "TELEGRAM_BOT_TOKEN": TOKEN})
        assert refused.returncode == 2, command
        assert "schema version 99, newer than this program" in refused.stderr
        assert "Traceback" not in refused.stderr


def test_a_file_that_is_no_database_is_refused_at_once_not_hung_on(tmp_path: Path) -> None:
    (tmp_path / "intervision.db").write_text("notes of the last meeting\n")
    env = {"INTERVISION_DATA_DIR": str(tmp_path), "TELEGRAM_BOT_TOKEN": TOKEN}
    for command in ("migrate", "run"):  # before, `migrate` never ended
        refused = _run(command, env_extra=env)
        assert refused.returncode == 2, command
        assert "file is not a database" in refused.stderr and "Traceback" not in refused.stderr


def test_a_second_run_on_the_same_database_is_refused_clearly(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "INTERVISION_DATA_DIR": str(tmp_path),
           "TELEGRAM_BOT_TOKEN": TOKEN,
           # Nobody answers here: the first bot keeps asking Telegram, holding the database.
           "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9/bot"}
    first = _running(env)
    try:
        assert first.stderr is not None
        said = [first.stderr.readline(), first.stderr.readline()]
        assert f"database {tmp_path / 'intervision.db'} (new: no database was there" in said[0]
        assert "Telegram did not answer at start" in said[1]
        assert "http://127.0.0.1:9/bot" in said[1] and TOKEN not in "".join(said)
        second = _run("run", env_extra=env)
        assert second.returncode == 2
        assert "another intervision run already uses the database" in second.stderr
    finally:
        first.terminate()
        first.communicate(timeout=30)
    assert first.returncode == 0


def test_the_default_log_level_leaves_the_request_urls_with_the_token_out(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """httpx logs every request URL at INFO, and a Bot API URL holds the bot token (SPEC
    section 6: the token never appears in the log at the default level)."""
    for name in ("httpx", "apscheduler"):
        monkeypatch.setattr(logging.getLogger(name), "level", logging.getLogger(name).level)
    configure_logging("INFO")
    assert not logging.getLogger("httpx").isEnabledFor(logging.INFO)
    assert logging.getLogger("httpx").isEnabledFor(logging.WARNING)


def test_classify_takes_a_hand_made_file_as_it_comes(tmp_path: Path) -> None:
    """Capitalised column names, the language last and left out of a row, blank lines:
    one label per message, none for a blank line, no crash."""
    tsv = tmp_path / "hand.tsv"
    tsv.write_text("ID\tText\tLang\n"
                   "a\tJe zou meer wachttijd kunnen geven.\tnl\n"
                   "\n"
                   "b\tWhat did you notice at 1:23?\n"
                   "\n", encoding="utf-8")
    result = _run("classify", str(tsv))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["a\ttip", "b\topen_question"]


def test_export_writes_every_group_or_the_one_asked_for(tmp_path: Path) -> None:
    import asyncio
    from datetime import UTC, datetime

    from flows.model import Settings
    from storage import groups
    from storage.db import Database

    async def two_groups() -> int:
        db = await Database.open(tmp_path / "intervision.db")
        try:
            async with db.transaction() as tx:
                now = datetime(2027, 1, 11, 9, 0, tzinfo=UTC)
                await groups.register(tx, -1001, 0, "Pabo eerstejaars", Settings(), now)
                second, _ = await groups.register(tx, -1002, 0, "Team Onderbouw", Settings(),
                                                  now)
            return second.id
        finally:
            await db.close()

    second = asyncio.run(two_groups())
    env = {"INTERVISION_DATA_DIR": str(tmp_path)}
    markdown = _run("export", env_extra=env)  # Markdown unless asked otherwise
    assert markdown.returncode == 0 and markdown.stdout.startswith("# ")
    assert "Pabo eerstejaars" in markdown.stdout and "Team Onderbouw" in markdown.stdout
    html = _run("export", "--format", "html", env_extra=env).stdout
    assert html.lstrip().startswith("<") and "Pabo eerstejaars" in html
    assert "Team Onderbouw" in html
    one = _run("export", "--group", str(second), env_extra=env).stdout
    assert "Team Onderbouw" in one and "Pabo eerstejaars" not in one
    missing = _run("export", "--group", "999", env_extra=env)
    assert missing.returncode == 2 and "no group with id 999" in missing.stderr
    assert f"{second} = Team Onderbouw (chat -1002)" in missing.stderr  # what to choose from


def test_export_takes_the_chat_id_the_log_names_and_lists_a_forum_chats_groups(
        tmp_path: Path) -> None:
    import asyncio
    from datetime import UTC, datetime

    from flows.model import Settings
    from storage import groups
    from storage.db import Database

    async def three_groups() -> list[int]:
        db = await Database.open(tmp_path / "intervision.db")
        try:
            async with db.transaction() as tx:
                now = datetime(2027, 1, 11, 9, 0, tzinfo=UTC)
                made = [await groups.register(tx, -1002001, 0, "Intervisie 2B", Settings(), now),
                        await groups.register(tx, -1003, 5, "Forum: maandag", Settings(), now),
                        await groups.register(tx, -1003, 9, "Forum: dinsdag", Settings(), now)]
            return [group.id for group, _ in made]
        finally:
            await db.close()

    numbers = asyncio.run(three_groups())
    env = {"INTERVISION_DATA_DIR": str(tmp_path)}
    one = _run("export", "--group", "-1002001", env_extra=env)
    assert one.returncode == 0 and "Intervisie 2B" in one.stdout
    assert "Forum" not in one.stdout
    forum = _run("export", "--group", "-1003", env_extra=env)
    assert forum.returncode == 2 and not forum.stdout
    assert f"{numbers[1]} = Forum: maandag (chat -1003, topic 5)" in forum.stderr
    assert f"{numbers[2]} = Forum: dinsdag (chat -1003, topic 9)" in forum.stderr
    wrong = _run("export", "--group", "-1002002", env_extra=env)
    assert wrong.returncode == 2
    assert f"{numbers[0]} = Intervisie 2B (chat -1002001)" in wrong.stderr
    assert "chat id" in _run("export", "--help").stdout


def test_export_refuses_a_database_that_is_not_there_and_makes_none(tmp_path: Path) -> None:
    typo = tmp_path / "typo" / "intervison.db"
    refused = _run("export", "--format", "markdown", env_extra={"INTERVISION_DB": str(typo)})
    assert refused.returncode == 2 and not refused.stdout
    assert f"no database at {typo}; check INTERVISION_DB" in refused.stderr
    assert not (tmp_path / "typo").exists()


@pytest.mark.parametrize(("command", "said"), [
    ("run", "README.md"), ("migrate", "README.md"), ("classify", "TSV")])
def test_each_command_says_what_it_does_in_its_help(command: str, said: str) -> None:
    shown = _run(command, "--help")
    assert shown.returncode == 0 and said in shown.stdout
    description = shown.stdout.split("\n\n")[1]
    assert not description.startswith(("positional", "options"))


def test_run_on_an_older_database_logs_the_upgrade_and_where_the_copy_is(tmp_path: Path) -> None:
    import asyncio

    import aiosqlite

    from storage.migrations import LATEST_VERSION, apply_pending

    async def at_version_6() -> None:
        async with aiosqlite.connect(tmp_path / "intervision.db") as conn:
            await apply_pending(conn, up_to=6)

    asyncio.run(at_version_6())
    env = {"PATH": "/usr/bin:/bin", "INTERVISION_DATA_DIR": str(tmp_path),
           "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9/bot"}
    bot = _running(env)
    try:
        assert bot.stderr is not None
        said = [bot.stderr.readline(), bot.stderr.readline()]
    finally:
        bot.terminate()
        bot.communicate(timeout=30)
    kept = tmp_path / f"intervision.db.before-schema-{LATEST_VERSION}"
    assert f"database copied to {kept} before upgrading it from schema 6" in said[0]
    assert (f"database {tmp_path / 'intervision.db'} (upgraded from schema 6 to "
            f"{LATEST_VERSION} (migrations 7-{LATEST_VERSION}); the database as it was is "
            f"kept in {kept})") in said[1]
    assert kept.is_file()
