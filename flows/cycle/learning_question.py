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


def is_description(words: str, language: str) -> bool:
    """Words that make no try at a learning question ("rekenles groep 5, dinsdag"): neither a
    question nor about the inbrenger's own actions. They are asked for a question, not
    corrected as one."""
    return not is_question(words, language) and not is_about_own_actions(words, language)


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


# The learning question said with words around it: "Wacht, eigenlijk is mijn leervraag meer:
# hoe geef ik ...? Kan ik dat nog veranderen?" (UX review 10, #2: all of it became the
# question, in the summaries and the coach's chain). What follows the announcement is the
# question; a question about the question itself, before or after it, is not part of it.
_SAYS_WHAT_FOLLOWS = (
    (r"\b(leer)?vraag\s+(is|wordt|luidt|zou\s+\w+\s+zijn)"
    r"(\s+(eigenlijk|meer|nu|dan|toch|dus|eerder|liever|vooral|nog|wel|gewoon))*\s*[:–—-]\s*"),
    (r"\b(mijn|de|nieuwe|eigenlijke|andere|echte)\s+(leer)?vraag(\s+(eigenlijk|meer|nu|dan"
    r"|toch|dus|eerder|liever|vooral|nog|wel))*\s*[:–—]\s*"),
    (r"\b(leer)?vraag\s+(is|wordt|luidt)(\s+(eigenlijk|meer|nu|dan|toch|dus|eerder|liever"
    r"|vooral|nog|wel|gewoon))*\s+(?=(hoe|wat|waarom|wanneer|welke|welk|of|in hoeverre)\b)"),
    (r"\b(learning\s+)?question\s+(is|would\s+be|becomes|will\s+be)"
    r"(\s+(actually|really|more|now|rather|then|just|still))*\s*[:–—-]\s*"),
    (r"\b(my|the|new|actual|real|other)\s+(learning\s+)?question(\s+(actually|really|now"
    r"|then))*\s*[:–—]\s*"),
    (r"\b(learning\s+)?question\s+(is|would\s+be|becomes)(\s+(actually|really|more|now"
    r"|rather|then|just))*\s+(?=(how|what|why|when|which|whether|to what extent)\b)"),
)
_ABOUT_THE_QUESTION = (
    (r"^(kan|mag|kun|moet)\s+(ik|je)\s+(dat|dit|die|hem|het|mijn\s+(leer)?vraag)\s+(nog\s+)?"
    r"(\w+\s+)?(veranderen|aanpassen|wijzigen|vervangen|anders)"),
    (r"^(is|klinkt|lijkt)\s+(dat|dit|die|hij|het|deze)\s+(zo\s+)?(wel\s+)?(goed|ok|oké|oke|prima"
    r"|duidelijk|helder|beter|een\s+goede|een\s+leervraag|genoeg)"),
    r"^(mag|kan|werkt)\s+(dat|dit|die)(\s+(nog|zo|ook))*\s*[?!.]*$",
    r"^(klopt|past)\s+(dat|dit)\b",
    r"^wat\s+(vinden|denken)\s+jullie\b",
    r"^(of\s+)?(is\s+dat|moet\s+dat|moet\s+het)\s+(anders|beter|scherper)",
    r"^(sorry|oeps|wacht|oké|oke|ok|nou|hm+|eh+)\b[\s,.!?…]*$",
    r"^(can|could|may|should)\s+i\s+(still\s+)?(change|edit|update|adjust|replace)\b",
    (r"^(is|does|would)\s+(that|this|it)\s+(still\s+)?(ok|okay|fine|good|alright|all\s+right"
    r"|allowed|work|sound|count|make\s+sense|better|clear)"),
    r"^what\s+do\s+(you|you\s+all|you\s+guys)\s+think\b",
    r"^(right|ok|okay|sorry|oops|wait)\b[\s,.!?…]*$",
)
_LEAD_IN = (r"^((oh|o|ah|hm+|eh+)\s+)?(wacht|sorry|oké|oke|ok|nou|oeps|wait|oops|okay|well"
            r"|actually|hm+|eh+|ah)\b[\s,.!…]+")
# What points at the question that follows ("Actually this one: how ...?", "Nee, deze: ..."),
# left over once the lead-in is gone: no part of the question (review ux21).
_POINTER = (r"^(this\s+one|that\s+one|this|deze|die|dit|deze\s+hier|deze\s+dan|this\s+one"
            r"\s+then)\s*[:–—]\s*")
# What takes the previous message back ("Of nee: ...", "Nee, eigenlijk: ...", "Or rather: ..."),
# not a plain "nee hoor".
_TAKEN_BACK = (r"^((of\s+)?nee(,?\s+(toch|eigenlijk))?\s*[,.!…:]|of\s+eigenlijk\b[,.!…:]?"
               r"|or\s+(rather|actually|no)\b[,.!…:]?|no\s*[,.:])\s*")
_SENTENCES = re.compile(r"(?<=[.?!…])\s+(?=\S)")


def question_in(words: str) -> str:
    """The learning question in the inbrenger's message: what follows "mijn leervraag is
    (eigenlijk):" / "my learning question is:", without a question about the question
    ("Kan ik dat nog veranderen?", "Is dat goed?", "Can I still change it?") or a lead-in
    ("Wacht,", "Sorry,"). Words without any of these come back as they were."""
    found = words.strip()
    lowered = found.lower().replace("’", "'")
    ends = [m.end() for rule in _SAYS_WHAT_FOLLOWS for m in re.finditer(rule, lowered)]
    if ends and max(ends) < len(found):
        found = found[max(ends):].strip()
    sentences = _SENTENCES.split(found)
    while len(sentences) > 1 and _about_the_question(sentences[-1]):
        sentences.pop()
    while len(sentences) > 1 and (_about_the_question(sentences[0])
                                  or _labels_the_clip(sentences[0], sentences[-1])):
        sentences.pop(0)
    found = " ".join(sentences)
    found = re.sub(_TAKEN_BACK, "", found, flags=re.IGNORECASE).strip() or found
    found = re.sub(_LEAD_IN, "", found, flags=re.IGNORECASE).strip() or found
    found = re.sub(_POINTER, "", found, flags=re.IGNORECASE).strip() or found
    return found[:1].upper() + found[1:] if found else words.strip()


# A message that takes back what it follows: "Of nee: hoe ...?", "Nee, eigenlijk ...",
# "Or rather: ...", or one that names itself the learning question.
_CORRECTS = re.compile(
    r"^(of\s+)?(nee|neen|toch|eigenlijk|liever|beter|correctie|ik\s+bedoel)\b|leervraag"
    r"|^(or\s+)?(no|rather|actually|correction|i\s+mean|better)\b|learning\s+question",
    re.IGNORECASE)


def corrects_itself(words: str) -> bool:
    """Words that take back the inbrenger's previous message: a newer learning question, not
    a side question ("Hoe weet ik of ik het goed gefilmd heb?" reads as one too)."""
    return _CORRECTS.search(words.strip().replace("’", "'")) is not None


# What makes a sentence say something ("Na de pauze is het onrustig."), not label the clip.
_SAYS = re.compile(r"\b(ik|mijn|me|mij|je|jij|jouw|wij|we|ons|onze|is|zijn|was|waren|wordt|werd"
                   r"|heeft|hebben|had|gaat|ging|doet|deed|zit|zitten|staat|loopt|komt|kan"
                   r"|kunnen|wil|willen|moet|moeten|i|my|you|your|our|us|are|were|has|have|does"
                   r"|did|goes|went|gets|got|can|will|would)\b")
# A label names the lesson or class ("rekenles", "groep 5", "year 7"); "Onrustig na de pauze."
# before the question is what it is about, and stays.
_LESSON = re.compile(r"\d|\b\w*(les|lessen|lesson|klas|class|groep|group|year|jaar)\b")


def _labels_the_clip(first: str, last: str) -> bool:
    """A short label of the clip before the question ("Kringgesprek groep 4. Hoe laat ik meer
    kinderen aan het woord?"): no person and no verb in it, so no part of what is asked."""
    lowered = first.strip().lower().replace("’", "'")
    return last.rstrip().endswith("?") and not lowered.endswith("?") \
        and len(lowered.split()) <= 6 and _SAYS.search(lowered) is None \
        and _LESSON.search(lowered) is not None



def _about_the_question(sentence: str) -> bool:
    lowered = sentence.strip().lower().replace("’", "'")
    return any(re.search(rule, lowered) for rule in _ABOUT_THE_QUESTION)


# Before the clip, a line about the turn is no learning question: the inbrenger has no clip
# (yet), doubts which lesson to show, or asks another member to take the turn ("Ik heb
# eigenlijk nog geen goede clip... Sanne, wil jij misschien?" was taken as the question).
_ABOUT_THE_TURN = (
    (r"\b(geen|nog\s+geen|niet\s+echt\s+een)\s+(goede\s+|bruikbare\s+|geschikte\s+|leuke\s+"
    r"|echte\s+|nieuwe\s+)?(clip|video|opname|filmpje|fragment|beelden)\b"),
    r"\bniet\s+(kunnen\s+)?(ge)?film(d|en)\b|\b(niks|niets)\s+(gefilmd|opgenomen)\b",
    (r"\bweet\s+(nog\s+)?niet\s+(zo\s+)?(goed\s+)?(welke|wat\s+voor)\s+(les|clip|video|opname"
    r"|fragment|filmpje)"),
    r"\btwijfel\b.*\b(les|clip|video|opname|fragment|beurt)\b",
    (r"\b(wil|wilt|kan|kun|zou)\s+(jij|iemand)(\s+anders)?\s+(misschien\s+)?"
    r"(\w+\s+)?(inbrengen|overnemen|ruilen|beginnen|de\s+beurt|eerst|in\s+mijn\s+plaats)"),
    r"\b(iemand\s+anders|een\s+ander)\s+(eerst|in\s+mijn\s+plaats)\b",
    r"\b(mijn|de)\s+beurt\s+(doorgeven|overnemen|ruilen|overslaan)\b",
    (r"\b(no|not\s+a|don't\s+have\s+a|haven't\s+got\s+a|without\s+a)\s+(good\s+|usable\s+"
    r"|suitable\s+|proper\s+|new\s+)?(clip|video|recording|footage)\b"),
    (r"\b(haven't|have\s+not|didn't|did\s+not|couldn't|could\s+not)\s+(been\s+able\s+to\s+)?"
    r"(film|record)"),
    (r"\b(not\s+sure|don't\s+know|unsure)\s+(yet\s+)?(which|what)\s+(lesson|clip|video"
    r"|recording)"),
    (r"\b(can|could|would|will)\s+(you|someone|somebody|anyone)(\s+else)?\s+(maybe\s+)?"
    r"(take|go|bring|swap|do\s+it)"),
    r"\b(swap|trade)\s+(turns|with\s+me)\b|\b(pass|give)\s+(on\s+)?my\s+turn\b",
    r"\bsomeone\s+else\s+(first|instead)\b",
)


def is_about_the_turn(words: str, other_members: tuple[str, ...] = ()) -> bool:
    """The inbrenger's words before the clip are about the turn, not a learning question:
    no clip, doubt about which lesson to show, or another member asked to take it, named
    the way one addresses someone ("Sanne, wil jij ...?", "..., Sanne?")."""
    lowered = words.lower().replace("’", "'")
    if any(re.search(rule, lowered) for rule in _ABOUT_THE_TURN):
        return True
    return any(_addressed(lowered, name.lower()) for name in other_members if name.strip())


def addressed_member(words: str, other_members: tuple[str, ...]) -> str | None:
    """The member the words address ("..., Mohamed, wil jij?"), if one."""
    lowered = words.lower().replace("’", "'")
    return next((name for name in other_members if name.strip()
                 and _addressed(lowered, name.lower())), None)


def _addressed(lowered: str, name: str) -> bool:
    called = re.escape(name.split()[0])
    return re.search(rf"(^|[.!?,…]\s*)({called})\s*[,!?]|,\s*{called}\s*[?!.]*$",
                     lowered) is not None
