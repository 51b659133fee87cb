"""The open question offered with a nudge, in the message's language, with names and time
stamps written as the member wrote them."""
from __future__ import annotations

import re

from flows.classifier import rephrase_en, rephrase_nl
from flows.classifier.lexicon import word_set
from flows.classifier.rephrase_form import reads_as_dutch, reads_as_english
from flows.classifier.text import TS
from flows.labels import Label

_TOKEN = re.compile(r"[\w'-]+")
# A question a peer would ask aloud. A longer one has carried a spoken run-on's next clauses
# into the action ("... en dan weet je zeker dat ..."): no rephrasing is better than that.
MAX_WORDS = 22
# The tokens of _TOKEN that hold a character other than a-z, a digit, "_" or a Latin-1 lower
# case letter: a superset of those with a capital, found in C (a long turn has few of them).
_NOT_LOWER = re.compile(r"(?<![\w'-])[\w'-]*?[^\W\da-z_ß-öø-ÿ][\w'-]*")


def _spellings(raw: str, wanted: set[str]) -> dict[str, str]:
    """Words written with capitals inside a sentence (names, "U-vorm"), by their lower case,
    of those whose lower case is `wanted` (the question's words)."""
    if wanted.isdisjoint(word.lower() for word in set(_NOT_LOWER.findall(raw))):
        return {}  # found in C but for one lower() a distinct word
    return {m.group(0).lower(): m.group(0) for m in _NOT_LOWER.finditer(raw)
            if m.group(0).lower() in wanted and m.group(0) != m.group(0).lower()
            and not _opens_sentence(raw, m.start())}


# Words that may come before the advice itself ("en Bas laten wachten", "so Sam ...").
_LEAD_WORDS = word_set("en dus maar nou oké ok and so but well okay")


def _opens_with_a_name(sentence: str, raw: str) -> bool:
    """Whether the advice starts with a name ("en Bas even laten wachten"): then its first word
    is the person, not the verb, and no "als je ..." can be made of it."""
    words = [w for w in _TOKEN.findall(sentence) if w not in _LEAD_WORDS][:1]
    return bool(words) and words[0] in _spellings(raw, set(words)) and words[0] != "i"


def _opens_sentence(raw: str, start: int) -> bool:
    """Whether the word at `start` opens the text or a sentence: only spaces before it, or
    spaces after a ".", "!" or "?", or a line break among the spaces before it."""
    gap = start
    while gap > 0 and raw[gap - 1].isspace():
        gap -= 1
    return gap == 0 or (gap < start and raw[gap - 1] in ".!?") or "\n" in raw[gap:start]


def _restore(question: str, raw: str, timestamps: tuple[str, ...]) -> str:
    spell = _spellings(raw, set(_TOKEN.findall(question)))
    if spell:
        question = _TOKEN.sub(lambda m: spell.get(m.group(0), m.group(0)), question)
    # The question keeps the end of the advice, so where it dropped a moment it was one of the
    # first ("at 1:10 you could show 0:45 again" -> "... show 0:45 again?"): the last ones fill.
    kept = len(re.findall(r"<ts>|\bTS\b", question))
    for stamp in timestamps[len(timestamps) - kept:] if kept else ():
        question = question.replace("TS", stamp, 1).replace(TS, stamp, 1)
    return question


# The action inside the question: after "als je" / "if you" (or "if next time you").
_ACTION = re.compile(r"\b(?:als je|if (?:next time )?you) (?P<action>.+)\?$")


# Advice about the pupils keeps them as the subject ("als ze in tweetallen werken"); its
# pattern takes only a clause ending in the pupils' verb, and nothing of the writer's own.
_THEIR_ACTION = re.compile(
    "^(?:" + "|".join(re.escape(template.split(" {}")[0]) for template in (
        rephrase_nl.THEY_TEMPLATE, rephrase_en.THEY_TEMPLATE, rephrase_en.THEY_HINDSIGHT))
    + r") (?!je |you |next )(?P<action>[^:]+)\?$")
_WRITERS_OWN = word_set("ik mij mijn i i'm i've i'd me my")


def _reads_well(question: str, lang: str) -> bool:
    """The one last check on every tip's question, whichever pattern made it."""
    m = _ACTION.search(question)
    if m is None:
        theirs = _THEIR_ACTION.match(question)
        return theirs is not None and _WRITERS_OWN.isdisjoint(theirs.group("action").split())
    if ":" in m.group("action"):  # "if you then: give ...": a lead-in kept
        return False
    return (reads_as_dutch if lang == "nl" else reads_as_english)(m.group("action"))


def rephrase(label: Label, sentence: str, lang: str, raw: str,
             timestamps: tuple[str, ...]) -> str | None:
    """An open question for a tip, opinion or information; None where none can be made."""
    module = rephrase_nl if lang == "nl" else rephrase_en
    if label is Label.TIP:
        question = None if _opens_with_a_name(sentence, raw) else module.rephrase_tip(sentence)
        if question is not None and not _reads_well(question, lang):
            return None
    elif label is Label.OPINION:
        question = module.rephrase_opinion(sentence)
    elif label is Label.INFORMATION:
        question = module.INFORMATION
    else:
        return None
    if question is None or len(question.split()) > MAX_WORDS:
        return None
    question = re.sub(r"\s+", " ", question).replace(" ?", "?")
    return _restore(question, raw, timestamps)
