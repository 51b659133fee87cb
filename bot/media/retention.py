"""Deleting local copies after their retention: downloaded clips, stills, storyboards.

Clips show children (SPEC section 6): what the bot derives from them lives on disk only as
long as it is needed.
"""
from __future__ import annotations

import logging
import os
import time
from pathlib import Path

log = logging.getLogger(__name__)


def cleanup_older_than(
    directory: str | os.PathLike[str], max_age_seconds: float, *, now: float | None = None
) -> int:
    """Delete files under `directory` not modified for `max_age_seconds`; return how many.

    Old empty subdirectories go too (the directory itself stays); a fresh one may be a job's
    working dir. Symlinks are not followed, so a link never makes us delete outside the dir.
    """
    root = Path(directory)
    if not root.is_dir():
        return 0
    cutoff = (time.time() if now is None else now) - max_age_seconds
    # Judge folders by their age before we delete from them (which touches their mtime).
    stale_folders = {Path(d) for d, _, _ in os.walk(root) if _older(Path(d), cutoff)}
    deleted = 0
    for dirpath, _dirnames, filenames in os.walk(root, topdown=False):
        for name in filenames:
            file = Path(dirpath, name)
            if not _older(file, cutoff):
                continue
            try:
                file.unlink()
                deleted += 1
            except FileNotFoundError:
                continue  # removed meanwhile, e.g. by a concurrent cleanup
            except OSError as exc:
                log.warning("could not delete %s: %s", file, exc.strerror)
        folder = Path(dirpath)
        if folder != root and folder in stale_folders:
            try:
                folder.rmdir()  # only succeeds when empty
            except OSError:
                pass
    return deleted


def clip_copy(directory: Path, cycle_id: int, unique_id: str) -> Path:
    """Where a cycle's copy of its clip lives (what is made from it goes next to it, with
    another suffix): named by its cycle, so `remove_ended_clips` knows whose it is."""
    return directory / f"cycle-{cycle_id}-{unique_id}.mp4"


def remove_ended_clips(directory: str | os.PathLike[str], open_cycle_ids: set[int]) -> int:
    """Deletes the local copies of clips (`clip_copy`, and anything made next to them) whose
    cycle is no longer open: once a cycle ended, nothing needs its clip on disk, so it does
    not wait out the day. Returns how many files went."""
    root = Path(directory)
    if not root.is_dir():
        return 0
    deleted = 0
    for file in root.glob("cycle-*"):
        number = file.name.split("-")[1]
        if not number.isdigit() or int(number) in open_cycle_ids or not file.is_file():
            continue
        try:
            file.unlink()
            deleted += 1
        except OSError as exc:
            log.warning("could not delete %s: %s", file, exc.strerror)
    return deleted


def _older(path: Path, cutoff: float) -> bool:
    try:
        return path.lstat().st_mtime < cutoff
    except OSError:
        return False
