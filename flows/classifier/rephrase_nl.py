"""Dutch advice rewritten as an open question: "Je zou meer wachttijd kunnen geven" -> "Wat
zou er gebeuren als je meer wachttijd geeft?". The advice's action moves into "als je ...",
with the verb for "je" at the end of that clause, as Dutch word order wants."""
from __future__ import annotations

import re

from flows.classifier.dutch_clause import (
    NOT_A_VERB,
    NOT_AFTER,
    SOFT,
    clause,
    drop_reason,
    infinitive_clause,
    split_main,
    split_words,
    with_verb,
)
from flows.classifier.dutch_verbs import (
    PARTICLES,
    looks_infinitive,
    looks_participle,
    present_for_je,
)
from flows.classifier.lexicon import word_set
from flows.classifier.text import MOMENT_NOUNS_NL, MOMENT_WORDS, PLACES_NL

TEMPLATE = "Wat zou er gebeuren als je {}?"
THEY_TEMPLATE = "Wat zou er gebeuren als {}?"
NOUN_TEMPLATE = "Wat zou er gebeuren als je {} probeert?"
OPINION = "Hoe kijk jij zelf naar {}?"
OPINION_GENERIC = "Hoe kijk jij daar zelf naar?"
INFORMATION = "Wat denk jij zelf dat hier speelt?"

# No action opens with a conjunction: "als je en Bas praten ..." is a piece of a spoken turn.
_JOINS = word_set("en maar dus want of omdat zodat")
# "kan (ook) helpen", never "kan niet helpen": that says the opposite of advice.
_NOT_DENIED = r"(?: (?!niet\b|nooit\b|geen\b)\w+)?"
_TE_CLAUSE = re.compile(r"\b(?:om|geprobeerd|overwogen|nagedacht)(?: om)? (?P<body>.+?) te (?P<verb>\w+)"
                        r"(?P<tail>(?: [\w'<>-]+)*)$")
# "om ... te" is the advice after these ("beter om"); after a verb ("vragen om") that verb is.
_TE_LEAD = re.compile(r"\b(?:beter|handig|handiger|slim|slimmer|idee|goed|verstandig|zinvol|nuttig|zijn|"
                      r"fijn|helpen|helpt het|werkt het|optie|waard|tip|nagedacht|gedacht)(?: \w+)? om\b|\b(?:geprobeerd|overwogen) ")
_LEADS = re.compile(
    r"^(?:(?:mijn |een |als )?(?:tip|tipje|idee|advies|suggestie)(?: van mij)?:?\s*|ik zou (?:je )?(?:aanraden|adviseren) (?:om )?"
    r"|(?:en |dus |anders |misschien |dan |gewoon |oké |ok )+)")


def _te_clause(text: str) -> str | None:
    m = _TE_CLAUSE.search(text)
    if m is None:
        return None
    if "," in m.group("body"):  # "om X te zetten, en te kijken ...": two actions, no one verb
        return None
    return _te_verb(split_words(m.group("body")), m.group("verb"), m.group("tail"))


def _te_verb(body: list[str], verb: str, tail: str) -> str:
    """"ouders in te schakelen" -> "ouders inschakelt": the particle before "te" joins the
    verb, and the verb takes no second one ("samen op te stellen" -> "samen opstelt")."""
    joined = bool(body) and body[-1] in PARTICLES
    if joined:
        verb = body.pop() + verb
    return with_verb(body, present_for_je(verb), tail, particle=not joined)


# First words that are no imperative: a preposition or adverb ("Bij ons ...", "heel moedig
# ...") or a verb with the -t of "hij" ("krijgt Noah ook ...", "werkt het ..."), which an
# imperative never has (it is the stem: "krijg", "werk").
_NOT_IMPERATIVE = NOT_A_VERB | word_set("mijn jouw ons onze hun")
_THIRD_PERSON = re.compile(r"^\w{2,}[gkpfmld]t$")


def _imperative(text: str) -> str | None:
    main, rest = split_main(text)
    words = split_words(main)
    if not words:
        return None
    verb, body = words[0], words[1:]
    if verb in _NOT_IMPERATIVE or _THIRD_PERSON.match(verb):
        # "bij gym de wachtenden een klus geven": the action is its infinitive
        return infinitive_clause(text) if looks_infinitive(words[-1]) else None
    if body and body[0] in _SUBJECT_VERB:  # "Bas kan de schriften ...": a subject, no imperative
        return None
    if body and body[0] in ("wat", "wie", "hoe", "waar", "dat", "of", "welke", "wanneer"):
        return " ".join([present_for_je(verb), clause(body)] + ([rest] if rest else []))
    infinitives = [i for i, w in enumerate(body) if looks_infinitive(w)
                   and (i == 0 or body[i - 1] not in NOT_AFTER)]
    if infinitives and infinitives[-1] == len(body) - 1 and verb not in _TAKES_INFINITIVE:
        # "(misschien) Luuk een vast maatje geven": the first word is no verb but the person,
        # the action the infinitive at the end ("als je Luuk een vast maatje geeft")
        return infinitive_clause(text)
    if infinitives and (verb in _WITH_INFINITIVE or infinitives[-1] == len(body) - 1):
        # "laat Noor de instructie herhalen voor de klas": the imperative goes before the
        # infinitive, what follows it stays after ("... laat herhalen voor de klas").
        i = infinitives[-1]
        after = " ".join(body[i + 1:] + ([rest] if rest else []))
        return with_verb(body[:i], present_for_je(verb) + " " + body[i], after)
    return with_verb(body, present_for_je(verb), rest)


def _participle(text: str) -> str | None:
    main, rest = split_main(text)
    words = split_words(main)
    idx = [i for i, w in enumerate(words) if looks_participle(w)]
    if not idx:
        return None
    i = idx[-1]
    return with_verb(words[:i] + words[i + 1:], present_for_je(words[i]), rest)


# Spoken particles after the advice ("..., hoor", "ofzo") belong to the chat, not the action.
_TAIL_WORDS = re.compile(r"(?:,? (?:hoor|joh|hè|he|ofzo|of zo|enzo|toch))+$")


def rephrase_tip(sentence: str) -> str | None:
    """A tip as "Wat zou er gebeuren als je …?", or None when its action cannot be found."""
    s = sentence.strip().rstrip(".!? ").replace("<ts>", "TS")
    s = _TAIL_WORDS.sub("", _LEADS.sub("", s).strip())
    if _SAYS_NOT.search(s):  # kept through clause, which drops a rhetorical "niet"
        s = re.sub(r"\bniet\b", _KEPT_NOT, s)
    question = _rephrase_tip(s)
    return question.replace(_KEPT_NOT, "niet") if question else None


# "Je zou niet zo snel moeten beginnen": with the subject first "niet" is the advice ("als je
# niet meteen boos wordt"); in "kun je niet beter ...?" it only makes the question rhetorical.
_SAYS_NOT = re.compile(r"^(?:\w+ )?(?:je|jij|u|ik) (?:zou|kunt|kan|moet|moest|zal|hoeft)\b.*\bniet\b")
_KEPT_NOT = "niet_"


# What worked for the writer ("Bij mij werkt een timer"): the member can try it too (read as an
# imperative, "Bij" became "bijt"). "... werkt het goed om ... te geven" goes as "om ... te".
_OWN_EXPERIENCE = re.compile(
    r"^(?:(?:bij mij|bij ons|in mijn ervaring|in mijn klas|mij|ons),? (?:werkt|werkte|helpt|hielp) "
    r"(?!het (?:\w+ ){0,3}?om\b)"
    r"|wat (?:bij mij|bij ons|mij|ons|voor mij) (?:echt |heel |altijd |vaak |goed |wel |ook |erg )*"
    r"(?:werkt|werkte|helpt|hielp|geholpen heeft) (?:is|was) "
    r"|ik heb (?:\w+ )?(?:goede|positieve|prima) ervaring(?:en)? met )(?P<thing>.+)$")
_HOW_WELL = word_set("echt heel erg altijd goed super enorm prima vaak wel ook fantastisch top")
_THING_OPENS = word_set("een de het die dat zo'n")
_NOT_A_THING = word_set("dat je ik ze als om hoe wat wanneer")  # "met vaste groepjes": no article


def _own_experience(s: str) -> str | None:
    """The thing that worked, as "... probeert", if it is a short noun phrase ("een timer op
    het bord", not "dat ik ze ... laat"), or a way of doing ("de opdracht op het bord zetten",
    "als je ... zet"); "" for any other own experience."""
    m = _OWN_EXPERIENCE.match(s)
    if m is None:
        return None
    words = split_words(m.group("thing"))
    while words and words[-1] in _HOW_WELL:  # "helpt een timer enorm"
        words.pop()
    # A verb in -en at the end ("de namen op het bord schrijven"), or a noun ("een vast teken")
    verb_last = len(words) >= 2 and looks_infinitive(words[-1]) and words[-2] not in NOT_AFTER
    if verb_last and 4 <= len(words) <= 9 and "dat" not in words:
        action = infinitive_clause(" ".join(words))
        if action:
            return TEMPLATE.format(action)
    if verb_last and len(words) >= 3:
        return ""  # "een timer gebruiken" or "een vast teken": no telling which
    bare = s.startswith("ik heb") and bool(words) and words[0] not in _NOT_A_THING
    if not 2 <= len(words) <= 7 or (words[0] not in _THING_OPENS and not bare) or any(
            w in _SUBJECT_VERB or w in (",", "je", "ik", "ze", "als", "dat") for w in words[1:]):
        return ""
    return NOUN_TEMPLATE.format(" ".join(words))


# "ze kunnen beter in tweetallen werken": advice about the pupils keeps them as the subject
# ("als ze in tweetallen werken"); one pupil takes the verb's -t ("als hij naast je zit").
_THEY_BETTER = re.compile(r"^(?P<who>ze|zij|hij|die|de \w+|die \w+|dat \w+) "
                          r"(?P<modal>kunnen|kan|zouden|zou) (?:misschien |ook |eigenlijk |toch )?"
                          r"beter (?P<rest>.+)$")
_AUXILIARY = word_set("kunnen moeten gaan")


def _their_better_way(s: str) -> str | None:
    m = _THEY_BETTER.match(s)
    if m is None:
        return None
    main, tail = split_main(m.group("rest"))
    words = [w for w in split_words(main) if w not in _AUXILIARY]
    if len(words) < 2 or not looks_infinitive(words[-1]):
        return None
    verb = words[-1] if m.group("modal") in ("kunnen", "zouden") else present_for_je(words[-1])
    return THEY_TEMPLATE.format(m.group("who") + " " + with_verb(words[:-1], verb, tail))


def _rephrase_tip(s: str) -> str | None:
    if _THEY_BETTER.match(s):
        return _their_better_way(s)
    own = _own_experience(s)
    if own is not None:
        return own or None
    m = re.match(r"^(?P<when>volgende keer|voortaan|de volgende keer|in het vervolg),? (?P<rest>.+)$", s)
    if m:
        # "Volgende keer zou ik ..." -> "als je volgende keer ..."
        body = _action(_LEADS.sub("", m.group("rest")).strip())
        return TEMPLATE.format(f"{m.group('when')} {body}") if body else None
    body = _action(s)
    # An action is more than its verb ("als je probeert?" lost what was to be tried), and a
    # "te" left without "om" before it is a second action the rewriting did not take in.
    words = body.split() if body else []
    # "in plaats van ze te laten kiezen" is the alternative the action is set against.
    action_words = body.split(" in plaats van ")[0].split() if body else []
    if len(words) < 2 or words[0] in _JOINS or ("te" in action_words and "om" not in action_words):
        return None
    return TEMPLATE.format(body)


_SUBJECT_VERB = word_set("kan kun moet zou mag wil gaat is was heeft had deed doet")
# Imperatives that take an infinitive anywhere in the clause ("laat Noor ... herhalen voor
# de klas"); after others a word in -en before the end is a noun ("tijdens het werken").
_WITH_INFINITIVE = word_set("laat ga blijf kom help")
_TAKES_INFINITIVE = _WITH_INFINITIVE | word_set("leer zie hoor voel doe")
_IMPERATIVE_NOT = word_set("""je jij ik het de een dit dat die deze er we wij ze zij hij kun kan zou moet
heb had ben is was wil mag waarom wat hoe eerst vaker meer minder altijd nooit soms vooral nog daarna
straks vooraf alvast samen zelf bijvoorbeeld volgende direct meteen""")


# A moment or place put first, the verb right after it ("op <ts> moet je ...", "daar had je
# beter ..."): the advice is rewritten without it, and the moment goes into "als je ...".
_FRONT = re.compile(r"^(?P<front>(?:" + MOMENT_WORDS["nl"] + r") TS)[,:]? "
                    r"|^(?P<place>(?:" + MOMENT_WORDS["nl"] + ") (?:" + MOMENT_NOUNS_NL + ")|"
                    + PLACES_NL + r"),? (?=(?:had|moet|kun|kan|kunt|zou|is)\b|\w+ (?:je|jij|u)\b)")
_MODALS_FIRST = word_set("had moet kun kan kunt zou is")


def _verb_first(rest: str) -> str | None:
    """"wacht je beter even" -> "wacht", "doe je het liever samen" -> "het samen doet": the
    verb for "je" goes to the end of the clause (with its -t: "doe je" but "als je doet")."""
    m = re.match(r"^(?P<verb>\w+) (?:je|jij|u)\b(?P<rest>.*\b(?:beter|liever)\b.*)$", rest)
    if m is None or m.group("verb") in _MODALS_FIRST:
        return None
    verb = m.group("verb")
    finite = _INVERTED.get(verb) or (verb if verb.endswith("t") else verb + "t")
    main, tail = split_main(m.group("rest").strip())
    words = split_words(main)
    if verb in _WITH_INFINITIVE and words and looks_infinitive(words[-1]):
        return with_verb(words[:-1], f"{finite} {words[-1]}", tail)  # "ga je ... zitten"
    return with_verb(words, finite, tail, particle=words[-1:] != ["samen"])


# The verb before "je" has no -t ("ga je", "doe je"); after "als je" it has ("gaat", "doet").
_INVERTED = {"ga": "gaat", "sta": "staat", "sla": "slaat", "ben": "bent", "heb": "hebt"}


def _action(s: str) -> str | None:
    """The advised action as the rest of "als je …", or None."""
    if first := _verb_first(s):  # "(dan) loop je beter eerst naar de deur"
        return first
    front = _FRONT.match(s)
    if front:
        rest = s[front.end():]
        body = _verb_first(rest) or _action(rest)
        return f"{front.group('front') or front.group('place')} {body}" if body else None
    m = re.search(r"\bwat (?:nou )?als (?:je|jij) (?P<rest>.+)$", s)
    if m:
        return m.group("rest")
    m = re.search(r"\b(?:beter|handig|handiger|slim|slimmer|idee|helpt|helpen|fijn)\b(?: \w+)*? (?:als|wanneer) (?:je|jij) (?P<rest>.+)$", s)
    if m:  # "zou het niet beter zijn als je ..." -> "als je ..."
        return m.group("rest")
    m = re.search(r"\bdat (?:je|jij) (?P<pre>(?:[\w'-]+ )*?)(?:kunt|kan|moet|zou)(?: kunnen| moeten)? (?P<verb>\w+)(?P<tail>.*)$", s)
    if m and looks_infinitive(m.group("verb")):  # "ik denk dat je beter kunt wachten tot ..."
        return with_verb(split_words(m.group("pre")), present_for_je(m.group("verb")), drop_reason(m.group("tail")))
    m = re.match(r"^(?P<body>.+ \w+en) (?:kan|kun|zou|zal)" + _NOT_DENIED + r" (?:helpen|werken|schelen)$", s)
    if m:  # "een stilteteken afspreken kan helpen" -> "een stilteteken afspreekt"
        return infinitive_clause(m.group("body"))
    m = re.match(r"^(?P<np>(?:een|zo'n) [\w' -]+?) (?:kan|zou|zal)" + _NOT_DENIED + r" (?:helpen|werken)$", s)
    if m:  # "een vast ritueel aan het begin kan helpen" -> "een vast ritueel ... probeert"
        return f"{m.group('np')} probeert"
    m = re.search(r"\b(?:beter|handig|handiger|slim|slimmer|idee|goed|verstandig|zinvol|nuttig|"
                  r"fijn|prettig|optie) om te (?P<verb>\w+)(?P<tail>.*)$", s)
    if m:  # "is het niet beter om te wachten": the action is the verb after "om te"
        return _te_verb([], m.group("verb"), drop_reason(m.group("tail")))
    if _TE_CLAUSE.search(s) and _TE_LEAD.search(s):
        return _te_clause(s)  # None where it holds two actions
    m = re.match(r"^probeer (?:eens |dan |anders |gewoon |het )*(?:om )?(?P<rest>.+ te \w+.*)$", s)
    if m:  # "probeer eens te beginnen met ..." -> "begint met ..."
        te = re.match(r"^(?P<body>.*?)\bte (?P<verb>\w+)(?P<tail>.*)$", m.group("rest"))
        if te:
            return _te_verb(split_words(te.group("body")), te.group("verb"),
                            drop_reason(te.group("tail")))
    patterns = (
        r"\b(?:je|jij|u) (?:zou|kunt|kan|moet|moest)\b(?P<rest>.+)$",
        r"^had (?:je|jij|u)\b(?P<rest>.+)$",  # "had je niet beter ... kunnen herhalen"
        r"^(?:je|jij|u) had\b(?P<rest>.+)$",  # "je had beter eerst kunnen wachten"
        r"\bik zou\b(?P<rest>.+)$",
        r"\b(?:zou|kun|kan|moet) (?:je|jij|u|ik)\b(?P<rest>.+)$",
        r"\bmisschien (?:kun|kan|zou|moet) je\b(?P<rest>.+)$",
    )
    for pattern in patterns:
        m = re.search(pattern, s)
        if m:
            body = infinitive_clause(m.group("rest"))
            if body:
                return body
    m = re.search(r"\bwaarom (?P<verb>\w+) (?:je|jij)\b(?P<rest>.*)$", s)
    if m:
        main, rest = split_main(m.group("rest"))
        words = split_words(main)
        finite = present_for_je(m.group("verb"))
        if words and looks_infinitive(words[-1]):
            return with_verb(words[:-1], finite + " " + words[-1], rest)
        return with_verb(words, finite, rest)
    m = re.search(r"\bheb (?:je|jij) (?:er )?(?:al |wel |ook |ooit |eens |weleens )*"
                  r"(?:(?:over )?nagedacht over|gedacht aan|overwogen) (?P<np>.+)$", s)
    if m:
        return f"{m.group('np')} probeert"
    m = re.search(r"\bheb (?:je|jij) (?:er )?(?:al |wel |ook |ooit |eens |weleens |wel eens )*(?P<rest>.+)$", s)
    if m:
        return _participle(m.group("rest"))
    words = split_words(s)
    if not words:
        return None
    if not looks_infinitive(words[0]) and words[0] not in _IMPERATIVE_NOT and words[0] not in SOFT:
        return _imperative(s)
    clause = split_main(s)[0].split()
    # "Een beloningssysteem zou niet werken" says something of a thing (its subject and verb);
    # "de lichten eerder uitdoen" is the action itself.
    if words[0] in _ARTICLES and not _SUBJECT_VERB.isdisjoint(clause):
        return None
    if clause and looks_infinitive(clause[-1]):
        return infinitive_clause(s)
    return None


_ARTICLES = word_set("een de het die dat deze zo'n")


# Words that end (or are not) the thing an opinion is about: pronouns ("dat je ...", "het
# ging ..." are clauses), common verbs, prepositions and adverbs.
_NOT_IN_SUBJECT = word_set("""je jij ik ze zij hij we wij u men het is was waren zijn ben bent werd
wordt ging gaat gingen kwam komt liep loopt vond vind vinden hoort hoorde werkt werkte werken spreekt
sprak duurt duurde lag ligt past paste klopt klopte doet deed leidt leidde heeft had hebben kan kon
moet moest zou zal wil maakt maakte geeft gaf laat liet blijft bleef lijkt leek voelt voelde zit zat
staat stond zag ziet aan op in uit bij voor van met naar over door om tot na tijdens tussen onder
achter naast tegen echt wel niet heel erg nog al toch ook zo te vrij best eigenlijk gewoon meteen
klonk klinkt oogde oogt leek scheen schijnt bleek blijkt viel valt trof treft raakte raakt stoorde
stoort verbaasde verbaast irriteerde irriteert verraste verrast ergerde ergert""")
# A word followed by "me" or "ons" is a verb ("het stoorde me dat ..."), whatever it is.
_OBJECT = word_set("me mij ons jullie")


def rephrase_opinion(sentence: str) -> str:
    """"Hoe kijk jij zelf naar die muziekkeuze?": the opinion's subject (a noun, perhaps after
    an adjective in -e, perhaps with "van de ..."), or the general question where the words
    after "de/het/die/dat/deze" are a clause ("dat je ze liet nadenken", "het ging mis")."""
    m = re.match(r"^(?:(?:eerlijk|nou|ja|oké|ok)[,?!]? )?(?P<det>de|het|die|dat|deze) (?P<rest>.+)$",
                 sentence)
    words = [w.strip(",.!?") for w in m.group("rest").split()] if m else []
    if not m or not words or words[0] in _NOT_IN_SUBJECT or words[1:2] and words[1] in _OBJECT:
        return OPINION_GENERIC
    head = words[:2] if words[0].endswith("e") and len(words) > 1 and words[1] not in (
        _NOT_IN_SUBJECT) else words[:1]
    after = words[len(head):]
    if after[:1] == ["van"] and len(after) > 1:  # "de uitleg van de regels"
        van = after[:3] if after[1] in ("de", "het") and len(after) > 2 else after[:2]
        head += van
    return OPINION.format(" ".join([m.group("det"), *head]))
