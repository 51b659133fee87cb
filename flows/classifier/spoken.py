"""Spoken language made readable for the cue rules: a voice note's transcript has fillers ("eh",
"uhm", "you know", "weet je", "zeg maar"), often no punctuation, and long turns that run a
lead-in, an observation, a question and advice together.

`drop_fillers` removes the fillers (a real "do you know ..." or "weet je dat ...?" stays);
`split_run_on` cuts a long sentence without punctuation where a new clause plainly starts (a
question opening such as "what did you", "heb je", or "so you"), so the rules can judge each
part and the main act decides (../shared/data/README.md). Both work on lower-case text.
"""
from __future__ import annotations

import re

from flows.classifier.lexicon import word_set

# Single-word fillers, in any language ("er" only before a comma: Dutch "er" is a word).
_FILLER_WORD = re.compile(
    r"(?<![\w'-])(?:u+m+|u+h+m*|e+r+m+|e+h+m*|e+u+h+|m{2,}|h+m+|er(?=,))(?![\w'-])[,.]?\s*")
_FILLERS = {
    "en": re.compile(
        # "you know" as a filler: after a comma or at the end, or before a new subject; never
        # "do you know ..." or "you know what/how/that ...".
        r"(?:(?<=^)|(?<=[,] )|(?<=[a-z] ))(?<!\bdo )(?<!\bdid )(?<!n't )(?<!\bso )"
        r"you know(?=,|$| (?:i|we|they|he|she|it|it's|the|and|but|so|like)\b),?\s*"
        r"|(?:(?<=^)|(?<=, ))i mean,?\s+"
        r"|(?<=, )like,\s*"),
    "nl": re.compile(
        r"(?:(?<=[a-zà-ÿ] )|(?<=, ))weet je(?=,|$| (?:ik|ze|zij|hij|we|wij|die|dan|toen|en|maar"
        r"|dus|het is|dat is)\b),?\s*"
        r"|\bzeg maar,?\s*"
        r"|^(?:nou|ja nee|nee ja),?\s+"
        r"|,?\s*\bhè\b(?=[,.!?]?$)"),
}
_SPACE = re.compile(r"\s{2,}")
# Where a match of _FILLERS can start, if only there (look-behinds aside): the English
# pattern's look-behinds make `sub` slow on a long turn, so it is tried at these alone.
_FILLER_STARTS = {"en": ("you know", "i mean", "like,")}


# Cheap substring checks first: most chat has no filler, and the patterns above are slow.
_HINTS = ("um", "uh", "eh", "er,", "mm", "hm")
_LANG_HINTS = {"en": ("you know", "i mean", "like,"),
               "nl": ("weet je", "zeg maar", "nou", "ja nee", "nee ja", "hè")}


def drop_fillers(text: str, lang: str) -> tuple[str, bool]:
    """`text` without fillers, and whether there were any (a sign of speech)."""
    cleaned = text
    if any(hint in text for hint in _HINTS):
        cleaned = _FILLER_WORD.sub("", cleaned)
    pattern = _FILLERS.get(lang)
    if pattern is not None and any(hint in text for hint in _LANG_HINTS[lang]):
        starts = _FILLER_STARTS.get(lang)
        cleaned = pattern.sub("", cleaned) if starts is None else drop_at(
            pattern, cleaned, [i for start in starts for i in positions(cleaned, start)])
    if cleaned == text:
        return text, False
    cleaned = _SPACE.sub(" ", cleaned).strip(" ,")
    return cleaned.replace(" ,", ","), True


def drop_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> str:
    """`pattern.sub("", text)` where every match starts at one of `starts` (more do no harm):
    the pattern is tried there alone, not at every position of a long turn (its look-behinds
    still see the whole text)."""
    pieces: list[str] = []
    done = 0
    for i in sorted(set(starts)):
        match = pattern.match(text, i) if i >= done else None
        if match is not None:
            pieces.append(text[done:i])
            done = match.end()
    pieces.append(text[done:])
    return "".join(pieces)


def positions(text: str, word: str) -> list[int]:
    """Where `word` occurs in `text`."""
    found = []
    i = text.find(word)
    while i >= 0:
        found.append(i)
        i = text.find(word, i + 1)
    return found


# Where a new clause starts in an unpunctuated run-on turn.
_OPENERS = {
    "en": re.compile(
        r" (?=(?:what|how|why|where) (?:do|did|does|are|is|was|were|would|could|can"
        r"|have|has|will|should|made|makes|happened|happens|else)\b)"
        r"| (?=(?:do|did|does|have|has|could|can|would|will|are|were|should) (?:you|they|we)\b)"
        r"| (?=(?:so|and so|okay so) (?:you|it sounds|what|how|maybe|have you|why)\b)"),
    "nl": re.compile(
        r" (?=(?:wat|hoe|waarom|wanneer|wie|welke) (?:vind|vond|denk|dacht|deed|doe|gebeurde"
        r"|gebeurt|maakte|maakt|zie|zag|wil|wilde|ging|gaat|heb|had|kun|kon|zou|voel|voelde"
        r"|merk|merkte|was|is)\b)"
        # Dutch inverts after any fronted clause ("als ik het goed hoor wil je ..."), so only
        # an inversion that can only ask or suggest opens a new clause.
        r"| (?=(?:heb|had) (?:je|jij|jullie) (?:al|ooit|wel eens|weleens|eens|ook al)\b)"
        r"| (?=(?:dus|oké dus|ok dus) (?:je|jij|wat|hoe|misschien|heb je|waarom)\b)"),
}
# A word after which an inverted verb belongs to the same clause ("dan heb je", "what do you").
_BINDS = word_set("""what how why when where who which that if whether to i
    dan nu toen daar hier misschien ook wel niet dus soms vaak altijd nooit eerst daarna straks
    zo er wat hoe waarom of dat als wanneer die welke waar wie echt eigenlijk""")
RUN_ON_WORDS = 12  # shorter sentences are left whole


def split_run_on(sentence: str, lang: str) -> list[str]:
    """A long sentence without punctuation cut before each plain clause opening."""
    if sentence.count(" ") < RUN_ON_WORDS or any(mark in sentence for mark in ".?!"):
        return [sentence]
    pattern = _OPENERS.get(lang)
    if pattern is None:
        return [sentence]
    parts: list[str] = []
    start = 0
    for match in pattern.finditer(sentence):
        before = sentence[start:match.start()]
        previous = before.rsplit(" ", 1)[-1]
        if previous in _BINDS or before.count(" ") < 2 or sentence.count(" ", match.end()) < 2:
            continue
        parts.append(before.strip(" ,"))
        start = match.end()
    parts.append(sentence[start:].strip(" ,"))
    return [part for part in parts if part]
