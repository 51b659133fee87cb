"""Chat text made regular enough for cue rules: lower case, one kind of apostrophe, time stamps
masked as "<ts>", emoji set aside, common chat spellings and typos of cue words repaired, and
the message cut into sentences (the main act is usually one of them)."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from flows.classifier.spoken import drop_at, drop_fillers, positions, split_run_on
from flows.classifier.timestamps import find_timestamps

TS = "<ts>"
# Words that put a moment of the clip first ("op 0:45 ...", "at 1:10, ..."), as alternatives.
MOMENT_WORDS = {"nl": "op|bij|rond|na|vanaf|vlak na|vlak voor|voor",
                "en": "at|around|from|after|right after|just after|by|before"}
# What such a word may name besides a time stamp, and the places a Dutch sentence puts first
# with its verb right after ("daar had je beter ..."), as alternatives.
MOMENT_NOUNS_NL = "dat moment|dat punt|die plek|zo'n moment"
PLACES_NL = "daar|hier|dan|op dat moment|op zo'n moment|in die situatie|in zo'n situatie|op dat punt"

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u201c": '"',
                         "\u201d": '"', "\u201e": '"', "\u2026": "...", "\u2013": "-",
                         "\u2014": "-", "\u00a0": " "})

# Chat spellings, written out so one cue lexicon covers both ("dont" and "don't").
_CHAT_COMMON = {"thx": "thanks", "ty": "thanks", "pls": "please", "plz": "please", "btw": ""}
_CHAT = {
    "en": _CHAT_COMMON | {
        "dont": "don't", "didnt": "didn't", "doesnt": "doesn't", "isnt": "isn't",
        "wasnt": "wasn't", "arent": "aren't", "werent": "weren't", "cant": "can't",
        "couldnt": "couldn't", "wouldnt": "wouldn't", "shouldnt": "shouldn't",
        "havent": "haven't", "hasnt": "hasn't", "wont": "won't", "im": "i'm", "ive": "i've",
        "youre": "you're", "youve": "you've", "youd": "you'd", "ur": "your", "u": "you",
        "r": "are", "wanna": "want to", "gonna": "going to", "tbh": "honestly",
        "imo": "in my opinion", "imho": "in my opinion", "cuz": "because", "bc": "because",
    },
    "nl": _CHAT_COMMON | {
        "mss": "misschien", "misch": "misschien", "wss": "waarschijnlijk", "vlgs": "volgens",
        "idd": "inderdaad", "ff": "even", "zn": "zijn", "n": "een", "t": "het", "k": "ik",
        "kzou": "ik zou", "kvind": "ik vind", "ipv": "in plaats van", "ivm": "in verband met",
        "evt": "eventueel", "bv": "bijvoorbeeld", "bijv": "bijvoorbeeld", "egt": "echt", "es": "eens", "ns": "eens", "effe": "even",
        "ook": "ook", "nie": "niet", "wa": "wat", "da": "dat", "dak": "dat ik",
    },
}

# Cue words whose typos are worth repairing: long enough that one slip rarely makes another
# real word. Each typo within one edit (or one swap of neighbours) maps back to the cue word.
_REPAIRABLE = (
    "misschien", "geprobeerd", "overwogen", "nagedacht", "onderzoek", "eigenlijk",
    "beschrijven", "waarschijnlijk", "persoonlijk", "inderdaad", "research", "suggests",
    "considered", "honestly", "probably", "describe", "wondering", "understand", "volgende",
)
# Real words that sit one edit from a cue word and must stay as they are.
_PROTECTED = frozenset({"volgend", "volgens", "describes", "described", "understood"})


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _build_repairs() -> dict[str, str]:
    index: dict[str, str] = {}
    for word in _REPAIRABLE:
        for variant in _deletes(word) | {word}:
            index.setdefault(variant, word)
    return index


_REPAIR_INDEX = _build_repairs()
_REPAIR_SET = frozenset(_REPAIRABLE)
_WORD_RE = re.compile(r"[a-zà-ÿ']+|[^a-zà-ÿ']+")


@lru_cache(maxsize=65536)
def _repair(token: str, lang: str) -> str:
    """The cue word `token` is a typo of, or `token` itself (cached: chat reuses words)."""
    chat = _CHAT.get(lang, _CHAT_COMMON)
    if token in chat:
        return chat[token]
    if len(token) < 7 or token in _REPAIR_SET or token in _PROTECTED:
        return token
    hit = _REPAIR_INDEX.get(token)
    if hit is not None and hit.rstrip("s") == token.rstrip("s"):
        return token  # an inflection ("suggest" of "suggests"), not a typo
    if hit is not None and abs(len(hit) - len(token)) <= 1:
        return hit
    for variant in _deletes(token):
        hit = _REPAIR_INDEX.get(variant)
        if hit is not None and len(hit) >= len(token) - 1:
            return hit
    return token


def _repairer(lang: str) -> Callable[[str], str]:
    """One language's token repair, cached as one C-level call per token (`map` in prepare):
    a word goes through `_repair`, anything else (spaces, digits, punctuation) stays."""
    @lru_cache(maxsize=65536)
    def repair(token: str) -> str:
        return _repair(token, lang) if token[0].isalpha() else token
    return repair


_REPAIRS = {lang: _repairer(lang) for lang in _CHAT}
_repair_other = lru_cache(maxsize=8)(_repairer)


# Pictographs, dingbats, arrows and the joiners/variation selectors that glue emoji together.
_EMOJI = re.compile("[\u2190-\u21ff\u2300-\u23ff\u2460-\u27bf\u2900-\u297f\u2b00-\u2bff"
                    "\u3030\u303d\u3297\u3299\ufe0f\u200d\U0001f000-\U0001faff]")


@dataclass(frozen=True)
class Prepared:
    """A message ready for the rules."""

    text: str  # lower case, time stamps as "<ts>", emoji removed, spaces collapsed
    timestamps: tuple[str, ...]  # the stamps as written, in order
    emoji: str  # the emoji, in order
    sentences: tuple[str, ...]
    spoken: bool = False  # fillers or a long unpunctuated run-on turn: a transcript, most likely


_ABBREVS = {"i.p.v.": "in plaats van", "i.v.m.": "in verband met", "e.g.": "for example",
            "o.a.": "onder andere", "bijv.": "bijvoorbeeld", "bv.": "bijvoorbeeld",
            "d.w.z.": "dat wil zeggen", "i.e.": "that is", "etc.": "etc", "z.s.m.": "zo snel mogelijk"}
_ABBREV = re.compile("|".join(re.escape(k) for k in _ABBREVS))
# Spoken-style stammers ("w-what", "the-the") carry no act; fillers are dropped in spoken.py.
_STUTTER = re.compile(r"\b(\w{1,6})-(?=\1)")
_LONG_TURN = 20  # words without any . ? or ! : a transcribed turn rather than a chat line
# Sentence breaks: after . ! ?, at a line break, ";" or " - ", and between "!" or "?" and a
# letter. All but the last start at a space or ";", which the first lookahead checks at once.
_SPLIT = re.compile(r"(?=[\s;])(?:(?<=[.!?])\s+|\s*\n+\s*|;\s*|\s+-\s+(?=[a-zà-ÿ<]))"
                    r"|(?<=[!?])(?=[a-zà-ÿ])")
_TRAIL = re.compile(r"(?<=[^.!?])\.{2,}\s+")


def prepare(raw: str, lang: str) -> Prepared:
    text = unicodedata.normalize("NFC", raw).translate(_QUOTES)
    stamps = find_timestamps(text)
    written = tuple(text[s:e] for s, e, _ in stamps)
    for start, end, _ in reversed(stamps):
        text = text[:start] + TS + text[end:]
    emoji = "".join(_EMOJI.findall(text))
    if emoji:
        text = _EMOJI.sub(" ", text)
    text = text.lower()
    text = _ABBREV.sub(lambda m: _ABBREVS[m.group(0)], text)
    text = "".join(map(_REPAIRS.get(lang) or _repair_other(lang), _WORD_RE.findall(text)))
    lines = [" ".join(line.split()) for line in text.split("\n")]  # spaces collapsed
    text = "\n".join(line for line in lines if line)
    if ".." in text:
        text = _TRAIL.sub(". ", text)
    if "-" in text:  # a stammer ends at a "-", at most 6 characters after it starts
        starts = [i - n for i in positions(text, "-") for n in range(1, 7) if n <= i]
        text = drop_at(_STUTTER, text, starts)
    text, spoken = drop_fillers(text, lang)
    pieces = [s.strip() for s in _SPLIT.split(text) if s and s.strip(" .,!?")]
    sentences = tuple(part for piece in pieces for part in split_run_on(piece, lang))
    spoken = spoken or len(sentences) > len(pieces) or (
        text.count(" ") >= _LONG_TURN and not any(mark in text for mark in ".?!"))
    return Prepared(" ".join(text.split()), written, emoji, sentences or (text.strip(),),
                    spoken)
