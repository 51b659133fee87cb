"""Dutch words the cue phrases of cues_nl.py are built from: feelings, qualities of a
person, verdicts, intensifiers, the verbs or auxiliaries that open a yes/no question, and the gaps
allowed between the two halves of a cue.
Kept apart from the cues so that module stays readable."""
from __future__ import annotations

from flows.classifier.lexicon import words
from flows.classifier.text import TS

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
FRONTED = (r"^(?:(?:en|maar|dus|ja|nou|oké|ok)[,.]? )*(?:(?:op|bij|rond|na|vanaf|vlak na|vlak "
           r"voor|voor) (?:" + TS.replace("<", "\\<") + r"|dat moment|dat punt|die plek|zo'n moment)|daar|hier|dan|op "
           r"dat moment|op zo'n moment|in die situatie|in zo'n situatie|op dat punt)[,]? ")

# Words in -en that are no verb, so not the advised action ("moet je echt even wachten").
EN_BUT_NO_VERB = "".join(f"(?<!\\b{w})" for w in ("even", "samen", "tegen", "boven", "open",
                                                  "eigen", "binnen", "buiten", "zeven", "negen"))
