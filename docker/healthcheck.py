"""The container's HEALTHCHECK: healthy while the bot process runs and its database answers.

Exit 0 = healthy, 1 = unhealthy (Docker's convention). Reads only /proc and the SQLite file
(read-only), so it never talks to Telegram and never shows a token.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path


def bot_running() -> bool:
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            words = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue
        if any(w.endswith(b"intervision") for w in words) and b"run" in words:
            return True
    return False


def database_answers(path: str) -> bool:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5.0)
        try:
            return int(conn.execute("PRAGMA user_version").fetchone()[0]) > 0
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def main() -> int:
    database = os.environ.get("INTERVISION_DB", "/data/intervision.db")
    if not bot_running():
        print("the bot process is not running")
        return 1
    if not database_answers(database):
        print(f"the database {database} does not answer (or is not migrated yet)")
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
