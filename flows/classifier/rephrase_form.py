"""The last check on an offered question: does the action after "als je" / "if you" read as
Dutch or English? The rephrasers find the action with patterns, and a pattern that matched the
wrong words gives a garbled question ("als je mij werkt een timer op het bord bijt", "if you
have you ever tried, ..."). A member sees it in a nudge, so no question is better than that:
these cheap rules refuse what a well-formed action never looks like."""
from __future__ import annotations

import re

from flows.classifier.dutch_clause import NOT_A_VERB
from flows.classifier.dutch_verbs import looks_infinitive
from flows.classifier.lexicon import word_set

_WORD = re.compile(r"[\w'-]+|,")

# The question is put to the member: the writer's own "ik/mij/mijn" in it is the writer's
# experience or proposal carried along ("als je mij werkt ...", "als je ik stel voor dat ...").
_FIRST_PERSON_NL = word_set("ik mij mijn")
# Words that open a clause of their own: the action's verb comes before them.
_SUBORDINATE_NL = word_set("""zodat voordat nadat omdat wanneer zodra terwijl want zoals totdat
dat waar wie hoe of""")
# "als" and "wat" open a clause only before its subject ("als ze meedoen", "wat je verwacht");
# "als leesmoeder", "als eerste", "wat meer", "wat dichter" stay in the main clause.
_SUBJECTS_NL = word_set("je jij ze hij zij we wij iedereen niemand het er u men")
# Prepositions and adverbs that no verb is built from: "bij" + t is the verb a pattern made of
# "Bij mij werkt ...", as "int", "alst", "heelt" were made of "In", "als", "heel".
_NOT_A_STEM_NL = NOT_A_VERB | word_set("""wat dat die dit deze er hier daar toch wel ook nog al
eens dus maar en of mss misschien""")
_PREPOSITIONS_NL = word_set("""bij in op met voor na naar van aan uit door over tijdens onder
tegen om tot zonder achter naast tussen rond langs vanaf richting binnen buiten""")
# Ending in -t but no verb: the je-form is looked for among the other words.
_NOT_FINITE_NL = word_set("""het niet met wat dat uit tot eerst altijd best laatst liefst meest
nooit vaak soms net echt zelfs toch part nadat want licht""")
# Verbs whose je-form takes an infinitive along: "als je ze laat oefenen", "gaat staan".
_WITH_INFINITIVE_NL = word_set("laat gaat blijft helpt komt leert")
# A word in -en after these is a noun ("het lezen", "twee stukken", "coöperatieve werkvormen").
_BEFORE_A_NOUN_NL = word_set("""de het een die deze dat alle veel meer twee drie vier vijf zes
zeven acht tien met zijn hun jouw onze andere enkele sommige welke geen voor van in op aan bij
naar zonder tijdens tussen onder achter naast tegen over door""")


def _finite_nl(word: str) -> bool:
    return (word.endswith("t") and len(word) > 2 and word not in _NOT_FINITE_NL) or word in (
        "bent", "kan", "mag", "wil", "zal")


def _bare_infinitive_nl(words: list[str], i: int) -> bool:
    """Whether words[i] is an infinitive no verb governs: not after "te", a verb such as
    "laat", an article or a preposition (then a noun: "het zelfstandig werken"), or an
    adjective in -e."""
    before = words[i - 1]
    return (looks_infinitive(words[i]) and words[i] not in _NOT_INFINITIVE_NL
            and before not in _BEFORE_A_NOUN_NL and not before.endswith("e")
            and "het" not in words[max(0, i - 2):i] and not _governed_nl(words, i))


def _governed_nl(words: list[str], i: int) -> bool:
    """Whether a verb takes words[i] along: "te", "laat", or an infinitive so taken ("te
    laten kiezen"); "de beelden laten" is a noun, and its "laten" no verb's."""
    before = words[i - 1] if i > 0 else ""
    return before == "te" or before in _WITH_INFINITIVE_NL or (
        looks_infinitive(before) and _governed_nl(words, i - 1))


_NOT_INFINITIVE_NL = word_set("iedereen ieder eigen volgen")


def _opens_a_clause_nl(words: list[str], i: int) -> bool:
    word, after = words[i], words[i + 1:i + 2]
    if word in ("als", "wat"):
        return bool(after) and after[0] in _SUBJECTS_NL
    if word == "om":  # "om ze op te warmen", not "om tien uur"
        return "te" in words[i + 1:]
    return word == "," or word in _SUBORDINATE_NL


def _verb_in_place_nl(main: list[str], verb: int) -> bool:
    """Whether main[verb] can be the action's verb: after it only the infinitive it takes
    along, then a phrase that opens with a preposition or "als" ("als maatje"), or a second
    action after "en" ("... laat zien en pas dan ... geeft"); before it no infinitive that
    no verb governs."""
    after = main[verb + 1:]
    if after and main[verb] in _WITH_INFINITIVE_NL and looks_infinitive(after[0]):
        after = after[1:]
    if after and after[0] not in _PREPOSITIONS_NL and after[0] not in ("en", "als"):
        return False
    return not any(_bare_infinitive_nl(main, i) for i in range(1, verb))


def reads_as_dutch(action: str) -> bool:
    """Whether "als je <action>" is a Dutch clause: its verb for "je" in the main clause, no
    second verb left in the infinitive, nothing of the writer's own "ik"."""
    words = _WORD.findall(action.lower())
    if not words or not _FIRST_PERSON_NL.isdisjoint(words):
        return False
    if any(w.endswith("t") and w[:-1] in _NOT_A_STEM_NL for w in words):
        return False
    # The main clause ends at a comma or where a clause of its own starts; "dat scheelt ..."
    # right after the action is a comment in main-clause order, not a subordinate clause.
    end = next((i for i in range(len(words)) if _opens_a_clause_nl(words, i)), len(words))
    if end < len(words) - 1 and words[end] == "dat" and (_finite_nl(words[end + 1])
                                                          or words[end + 1] == "is"):
        return False
    main = words[:end]
    # A word in -t may be a noun ("aandacht"): one of them must be the verb in its place.
    return any(_verb_in_place_nl(main, i) for i, w in enumerate(main) if _finite_nl(w))


# "if you have you ever tried", "if you do you think": a question's inversion carried along.
_INVERTED_EN = re.compile(r"^(?:have|has|do|does|did|are|is|can|could|would|will|should) you\b")
# "if you reward charts don't work": a subject and its verb, no action.
_SUBJECT_VERB_EN = word_set("""don't doesn't didn't isn't aren't wasn't weren't won't can't
is are was were has""")
_FIRST_PERSON_EN = word_set("i i'm i've i'd me my")
# An action cut off before its end: "... use the chair to lean on, and then eventually".
_DANGLING_EN = word_set("and or but then eventually so because like the a an to")


def reads_as_english(action: str) -> bool:
    """Whether "if you <action>" is an English clause: it opens with a verb (not an inverted
    question or "do not be"), has no subject and verb of its own up front, does not stop
    mid-way ("and then eventually"), and is not about the writer ("I", "my")."""
    words = _WORD.findall(action.lower())
    if not words or _INVERTED_EN.match(action) or action.startswith(("do not be ", "don't be ")):
        return False
    if not _SUBJECT_VERB_EN.isdisjoint(words[1:3]) or words[-1] in _DANGLING_EN:
        return False
    return _FIRST_PERSON_EN.isdisjoint(words)
