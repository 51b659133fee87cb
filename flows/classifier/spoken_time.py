"""Clip moments as a speech recogniser writes them down ("op een minuut twintig", "rond de
anderhalve minuut", "op 3 05", "at about one twenty", "around the two minute mark").

A transcribed voice note rarely has "1:20": engines write numbers as words, or as digits
without the colon. `timestamps.find_timestamps` adds what is found here, so a spoken moment is
masked and read as a time stamp like a typed one (a strong sign of an observation) and offers
the same still. Every form needs a word that places it in the clip or a clip phrase ("...
minutes in", "... minute mark"): minutes with seconds or digits ("na een minuut twintig", "vanaf
5 10") after "op", "rond", "na", "vanaf", "at", "after", ...; whole minutes or seconds alone only
after "op", "bij", "rond", "at" or "around", since "na een minuut", "after five minutes" and "je
wachtte twee minuten" are spans of time, not moments.
"""
from __future__ import annotations

import re

_NL_UNITS = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
             "zeven": 7, "acht": 8, "negen": 9}
_NL_TEENS = {"tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14,
             "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19}
_NL_TENS = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50}
_EN_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
             "eight": 8, "nine": 9}
_EN_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
             "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_WORDS = {**_NL_UNITS, **_NL_TEENS, **_NL_TENS, **_EN_UNITS, **_EN_TEENS, **_EN_TENS}


def _alternation(words: dict[str, int]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))  # longest first: "zeventien" > "zeven"


_NL_COMPOUND = f"(?:{_alternation(_NL_UNITS)})(?:ën|en)(?:{_alternation(_NL_TENS)})"  # vijfentwintig
_EN_COMPOUND = f"(?:{_alternation(_EN_TENS)})[ -](?:{_alternation(_EN_UNITS)})"  # twenty-five
_NUMBER = (f"(?:\\d{{1,2}}|{_NL_COMPOUND}|{_EN_COMPOUND}|{_alternation(_NL_TEENS)}"
           f"|{_alternation(_EN_TEENS)}|{_alternation(_NL_TENS)}|{_alternation(_EN_TENS)}"
           f"|{_alternation(_NL_UNITS)}|{_alternation(_EN_UNITS)})")
# Where the moment is placed, with the small words that may follow ("rond de", "at about").
# Not "tot" or "tussen": "tien tot vijftien minuten" is a span of time, not a moment.
_LEAD = (r"\b(?:op|bij|rond|rondom|vanaf|na|tegen|at|around|from|after|until|till"
         r"|by)(?:\s+(?:de|het|ongeveer|zo'n|about|around|roughly|like|the))*\s+")
# Whole minutes or seconds alone are a moment only after "op", "bij", "rond" or "at": "na een
# minuut", "after five minutes", "for around two minutes" are spans ("ze haakten na een minuut
# af"), and read as a time stamp they would make a verdict look like an observation.
_AT = r"(?<![\w'])(?<!for )(?:op|bij|rond|rondom|at|around)(?:\s+(?:de|het|ongeveer|zo'n|about|the))*\s+"
_MINUTES = r"(?:minuut|minuten|minute|minutes|min)"
_SECONDS = r"(?:seconde|seconden|second|seconds|sec)"

SPOKEN_TIME_RE = re.compile(
    # A match starts at a lead word or a number: the lookahead names their first characters, so
    # the scan skips every other position at once (a long spoken turn notices).
    r"(?=[obrvntafu\d" + "".join(sorted({w[0] for w in _WORDS})) + r"])"
    r"(?:" + _LEAD + r"(?:"
    rf"(?P<m>{_NUMBER})\s+{_MINUTES}\s+(?:en\s+|and\s+)?(?P<s>{_NUMBER})(?:\s+{_SECONDS})?"
    r"|(?P<dm>\d{1,2})\s(?P<ds>[0-5]\d)(?![\d:.,]?\d)"  # "op 3 05": digits without the colon
    rf"|(?P<wm>{_alternation(_EN_UNITS)}|{_alternation(_EN_TEENS)})\s+"  # "at one twenty"
    rf"(?P<ws>{_EN_COMPOUND}|{_alternation(_EN_TENS)}|oh\s+(?:{_alternation(_EN_UNITS)}))"
    r")"
    r"|" + _AT + r"(?:"
    r"(?P<half>anderhalve\s+minuut|a\s+minute\s+and\s+a\s+half)"
    rf"|(?P<mw>{_NUMBER})\s+{_MINUTES}"
    rf"|(?P<sx>{_NUMBER})\s+{_SECONDS}"
    r")"
    rf"|\b(?P<mi>{_NUMBER})\s+(?:{_MINUTES}|(?P<mis>{_SECONDS}))\s+(?:in\b|mark\b))"  # "two minutes in"
    r"(?![\w'-])",
    re.IGNORECASE,
)
# Every form has digits, a word for minutes or seconds, or English tens ("at one twenty", "at
# one oh five"): without any of these (most messages) the pattern is not run at all.
_HINTS = ("minu", "second", "min ", "sec ", "twenty", "thirty", "forty", "fifty", " oh ")
_DIGIT = re.compile(r"\d")


def _number(text: str) -> int:
    """The value of a number as matched by _NUMBER (digits or Dutch or English words)."""
    text = text.lower().replace("-", " ")
    if text.isdigit():
        return int(text)
    if text in _WORDS:
        return _WORDS[text]
    if " " in text:  # twenty five
        tens, unit = text.split()
        return _WORDS[tens] + _WORDS[unit]
    for tens, value in _NL_TENS.items():  # vijfentwintig, tweeëntwintig
        if text.endswith(tens):
            return value + _NL_UNITS[text[: -len(tens)].removesuffix("ën").removesuffix("en")]
    raise ValueError(text)


def _seconds(m: re.Match[str]) -> float | None:
    g = m.groupdict()
    if g["half"]:
        return 90.0
    if g["m"] or g["mw"]:
        minutes, seconds = _number(g["m"] or g["mw"]), _number(g["s"]) if g["s"] else 0
    elif g["mi"]:  # "thirty seconds in" names seconds, "two minutes in" minutes
        minutes, seconds = (0, _number(g["mi"])) if g["mis"] else (_number(g["mi"]), 0)
    elif g["sx"]:
        minutes, seconds = 0, _number(g["sx"])
    elif g["dm"]:
        minutes, seconds = int(g["dm"]), int(g["ds"])
    else:
        spoken = g["ws"].lower()
        minutes = _number(g["wm"])
        seconds = _WORDS[spoken.split()[-1]] if spoken.startswith("oh") else _number(spoken)
    if minutes > 59 or (seconds > 59 and minutes):
        return None  # no moment of a classroom clip; "op 99 minuten" is something else
    return float(minutes * 60 + seconds)


def find_spoken_times(text: str) -> list[tuple[int, int, float]]:
    """Spoken clip moments as (start, end, seconds), in order. The span starts at the number
    (the lead word stays in the text: "op <ts>" reads like a typed "op 1:20")."""
    lowered = text.lower() + " "
    if not any(hint in lowered for hint in _HINTS) and _DIGIT.search(text) is None:
        return []
    found = []
    for m in SPOKEN_TIME_RE.finditer(text):
        seconds = _seconds(m)
        if seconds is None:
            continue
        first = next(name for name in ("half", "m", "mw", "sx", "dm", "wm", "mi") if m.group(name))
        found.append((m.start(first), m.end(), seconds))
    return found
