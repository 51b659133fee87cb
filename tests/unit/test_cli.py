"""The command line: migrate, export and classify work on real files; bad input is explained."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def _run(*args: str, env_extra: dict[str, str] | None = None,
         cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], capture_output=True,
                          text=True, env=env, check=False, cwd=cwd or Path(__file__).resolve().parents[2],
                          timeout=60)


def test_migrate_then_export_an_empty_database(tmp_path: Path) -> None:
    env = {"INTERVISION_DATA_DIR": str(tmp_path)}
    first = _run("migrate", env_extra=env)
    assert first.returncode == 0 and "applied migrations" in first.stdout
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
