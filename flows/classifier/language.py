"""Dutch or English, for messages whose language the group settings do not give.

Function words decide: every chat message, however short, has a few, and the two languages
share almost none of the frequent ones. Letter pairs break ties in very short messages.
"""
from __future__ import annotations

import re

from flows.classifier.lexicon import word_set

_NL = word_set("""
de het een en van dat die niet je jij jou jouw ik wat hoe waarom waar wanneer welke wie zijn
is op met voor heb hebt heeft hebben ze zij er maar ook nog als bij dan toch wel eens zou zouden
kun kunt kan kunnen mag moet moeten wil wilt ben bent was waren werd worden mijn ons onze jullie
dit deze naar uit over om te tot door zo al nu heel echt goed fijn leuk mooi klas les leerlingen
kinderen juf meester filmpje zeg zie hoor denk vind vond weet niks niets iets geen alleen eigenlijk
misschien gewoon even graag dank bedankt hoi hallo allemaal klopt oké toen daar hier wordt hun
zich mee want omdat terwijl na tijdens ja nee opdracht volgens wist probeer laat gebruik geef
""")
_EN = word_set("""
the a an and of that this these those you your yours i me my what how why where when which who
is are was were be been to in on at with for have has had they them their there but also still
if by then though well ever would could should can may might must want do does did not no yes
it its from about into out so very really good great nice class lesson students kids pupils
teacher clip video say see hear think feel know just maybe thanks thank sorry hi hello everyone
ok okay because while after during our we us he she his her him here try tried using use let
""")
# "is", "in", "was" and a few more occur in both; they count for neither.
_SHARED = _NL & _EN
_WORD = re.compile(r"[a-zà-ÿ']+")
_NL_BIGRAMS = ("ij", "oe", "aa", "ee", "uu", "sch", "cht", "ui", "eu")
_EN_BIGRAMS = ("th", "wh", "sh", "ing", "ea", "ou", "w ")


def detect_language(text: str, default: str = "nl") -> str:
    """'nl' or 'en'; `default` (the group's language; Dutch unless told) when nothing tells
    them apart, so that "ok" in an English group stays English."""
    lowered = text.lower()
    nl = en = 0.0
    for word in _WORD.findall(lowered):
        if word in _SHARED:
            continue
        if word in _NL:
            nl += 1
        elif word in _EN:
            en += 1
        elif word.endswith(("'s", "n't", "'re")):
            en += 0.5
    if nl == en:
        nl += sum(lowered.count(b) for b in _NL_BIGRAMS) * 0.1
        en += sum(lowered.count(b) for b in _EN_BIGRAMS) * 0.1
    if en == nl:
        return default if default in ("nl", "en") else "nl"
    return "en" if en > nl else "nl"
