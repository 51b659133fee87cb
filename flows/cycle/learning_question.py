"""Is this a learning question? A question about the inbrenger's own actions, of sensible
length ("Hoe kan ik ...?", "How can I ...?"). A learning question about the pupils ("Hoe krijg
ik Tim stil?" passes, "Waarom is Tim zo druk?" does not) keeps the focus on what the inbrenger
can develop, which is the point of the practice."""
from __future__ import annotations

import re

from flows.effects import Text, text

MIN_CHARS = 15
MAX_CHARS = 300

_QUESTION_WORDS = {
    "nl": r"hoe|wat|waarom|wanneer|welke|welk|waar|wie|op welke|in hoeverre|kan|kun|moet|zal|zou",
    "en": r"how|what|why|when|which|where|who|in what|to what extent|can|could|should|shall|would",
}
_OWN = {
    "nl": r"\b(ik|mij|me|mijn|mezelf|mijzelf)\b",
    "en": r"\b(i|me|my|myself|i'm|i'd|i've)\b",
}


def is_question(question: str, language: str) -> bool:
    lowered = question.strip().lower()
    if lowered.endswith("?"):
        return True
    pattern = _QUESTION_WORDS.get(language, _QUESTION_WORDS["nl"])
    return re.match(rf"({pattern})\b", lowered) is not None


def is_about_own_actions(question: str, language: str) -> bool:
    lowered = question.lower()
    # Either language's pronouns count: groups mix languages in practice.
    return any(re.search(_OWN[lang], lowered) for lang in (language, "nl", "en"))


def check_learning_question(question: str | None, language: str) -> Text | None:
    """None when the learning question is fine, else the friendly correction to send."""
    question = (question or "").strip()
    if not question:
        return text("lq.missing")
    if len(question) < MIN_CHARS:
        return text("lq.too_short")
    if len(question) > MAX_CHARS:
        return text("lq.too_long", max=MAX_CHARS)
    if not is_question(question, language):
        return text("lq.not_a_question")
    if not is_about_own_actions(question, language):
        return text("lq.not_own_actions")
    return None
