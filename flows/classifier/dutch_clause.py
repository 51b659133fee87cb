"""Just enough Dutch clause building to put advice after "als je": the action's verb for
"je" at the end of its clause ("meer wachttijd kunnen geven" -> "meer wachttijd geeft"), a
separable particle joined to it, softeners and a rhetorical "niet" left out, and what follows
the main clause (a reason, a comment) cut off. Used by rephrase_nl.py."""
from __future__ import annotations

import re

from flows.classifier.dutch_verbs import PARTICLES, looks_infinitive, present_for_je
from flows.classifier.lexicon import word_set

# Softeners that a rephrasing drops ("je zou eens misschien gewoon ..." -> "als je ...").
SOFT = word_set("""eens misschien gewoon even wel ook toch beter eigenlijk echt dan nog
wellicht eventueel zeker maar vaker liever best""")
_MODAL = word_set("kunnen moeten proberen gaan")
_CLUSTER = word_set("laten gaan blijven komen helpen leren zitten staan liggen horen zien voelen")
NOT_AFTER = word_set("""de het een die deze dat alle veel meer twee drie vier met zijn hun
jouw mijn onze andere enkele sommige welke geen voor van in op aan bij naar zonder tijdens tussen
onder achter naast tegen""")
# Prepositions and adverbs at the start of advice: no verb is built from them ("Bij mij werkt
# ..." read as an imperative became "bijt"; "In", "als", "heel" became "int", "alst", "heelt").
NOT_A_VERB = word_set("""bij in op met voor na naar van aan uit door over tijdens onder tegen om
tot zonder als heel erg zo trouwens""")
# Where the main clause ends and a subordinate or reason clause starts.
_BOUNDARY = re.compile(r"\s*(?:,|;|:| - | als | zodat | voordat | nadat | omdat | wanneer | zodra | in plaats van "
                       r"| voor (?=je |jij |ze |hij |zij |we |iedereen )"
                       r"| terwijl | want | zoals | dan (?=ben|heb|is|zijn|wordt|krijg|gaat|kun|kan|zie|merk|doe|werk|"
                       r"kom|blijf|hoef|weet|voel|leer|leren|let|snap|luister|zit|sta)"
                       r"| om (?=[\w' -]+ te \w+)| tot | totdat | zo ?dat | dat (?=iedereen|ze|hij|zij|de|het))")


def split_words(text: str) -> list[str]:
    return [w for w in text.split() if w]


def clause(words: list[str]) -> str:
    return " ".join(w for w in words if w not in SOFT and w != "niet")


def with_verb(before: list[str], finite: str, tail: str = "", *, particle: bool = True) -> str:
    # A trailing separable particle joins the verb: "de lichten uit" + "doet" -> "uitdoet";
    # not when the verb already took its own ("samen op te stellen" -> "samen opstelt").
    if particle and before and before[-1] in PARTICLES:
        finite = before[-1] + finite
        before = before[:-1]
    parts = [clause(before), finite, tail.strip()]
    return " ".join(p for p in parts if p)


def drop_reason(rest: str) -> str:
    """A comment after a comma ("…, dan praten ze makkelijker") is not part of the action."""
    rest = rest.lstrip()
    # After a comma, "dan ..." or "want ...": what the advice would bring, not the advice; after
    # "zoals ..." an example the question can do without.
    return "" if rest.startswith((",", ";", ":", "-", "dan ", "want ", "zoals ")) else (
        rest.split(",")[0])


def split_main(text: str) -> tuple[str, str]:
    m = _BOUNDARY.search(text)
    if m is None:
        return text, ""
    return text[: m.start()], drop_reason(text[m.start():].rstrip(" .!?"))


def infinitive_clause(body: str) -> str | None:
    """'meer wachttijd kunnen geven' -> 'meer wachttijd geeft'; a second infinitive stays
    ('vooraf laten oefenen' -> 'vooraf laat oefenen'). Two actions joined by "en" each take
    the je-form ("korter maken en sneller laten oefenen" -> "korter maakt en sneller laat
    oefenen"): one verb for both left the first an infinitive ("als je ... maken en ...")."""
    main, rest = split_main(body)
    first, joined, second = main.partition(" en ")
    if joined and first.split() and looks_infinitive(first.split()[-1]):
        one, two = _one_action(first, ""), _one_action(second, rest)
        return f"{one} en {two}" if one and two else None
    return _one_action(main, rest)


def _one_action(main: str, rest: str) -> str | None:
    words = [w for w in split_words(main) if w not in _MODAL or w == main.split()[-1]]
    # Dutch puts the infinitive last; a word after "de", "met", ... is a noun ("het lezen").
    verbs = [i for i, w in enumerate(words) if looks_infinitive(w)
             and (i == 0 or words[i - 1] not in NOT_AFTER)]
    if not verbs:
        return None
    first = verbs[-1]
    # "vooraf laten oefenen": a verb that takes an infinitive goes with it; a noun in -en
    # before the infinitive ("vaker complimenten geven") stays a noun.
    while first - 1 in verbs and words[first - 1] in _CLUSTER:
        first -= 1
    if first > 0 and words[first - 1] == "te":  # "probeer ... te geven": keep "te" out
        words.pop(first - 1)
        first -= 1
    finite = present_for_je(words[first])
    later = " ".join(words[first + 1:])
    return with_verb(words[:first], " ".join([finite] + ([later] if later else [])), rest)
