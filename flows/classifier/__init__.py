"""The contribution classifier: what kind of contribution a chat message is (../shared/data/
README.md), the words that decided it, and for compensating messages a rephrasing as an open
question. Pure and fast: cue rules per language; only when no rule finds a real cue does a
small naive Bayes model (fallback.py, loaded lazily once from flows/classifier_data/) decide.

    >>> classify("Je zou meer wachttijd kunnen geven", "nl").rephrasing
    'Wat zou er gebeuren als je meer wachttijd geeft?'
"""
from __future__ import annotations

import re
from dataclasses import replace

from flows.classifier import fallback
from flows.classifier.cues_en import EN
from flows.classifier.cues_nl import NL
from flows.classifier.language import detect_language
from flows.classifier.lexicon import Lexicon
from flows.classifier.rephrase import rephrase
from flows.classifier.rules import judge_message
from flows.classifier.text import TS, prepare
from flows.classifier.timestamps import parse_timestamp
from flows.labels import COMPENSATING, Classification, Label

__all__ = ["classify", "detect_language", "parse_timestamp"]

_LEXICONS: dict[str, Lexicon] = {"nl": NL, "en": EN}
# Below this weight no rule found a cue (only the defaults: a clip subject 1.2, a greeting 1,
# nothing 0.5); the learned fallback may then decide, if it is clear enough about it: its best
# label must lead the runner-up by more than FALLBACK_MARGIN in log-probability.
WEAK_CUE = 2.0
FALLBACK_MARGIN = 3.0
# A capitalised word that does not start a sentence: usually a name ("Op 2:00 loopt Roos weg").
_NAME = re.compile(r"(?<=[\w,;:] )(?!I\b)[A-ZÀ-Ý][a-zà-ÿ]+")
# A message of emoji alone: applause and hearts cheer the person, the rest acknowledges.
_CHEERING = re.compile("[\U0001F44F\U0001F4AA\U0001F64C\u2764\U0001F49B\U0001F49A\U0001F499"
                       "\U0001F49C\U0001F9E1\U0001F31F\u2B50\U0001F525\U0001F60D\U0001F970\U0001F3C6]")


def classify(text: str, lang: str | None = None) -> Classification:
    """Label `text` ('nl' or 'en'; detected when missing) with the cue that decided it and,
    for a tip (and where sensible an opinion or information), an open-question rephrasing."""
    if lang not in _LEXICONS:
        lang = detect_language(text)
    prepared = prepare(text, lang)
    if not prepared.text.strip(" .,!?"):
        label = Label.AFFIRMATION if _CHEERING.search(prepared.emoji) else Label.OTHER
        return Classification(label, prepared.emoji[:8])
    verdict = judge_message(prepared.sentences, _LEXICONS[lang], bool(_NAME.search(text)))
    if verdict.weight < WEAK_CUE:
        learned = fallback.scores(text, lang)
        if learned is not None and fallback.margin(learned) > FALLBACK_MARGIN:
            label = Label(fallback.best_of(learned))
            if label is not verdict.label:
                verdict = replace(verdict, label=label, cue="")
    cue = _restore(verdict.cue, prepared.timestamps)
    rephrasing = None
    if verdict.label in COMPENSATING:
        rephrasing = rephrase(verdict.label, verdict.sentence, lang, text, prepared.timestamps)
    return Classification(verdict.label, cue, rephrasing)


def _restore(cue: str, timestamps: tuple[str, ...]) -> str:
    """The cue with the time stamp as the writer typed it."""
    if TS in cue and timestamps:
        cue = cue.replace(TS, timestamps[0], 1).replace(TS, "…")
    return cue
