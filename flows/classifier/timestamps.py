"""Clip time stamps in chat messages ("op 1:23", "02:15", "00:03:05", "2m45", "bij 1.23") and,
through spoken_time.py, as a speech recogniser writes them ("op een minuut twintig").

The classifier masks them (a time stamp is a strong sign of an observation, and its digits
and dots must not split sentences); the bot uses `parse_timestamp` to offer a still.
"""
from __future__ import annotations

import re

from flows.classifier.spoken_time import find_spoken_times

# Words after which "1.23" is a clip time and not a decimal number ("op 1.23", "at 1.23").
_DOT_LEAD = r"(?:op|bij|rond|rondom|vanaf|tot|tussen|en|at|around|from|to|until|till|by|min|minuut|minute)"

# One pattern for all forms, longest first, so "00:03:05" is never read as "00:03". Its first
# lookahead names every character a match can start with (a digit, or the first letter of a
# lead word): the scan skips other positions at once, which a long spoken turn notices.
TIMESTAMP_RE = re.compile(
    r"(?=[\dobrvtemafui])(?:"
    r"(?<![\w:.,])(?:"
    r"(?P<h>\d{1,2}):(?P<hm>[0-5]\d):(?P<hs>[0-5]\d)"  # 00:03:05
    r"|(?P<m>\d{1,3}):(?P<s>[0-5]\d)"  # 1:15, 02:15
    r"|(?P<mm>\d{1,3})m(?P<ms>[0-5]?\d)s?"  # 2m45, 2m45s, 2m5s
    r"|(?P<mm2>\d{1,3}) ?(?:m|min) (?P<ms2>[0-5]?\d) ?(?:s|sec)"  # 2 min 45 s, 2m 45s
    r"|(?P<sx>\d{1,3}) ?(?:s|sec)"  # 45s (only after a clip word, see below)
    r")(?!\w|:\d)"  # "00:03:05" is not "00:03"; a colon of punctuation ends it ("op 0:15: ...")
    r"|\b" + _DOT_LEAD + r" (?P<dm>\d{1,2})\.(?P<ds>[0-5]\d)(?![\d.,]?\d))",
    re.IGNORECASE,
)
# A clock time ("om 15:30", "at 3:15 pm", "9:00 uur") is planning, not a moment in the clip.
_CLOCK_BEFORE = re.compile(r"\b(?:om|vanavond|morgen|tomorrow|tonight)\s*$", re.IGNORECASE)
_CLOCK_AFTER = re.compile(r"^\s*(?:uur|u\b|am\b|pm\b|a\.m|p\.m|o'clock|h\b|tomorrow|tonight|morgen"
                          r"|vanavond)", re.IGNORECASE)
# "45s" alone is too ambiguous unless a clip word precedes it ("at 45s", "op 45s").
_SECONDS_ONLY_LEAD = re.compile(r"\b(?:op|bij|rond|vanaf|at|around|from)\s*$", re.IGNORECASE)


_DIGIT = re.compile(r"\d")


def _seconds(m: re.Match[str]) -> float | None:
    g = m.groupdict()
    if g["h"] is not None:
        return int(g["h"]) * 3600 + int(g["hm"]) * 60 + int(g["hs"])
    if g["m"] is not None:
        return int(g["m"]) * 60 + int(g["s"])
    if g["mm"] is not None:
        return int(g["mm"]) * 60 + int(g["ms"])
    if g["mm2"] is not None:
        return int(g["mm2"]) * 60 + int(g["ms2"])
    if g["dm"] is not None:
        return int(g["dm"]) * 60 + int(g["ds"])
    if g["sx"] is not None:
        return float(int(g["sx"]))
    return None


def find_timestamps(text: str) -> list[tuple[int, int, float]]:
    """All clip time stamps as (start, end, seconds), in order, typed ("1:23") and spoken
    ("op een minuut twintig", spoken_time.py); clock times are skipped."""
    typed = _typed(text)
    spoken = [stamp for stamp in find_spoken_times(text) if not _clock(text, stamp[0], stamp[1])]
    if not spoken:
        return typed
    found: list[tuple[int, int, float]] = []
    # Where a typed and a spoken reading overlap, the one that starts first and is longest.
    for stamp in sorted(typed + spoken, key=lambda s: (s[0], -s[1])):
        if not found or stamp[0] >= found[-1][1]:
            found.append(stamp)
    return found


def _clock(text: str, start: int, end: int) -> bool:
    """Whether the stamp at text[start:end] is a clock time ("om 15:30", "at 3 15 tomorrow")."""
    return bool(_CLOCK_BEFORE.search(text[:start]) or _CLOCK_AFTER.match(text[end:]))


def _typed(text: str) -> list[tuple[int, int, float]]:
    found: list[tuple[int, int, float]] = []
    if _DIGIT.search(text) is None:
        return found  # every typed form has a digit; most messages have none
    for m in TIMESTAMP_RE.finditer(text):
        # The dot form matches its lead word too ("op 1.23"); the stamp starts at the digits.
        start = m.start("dm") if m.group("dm") is not None else m.start()
        if _clock(text, start, m.end()):
            continue
        if m.group("sx") is not None and not _SECONDS_ONLY_LEAD.search(text[:start]):
            continue
        seconds = _seconds(m)
        if seconds is not None:
            found.append((start, m.end(), float(seconds)))
    return found


def parse_timestamp(text: str) -> float | None:
    """The first clip time stamp in `text`, in seconds ("op 1:23" -> 83.0), or None."""
    found = find_timestamps(text)
    return found[0][2] if found else None


def clock(seconds: float) -> str:
    """A moment in the clip as members write it and the bot shows it everywhere (stills,
    storyboard tiles, the sound timeline, nudges, summaries): 83.9 -> "1:23" (a moment is
    the second it falls in, never the next one), 3725 -> "1:02:05"."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
