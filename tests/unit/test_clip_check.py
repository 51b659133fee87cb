"""What the inbrenger hears about a clip that cannot be discussed (flows/cycle/clip_check.py):
the limit named in their words, from Telegram's metadata or from what the file showed."""
from __future__ import annotations

from flows.catalog import render
from flows.cycle.clip_check import MB, ClipLimits, found_problem, metadata_problem

LIMITS = ClipLimits(max_mb=50)


def _said(language: str, limits: ClipLimits, size: int, duration: int) -> str:
    problem = metadata_problem(limits, size, duration)
    assert problem is not None
    return render(language, problem)


def test_a_clip_within_the_limits_has_no_problem() -> None:
    assert metadata_problem(LIMITS, 50 * MB, 600) is None
    assert metadata_problem(LIMITS, 1, 0) is None  # a length Telegram did not read: probed


def test_too_large_names_the_limit_the_bot_runs_with() -> None:
    assert "meer dan 50 MB" in _said("nl", LIMITS, 50 * MB + 1, 60)
    assert "more than 20 MB" in _said("en", ClipLimits(), 21 * MB, 60)


def test_too_long_and_too_short_name_their_limits() -> None:
    assert "10 minuten" in _said("nl", LIMITS, MB, 601)
    assert "2 seconden" in _said("nl", LIMITS, MB, 1)


def test_a_problem_the_file_showed_is_said_in_words_and_an_unknown_one_as_unreadable() -> None:
    assert found_problem(LIMITS, "no_video").key == "clip.no_video"
    assert found_problem(LIMITS, "something new").key == "clip.unreadable"
