"""Facts stated plainly: a statement with no cue at all that says something about pupils,
learning or teaching in general ("Kleuters kunnen zich zo'n tien minuten concentreren",
"Sleep loss hits concentration in teenagers harder than in adults") is information (README),
not the weak `observation`/`other` default.

A sentence counts as such a general claim when (checked in `rules.py`, weight 2, so every real
cue outweighs it) it
- has no deixis of the clip or the chat (the lexicon's `deixis`: you, this, he, was, <ts>, ...)
  and names nobody,
- does not open on a definite article with a pupil or a classroom thing ("the kids on the
  carpet", "de tafels"), has no counted pupils ("two boys", "vier kinderen"), no classroom
  objects (board, window, coat, kring, digibord) and no progressive ("are sitting"),
- and carries a mark of generality: a generic noun (children, memory, feedback, pubers,
  gedrag, motivatie), a frequency adverb (often, usually, doorgaans, meestal), a comparison
  ("than", "dan") or an abstract noun opening the sentence ("Herhaling ...", "Dual coding
  means ...").

`noun_subject` keeps a noun that opens a generic claim ("Praise works best when ...", "Straf
werkt ...") from being read as an imperative.
"""
from __future__ import annotations

import re

_GENERIC_EN = re.compile(
    r"\b(?:children|kids|pupils|students|learners|teenagers|teens|adolescents|toddlers|infants|people|adults|"
    r"teachers|boys|girls|brains?|memory|skills|behaviou?r|motivation|concentration|attention|practice|feedback|"
    r"praise|punishment|rewards?|routines?|sleep|learning|reading|readers|vocabulary|habits?|language|"
    r"classes|schools|lessons|instruction|transitions|problems|research|evidence|development|anxiety)\b"
    r"|\b(?:often|usually|generally|typically|mostly|rarely|seldom|normally|tends?|on average|in general|most)\b"
    r"|\bthan\b|\b(?:far |much )?(?:more|fewer|less|better|worse|faster) \w+\b|has (?:nothing|little|everything) to do with"
    r"|^(?:\w+ )?\w+(?:ing|tion|sion|ness|ment|ity|ism)\b (?:is|are|means|helps|works|keeps|makes|gets|"
    r"leads|has|hits|improves|reduces|builds|gives|lowers|raises|costs|takes|matters|boosts)\b"
)
_GENERIC_NL = re.compile(
    r"\b(?:kinderen|leerlingen|kleuters|pubers|jongeren|tieners|jongens|meisjes|mensen|volwassenen|leraren|"
    r"leerkrachten|docenten|brein|hersenen|geheugen|werkgeheugen|gedrag|motivatie|concentratie|aandacht|straf|"
    r"straffen|beloning|beloningen|feedback|routines?|slaap|leren|lezen|lezers|woordenschat|taal|oefenen|"
    r"herhaling|ondersteuning|vaardigheden|instructie|onderzoek|ontwikkeling|klassen|scholen|een klas)\b"
    r"|\b(?:vaak|meestal|doorgaans|gemiddeld|zelden|normaal gesproken|over het algemeen|in het algemeen|de meeste)\b"
    r"|\b(?:veel )?(?:meer|minder|beter|slechter|sneller) \w+\b|(?:heeft|hebben) (?:niks|niets|weinig|alles) (?:\w+ ){0,3}te maken"
    r"|\bdan\b(?! (?:ook|maar|weer|nog|toch|pas|doe|ga|kan|zal|moet|is|ben|zijn)\b)"
    r"|^(?:\w+ )?\w+(?:ing|tie|heid|isme|iteit)\b (?:is|zijn|betekent|helpt|werkt|houdt|maakt|zorgt|leidt|heeft|"
    r"geeft|kost|vergroot|verkleint|verhoogt|verlaagt|levert|beklijft|draait)\b"
)
_SPECIFIC_EN = re.compile(
    r"^(?:the|that|at the|by the|in the|during the) (?:\w+ )?(?:kids?|children|child|pupils?|students?|class|group|"
    r"girls?|boys?|tables?|desks?|board|whiteboard|timer|camera|footage|clip|video|room|door|window|end|start|"
    r"beginning|first|last|lesson)\b"
    r"|\b(?:two|three|four|five|six|half|both) (?:of )?(?:the )?(?:\w+ )?(?:kids|children|pupils|students|boys|girls|class)\b"
    r"|\b(?:board|whiteboard|window|door|coats?|carpet|desk|seats?|footage|camera|book|sheets?|worksheet)\b"
    r"|\b(?:is|are) \w+ing\b|\bjust\b|\btomorrow\b|\btoday\b"
)
_SPECIFIC_NL = re.compile(
    r"^(?:de|het|die|aan het|op het|in de|tijdens de|tijdens het|bij de) (?:\w+ )?(?:kinderen|kind|leerlingen?|"
    r"klas|groep|groepje|meisjes?|jongens?|tafels?|bord|digibord|camera|opname|filmpje|lokaal|deur|eind|einde|"
    r"begin|kring|les|helft)\b"
    r"|\b(?:twee|drie|vier|vijf|zes|beide|de helft van de) (?:\w+ )?(?:kinderen|leerlingen|jongens|meisjes|klas)\b"
    r"|\b(?:bord|digibord|raam|deur|jas|jassen|kring|tafel|stoel|stoelen|boek|camera|opname|werkblad|bladen)\b"
    r"|\b(?:straks|morgen|vandaag|net)\b"
)
GENERIC = {"en": _GENERIC_EN, "nl": _GENERIC_NL}
SPECIFIC = {"en": _SPECIFIC_EN, "nl": _SPECIFIC_NL}

NOUN_SUBJECT = {
    # "Group work starts ...", "Break time is over": a noun of one or two words and its verb.
    "en": re.compile(r"^\w+(?: (?!(?:them|him|her|it|us|me|the|a|an|your|their|what|who|how|"
                     r"everyone|everybody|this|that|whatever|something|anything)\b)\w+)? "
                     r"(?:works|helps|is|are|was|were|means|leads|makes|has|gives|keeps|matters|"
                     r"builds|costs|starts|ends|begins|resumes|stops|follows|happens|lasts|seems|"
                     r"looks|sounds|takes)\b"),
    "nl": re.compile(r"^\w+ (?:werkt|helpt|is|betekent|leidt|maakt|heeft|geeft|houdt|zorgt|kost)\b"),
}


_COMPARATIVE = {
    "en": re.compile(r"\b(?:better|worse|more|less|faster|longer) (?:\w+ ){0,3}than\b"),
    "nl": re.compile(r"\b(?:beter|slechter|meer|minder|sneller|langer) (?:\w+ ){0,3}dan\b"),
}


def comparative_claim(sentence: str, lang: str, deixis: re.Pattern[str],
                      has_name: bool) -> re.Match[str] | None:
    """"Spaced practice sticks better than cramming": a comparison with nothing from the clip
    is a general claim, not a verdict ("beter dan" otherwise reads as an opinion)."""
    if general_claim(sentence, lang, deixis, has_name) is None:
        return None
    return _COMPARATIVE[lang].search(sentence)


def general_claim(sentence: str, lang: str, deixis: re.Pattern[str], has_name: bool) -> re.Match[str] | None:
    """The mark of generality when `sentence` reads as a plain fact about learning or pupils."""
    if has_name or deixis.search(sentence) or len(sentence.split()) < 4:
        return None
    if SPECIFIC[lang].search(sentence):
        return None
    return GENERIC[lang].search(sentence)
