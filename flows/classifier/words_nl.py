"""Dutch words the cue phrases of cues_nl.py are built from: feelings, qualities of a
person, verdicts, intensifiers, the verbs or auxiliaries that open a yes/no question, and the gaps
allowed between the two halves of a cue.
Kept apart from the cues so that module stays readable."""
from __future__ import annotations

import re

from flows.classifier.lexicon import words
from flows.classifier.text import MOMENT_NOUNS_NL, MOMENT_WORDS, PLACES_NL, TS

GAP = r"(?:[\w'<>-]+ ){0,7}?"  # up to seven words between the two halves of a cue
SHORT_GAP = r"(?:[\w'<>-]+ ){0,3}?"
SOFT = r"(?:eens |misschien |ook |gewoon |beter |wel |toch |nog |even |dan |ooit |al |er |"
SOFT += r"wellicht |eventueel |zelf |vaker |meer |liever |niet )*"

EMOTION = words("""
bang bezorgd blij verrast opgelucht onzeker boos moe gefrustreerd teleurgesteld zenuwachtig
gespannen gestrest tevreden ontevreden verdrietig eenzaam overvallen machteloos schuldig
ongerust geïrriteerd geërgerd nerveus verward overweldigd uitgeput moedeloos angstig verbaasd
geschrokken geraakt radeloos onrustig twijfelachtig verscheurd klem alleen trots onzeker
ongemakkelijk kwetsbaar geïrriteerd gekwetst beschaamd opgejaagd onthand verlegen
""")
QUALITY = words("""
humor energie geduld rust warmte enthousiasme inzet betrokkenheid openheid eerlijkheid moed
creativiteit passie houding kracht toewijding doorzettingsvermogen kwetsbaarheid uitstraling
aanwezigheid nieuwsgierigheid zelfreflectie
""")
PERSON = words("""
juf meester docent docente leraar lerares leerkracht collega inspiratie voorbeeld topper kanjer
aanwinst toppertje kanjertje parel held harde_werker natuurtalent doorzetter vakvrouw vakman professional mens schat held
""")
# Adjectives that carry a verdict on their own.
VERDICT = words("""
goed mooi prima sterk knap duidelijk helder leuk fijn geweldig super top briljant slim effectief
geslaagd treffend rommelig chaotisch onduidelijk saai traag langdradig vaag warrig slordig
onhandig jammer zonde verwarrend zwak matig overvol flauw slap kil afstandelijk ingewikkeld
fantastisch schitterend heerlijk tof gaaf raak doeltreffend overbodig onnodig zinloos onlogisch
ongepast vreemd raar fout verkeerd slecht sterk krachtig prachtig uitstekend perfect waardeloos
rommelig gezellig sfeervol lastig nuttig handig passend mooie goede sterke leuke fijne heldere
duidelijke slimme mooi_gedaan goed_gedaan goed_gekozen schot_in_de_roos rustgevend knus
""")
INTENSIFIER = r"(?:heel|erg|echt|super|zeer|hartstikke|enorm|behoorlijk|nogal|best|wat|vrij|ontzettend|wel erg|een beetje|beetje|iets|zo|zó)"
DESCRIPTIVE = words("rustig druk stil lang kort snel langzaam luid hard zacht vol leeg moeilijk makkelijk streng")
# Finite verbs that open a yes/no question ("weten ze", "was dit", "staat de camera").
FINITE = words("""
is was zijn waren heeft hebben had hadden heb hebt kan kon kunnen konden kun kunt zou zouden wil
wilt wilde willen moet moest moeten mag mocht mogen mochten weet weten wist wisten doet deed
deden gaat ging gaan gingen staat stond staan zit zat zitten ligt lag klopt klopte werkt
werkte duurt duurde speelt speelde komt kwam krijgt kreeg krijgen hoort hoorde ziet zag
zien merkte merkt vond vindt vinden denkt dacht kent kende kennen gebruikt
begint begon beginnen wordt werd worden blijft bleef lukt lukte gebeurt gebeurde reageert
reageerde reageren snappen snapt begrijpen begrijpt helpt hielp past paste hoeft hoeven geeft
gaf gaven voelt voelde voelden bent verwacht verwachtte praten praat
""")

# A moment or place put first, after which Dutch puts the verb before the subject.
FRONTED = (r"^(?:(?:en|maar|dus|ja|nou|oké|ok)[,.]? )*(?:(?:" + MOMENT_WORDS["nl"] + r") (?:"
           + re.escape(TS) + "|" + MOMENT_NOUNS_NL + ")|" + PLACES_NL + ")[,]? ")

# Up to six words before the advised verb, none of them seeing or hearing ("daar kun je goed
# zien hoe ...": what the clip shows) nor "niet".
NO_SENSE_GAP = r"(?:(?!(?:zien|horen|merken|lezen|voelen|volgen|niet)\b)[\w'-]+ ){0,6}?"
# Dutch puts the infinitive at the end of its clause: so it is followed by the end, a comma,
# or what opens the next clause ("wachten tot het stil is").
CLAUSE_END = (r"(?=\s*(?:[.,!;:?]|$)|\s(?:tot|totdat|als|zodat|voordat|zodra|en|want|om|dan|"
              r"met|bij|op)\b)")
# Words in -en that are no verb, so not the advised action ("moet je echt even wachten").
EN_BUT_NO_VERB = "".join(f"(?<!\\b{w})" for w in ("even", "samen", "tegen", "boven", "open",
                                                  "eigen", "binnen", "buiten", "zeven", "negen"))
# Not advice: seeing or hearing ("kun je de leerlingen horen"), or what the writer would feel,
# say or think in the same words ("daar zou ik van schrikken").
SENSING = "".join(f"(?<!\\b{w})" for w in ("zien", "horen", "merken", "lezen", "voelen",
                                             "volgen", "lachen", "huilen"))
FEELING = "".join(f"(?<!\\b{w})" for w in (
    "worden", "zijn", "voelen", "vinden", "weten", "zeggen", "denken", "hebben", "schrikken",
    "balen"))

# Advice with the verb before the subject after a fronted moment or place ("op 1:10 moet je
# ...", "daar had je beter ...", "hier zou ik eerst ..."), which Dutch word order asks for.
VERB_FIRST_TIPS = (
    FRONTED + r"(?P<a>(?:moet|kun|kan|kunt) (?:je|jij|u)) " + NO_SENSE_GAP
    + r"(?P<b>\w+en)" + EN_BUT_NO_VERB + SENSING + r"(?<!kunnen)" + CLAUSE_END,
    FRONTED + r"(?P<a>(?!(?:zie|hoor|merk|ziet|hoort|ben|bent|heb|word|begrijp|snap|weet|"
    r"ken|voel|vind|denk)\b)\w+ (?:je|jij|u)) (?:(?!niet\b)[\w'-]+ ){0,2}?"
    r"(?P<b>beter|liever)\b(?! (?:dan|als|in|af)\b)",
    FRONTED + r"(?P<a>had (?:je|jij|u)) (?:(?!niet\b)[\w'-]+ ){0,4}?(?P<b>beter|moeten|kunnen)\b"
    r"(?! (?:zien|horen|merken|weten)\b)",
    (r"^(?:(?:en|maar|dus|ja|nou)[,.]? )*(?P<a>(?:je|jij|u) had) (?:(?!niet\b)[\w'-]+ ){0,3}?"
     r"(?P<b>beter|moeten)\b(?! (?:zien|horen|merken|weten)\b)"),
    # Not a feeling in the same words ("daar zou ik ook van schrikken / moeite mee hebben").
    FRONTED + r"(?P<a>zou ik) (?!(?:graag|ook|het niet|niet weten|willen weten)\b)"
    + NO_SENSE_GAP + r"(?P<b>\w+en)" + EN_BUT_NO_VERB + FEELING + CLAUSE_END,
)
