"""Just enough Dutch verb morphology to turn advice into "als je ... geeft": the present tense
for "je" from an infinitive ("geven" -> "geeft"), an imperative ("probeer" -> "probeert") or a
participle ("gemaakt" -> "maakt"). Regular spelling rules plus the common irregular verbs."""
from __future__ import annotations

from flows.classifier.lexicon import word_set

_IRREGULAR = {
    "zijn": "bent", "hebben": "hebt", "gaan": "gaat", "doen": "doet", "staan": "staat",
    "slaan": "slaat", "zien": "ziet", "kunnen": "kunt", "willen": "wilt", "zullen": "zult",
    "mogen": "mag", "komen": "komt", "laten": "laat", "weten": "weet", "moeten": "moet",
}
# Imperatives whose "je" form is not the stem + t ("ga" -> "gaat", not "gat").
_IRREGULAR_IMPERATIVES = {"ga": "gaat", "sta": "staat", "sla": "slaat", "doe": "doet",
                          "zie": "ziet", "wees": "bent", "heb": "hebt"}
_PARTICIPLES = {
    "gedaan": "doet", "gegeven": "geeft", "gelaten": "laat", "gezet": "zet", "gegaan": "gaat",
    "gezien": "ziet", "gekozen": "kiest", "genomen": "neemt", "gesproken": "spreekt",
    "geschreven": "schrijft", "gelezen": "leest", "gevraagd": "vraagt", "gebracht": "brengt",
    "gedacht": "denkt", "gezocht": "zoekt", "gekocht": "koopt", "gehouden": "houdt",
    "begonnen": "begint", "geholpen": "helpt", "gebleven": "blijft", "gewacht": "wacht",
    "gestaan": "staat", "gezeten": "zit", "gelegd": "legt", "gezegd": "zegt",
}
# Separable particles: in "als je ..." they join the verb again ("doe de lichten uit" ->
# "als je de lichten uitdoet").
# Longest first, so that "open" is not read as "op" + "endoen" ("opendot", review ux20).
PARTICLES = tuple(sorted((
    "terug", "samen", "klaar", "neer", "weg", "mee", "uit", "aan", "af", "op", "in", "bij", "toe",
    "door", "om", "na", "voor", "vast", "los", "over", "rond", "dicht", "open", "binnen",
    "buiten", "stil", "achter", "langs", "voorbij", "tegen", "heen"), key=len, reverse=True))
# -elen/-enen verbs have an unstressed last syllable: no vowel doubling ("tekent"). Of the
# -eren verbs only Dutch words built on "-er" are ("verandert", "verbetert", "levert in"); the
# many borrowed ones stress it ("reageert", "complimenteert", "presenteert", "noteert").
_UNSTRESSED_ENDINGS = ("elen", "enen")
_UNSTRESSED_EREN = ("deren", "beteren", "luisteren", "fluisteren", "klauteren", "stotteren",
                    "hamsteren", "ploeteren", "schitteren", "kletteren", "herinneren", "ergeren",
                    "slingeren", "weigeren", "hongeren", "timmeren", "leveren", "offeren",
                    "zekeren", "wapperen", "flikkeren")
_VOWELS = "aeiouy"


def _split_particle(word: str) -> tuple[str, str]:
    for particle in PARTICLES:
        if word.startswith(particle) and len(word) > len(particle) + 3:
            rest = word[len(particle):]
            if rest.startswith("ge") or rest in _IRREGULAR or rest.endswith("en"):
                return particle, rest
    return "", word


def _stem(infinitive: str) -> str:
    if infinitive.endswith(("ueren", "iëren")):  # evalueren -> evalueer, kopiëren -> kopieer
        return infinitive[:-4] + "eer"
    if infinitive.endswith("eëren"):  # creëren -> creëer
        return infinitive[:-4] + "ëer"
    if infinitive.endswith("ën"):  # an ending written "-ën" is read as "-en" (creëren: above)
        infinitive = infinitive[:-2] + "en"
    base = infinitive[:-2] if infinitive.endswith("en") else infinitive[:-1]
    if len(base) >= 2 and base[-1] == base[-2] and base[-1] not in _VOWELS:
        return base[:-1]  # zetten -> zet, beginnen -> begin
    unstressed = infinitive.endswith(_UNSTRESSED_ENDINGS + _UNSTRESSED_EREN)
    # An open syllable before -en has a long vowel written double in the stem: maken -> maak.
    if (not unstressed and len(base) >= 2 and base[-1] not in _VOWELS and base[-2] in "aeou"
            and (len(base) < 3 or base[-3] not in _VOWELS)):
        base = base[:-1] + base[-2] + base[-1]
    if base.endswith("v"):
        base = base[:-1] + "f"
    elif base.endswith("z"):
        base = base[:-1] + "s"
    return base


def present_for_je(verb: str) -> str:
    """The form after "als je": an infinitive, imperative or participle in, "…t" out."""
    particle, core = _split_particle(verb)
    if core in _IRREGULAR:
        return particle + _IRREGULAR[core]
    if core in _IRREGULAR_IMPERATIVES:
        return particle + _IRREGULAR_IMPERATIVES[core]
    if core in _PARTICIPLES:
        return particle + _PARTICIPLES[core]
    if core.startswith("ge") and core.endswith(("d", "t")) and len(core) > 4:
        stem = core[2:-1]  # gemaakt -> maak, geprobeerd -> probeer
        return particle + (stem if stem.endswith("t") else stem + "t")
    if core.endswith("en") and len(core) > 3:
        stem = _stem(core)
    else:
        stem = core  # an imperative is the stem already
    return particle + (stem if stem.endswith("t") else stem + "t")


_SHORT_INFINITIVES = frozenset({"zijn", "gaan", "doen", "staan", "zien", "slaan"})
# Plurals that end like an infinitive and are common in advice about a class.
_PLURALS = word_set("""
kinderen leerlingen groepen woorden lessen opdrachten toetsen boeken stoelen plaatsen meiden
materialen middelen afspraken oefeningen zinnen teksten sommen punten stappen momenten dagen
weken uren seconden minuten tijden handen ogen oren leerkrachten docenten leraren klassen
scholen bladen vakken rijen hoeken banken ramen deuren muren fouten antwoorden doelen spullen
pennen potloden schriften werkbladen kleuren vormen beurten rollen taken ouderen
""")


def looks_infinitive(word: str) -> bool:
    if word in _SHORT_INFINITIVES:
        return True
    return len(word) > 3 and word.endswith("en") and word not in _PLURALS and word not in (
        "een", "geen", "tien", "even", "ieder", "open", "boven", "beneden", "buiten", "binnen",
        "misschien", "meteen", "bovendien", "sindsdien",
        "tussen", "tegen", "zonder", "samen", "alleen", "zeven", "negen", "mensen", "minuten", "dingen", "plannen", "scholen", "klassen")


def looks_participle(word: str) -> bool:
    return word in _PARTICIPLES or (word.startswith("ge") and word.endswith(("d", "t"))
                                    and len(word) > 5) or any(
        word.startswith(p + "ge") and word.endswith(("d", "t")) for p in PARTICLES)
