"""Is this a learning question? A question about the inbrenger's own actions, of sensible
length ("Hoe kan ik ...?", "How can I ...?"). A learning question about the pupils ("Hoe krijg
ik Tim stil?" passes, "Waarom is Tim zo druk?" does not) keeps the focus on what the inbrenger
can develop, which is the point of the practice.

Whether the inbrenger is the one who acts is a heuristic, so it never has the last word: a
question sent again after the correction is taken as it is (`insisted_on`)."""
from __future__ import annotations

import re

from flows.effects import Text, text

MIN_CHARS = 15
MAX_CHARS = 300

_QUESTION_WORDS = {
    "nl": r"hoe|wat|waarom|wanneer|welke|welk|waar|wie|op welke|in hoeverre|kan|kun|moet|zal|zou",
    "en": r"how|what|why|when|which|where|who|in what|to what extent|can|could|should|shall|would",
}

# What a teacher does, said as "mijn ..." / "my ...": "mijn uitleg" is an action, "mijn klas"
# is not. Word beginnings, so plurals and compounds count ("vragen", "instructies").
_OWN_DOINGS = {
    "nl": r"eigen|uitleg|instructie|vra(ag|gen)|reactie|aanpak|stem|taalgebruik|houding"
          r"|lichaamstaal|feedback|compliment|wachttijd|manier|rol\b|klassenmanagement"
          r"|lesopbouw|voorbereiding|begeleiding|timing|tempo|opdracht|beurt|handelen|gedrag"
          r"|optreden|ingrijpen|start|afsluiting|stilte|pauze|blik|positie|plek|beweg|toon"
          r"|humor|grap|woord|gebruik|keuze|verwachting|uitstraling|non-?verba",
    "en": r"own|explanation|instruction|question|response|reaction|approach|voice|tone"
          r"|body language|feedback|praise|wait time|way of|role\b|classroom management"
          r"|lesson (plan|structure)|planning|preparation|timing|pac(e|ing)|behaviou?r"
          r"|teaching|presence|intervention|silence|pause|gaze|position|movement|humou?r"
          r"|joke|word|use of|choice|expectation|non-?verbal",
}

# The inbrenger is the one who acts when one of these is in the question. "ik" and "I" are
# always the subject; "mij"/"me" alone are not ("Wat vinden de leerlingen van mij?").
_ACTS = {
    "nl": (
        r"\bik\b",  # "Hoe kan ik", "Wat doe ik", "Geef ik genoeg wachttijd?"
        r"\b(mezelf|mijzelf)\b",
        rf"\bmijn\s+({_OWN_DOINGS['nl']})",
        r"\b(helpt?|lukt( het)?)\s+(me|mij)\b|\b(me|mij)\s+helpen\b",
        r"\bals\s+(docent|leraar|leerkracht|juf|meester)\b",  # the generic "je als docent"
    ),
    "en": (
        r"\bi\b|\bi'(m|d|ve|ll)\b",  # "How do I", "How can I", "Am I", "What can I do"
        r"\bmyself\b",
        rf"\bmy\s+({_OWN_DOINGS['en']})",
        r"\bhelps?\s+me\b",
        r"\bas\s+(a|the)\s+teacher\b",
    ),
}


# A learning question is often said as what one wants to learn ("Ik wil leren hoe ik ...",
# "I'd like to find out how I ..."): an indirect question, without a question mark.
_WANTS_TO_LEARN = {
    "nl": r"\bik\s+(wil|zou)\s+(graag\s+)?(willen\s+)?"
          r"(leren|weten|ontdekken|uitzoeken|onderzoeken)"
          r"\s+(hoe|wat|waarom|wanneer|welke|of|in hoeverre)\b|\bik\s+vraag\s+me\s+af\b",
    "en": r"\bi(\s+want|\s+would like|'d like)\s+to\s+(learn|know|find out|explore|understand)"
          r"\s+(how|what|why|when|which|whether|if)\b|\bi\s+wonder\b",
}


def is_question(question: str, language: str) -> bool:
    lowered = question.strip().lower().replace("’", "'")
    if lowered.endswith("?"):
        return True
    pattern = _QUESTION_WORDS.get(language, _QUESTION_WORDS["nl"])
    if re.match(rf"({pattern})\b", lowered) is not None:
        return True
    return any(re.search(_WANTS_TO_LEARN[lang], lowered) for lang in _WANTS_TO_LEARN)


def is_about_own_actions(question: str, language: str) -> bool:
    """The inbrenger acts in it: first person as the subject, or an action of theirs
    ("mijn uitleg", "my questions"). Either language's rules count: groups mix languages."""
    lowered = question.lower().replace("’", "'")
    languages = (language, *(lang for lang in _ACTS if lang != language))
    return any(re.search(rule, lowered) for lang in languages if lang in _ACTS
               for rule in _ACTS[lang])


def same_question(one: str | None, other: str | None) -> bool:
    """The same words, whatever the spacing and capitals."""
    def words(s: str | None) -> str:
        return " ".join((s or "").lower().split())
    return bool(one and other) and words(one) == words(other)


def check_learning_question(question: str | None, language: str, *,
                            insisted_on: str | None = None) -> Text | None:
    """None when the learning question is fine, else the friendly correction to send.
    `insisted_on` is a question the inbrenger was told was not about their own actions:
    sent again, it is taken."""
    question = (question or "").strip()
    if not question:
        return text("lq.missing")
    if len(question) < MIN_CHARS:
        return text("lq.too_short")
    if len(question) > MAX_CHARS:
        return text("lq.too_long", max=MAX_CHARS)
    if not is_question(question, language):
        return text("lq.not_a_question")
    if not is_about_own_actions(question, language) and not same_question(question,
                                                                           insisted_on):
        return text("lq.not_own_actions")
    return None
