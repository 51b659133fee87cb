"""The contribution classifier: what kind of contribution a chat message is (../shared/data/
README.md), the words that decided it, and for compensating messages a rephrasing as an open
question. Pure and fast: cue rules per language; only when no rule finds a real cue does a
small naive Bayes model (fallback.py, loaded lazily once from flows/classifier_data/) decide.

    >>> classify("Je zou meer wachttijd kunnen geven", "nl").rephrasing
    'Wat zou er gebeuren als je meer wachttijd geeft?'
"""
from __future__ import annotations

import re
from dataclasses import replace

from flows.classifier import fallback, linear
from flows.classifier.language import detect_language
from flows.classifier.reading import LEXICONS, Reading, read, text_window
from flows.classifier.rephrase import rephrase
from flows.classifier.rules import Verdict
from flows.classifier.text import TS
from flows.classifier.timestamps import parse_timestamp
from flows.labels import COMPENSATING, Classification, Label

__all__ = ["classify", "detect_language", "parse_timestamp"]

# Without the learned model: below this weight no rule found a cue (only the defaults: a clip
# subject 1.2, a greeting 1, nothing 0.5); the naive Bayes fallback may then decide, if it is
# clear enough about it: its best label must lead the runner-up by more than FALLBACK_MARGIN.
WEAK_CUE = 2.0
FALLBACK_MARGIN = 3.0
# A message of emoji alone: applause and hearts cheer the person, the rest acknowledges.
_CHEERING = re.compile("[\U0001F44F\U0001F4AA\U0001F64C\u2764\U0001F49B\U0001F49A\U0001F499"
                       "\U0001F49C\U0001F9E1\U0001F31F\u2B50\U0001F525\U0001F60D\U0001F970\U0001F3C6]")


def classify(text: str, lang: str | None = None) -> Classification:
    """Label `text` ('nl' or 'en'; detected when missing) with the cue that decided it and,
    for a tip (and where sensible an opinion or information), an open-question rephrasing."""
    reading = read(text, lang)
    prepared = reading.prepared
    if reading.empty:
        label = Label.AFFIRMATION if _CHEERING.search(prepared.emoji) else Label.OTHER
        return Classification(label, prepared.emoji[:8])
    model = linear.load_model()
    if (model is not None and model.is_spoken(reading.tokens, reading.pairs)
            and not _seen_by_writer(reading)):
        verdict = _combined(model, reading)
    else:
        verdict = _rules_only(reading, text)
    if verdict.label is Label.OPINION:
        verdict = _judgement_named(verdict, reading.lang)
    cue = _restore(verdict.cue, prepared.timestamps)
    rephrasing = None
    if verdict.label in COMPENSATING:
        rephrasing = rephrase(verdict.label, verdict.sentence, reading.lang, text,
                              prepared.timestamps)
    return Classification(verdict.label, cue, rephrasing)


# A short message in which the writer says what they saw the inbrenger do ("I noticed that you
# wait before you ask", "wat ik zag is dat je ...") is what members are asked for. Its words
# ("that you") can pass the spoken gate, and the learned model, which learned such turns from
# counsellors, then read it as information (and nudged it) or as other. The rules decide it.
SEEN_WORDS = 16
_TO_ME = frozenset({"me", "mij"})


def _seen_by_writer(reading: Reading) -> bool:
    main = reading.main
    if main.label is not Label.OBSERVATION or main.weight < 3 or len(reading.tokens) > SEEN_WORDS:
        return False
    words = main.cue.split()
    if words[:1] not in (["i"], ["ik"]) and not _TO_ME.intersection(words):
        return False  # not the writer's own seeing ("het viel me op", "it struck me" are)
    after = main.sentence.find(main.cue) + len(main.cue)
    return LEXICONS[reading.lang].second_person.search(main.sentence, after) is not None


# Words that mark any opinion as the writer's own ("eerlijk gezegd", "I reckon"). Quoted alone
# the writer reads the hedge as what was wrong; the judgement itself ("te zacht", "way too
# relaxed") says why it is an opinion. Chosen after the label, so the learned model's rule
# features (which include the cue) are those it was trained on.
_HEDGES = {
    "nl": frozenset("""ik vind|vind ik|ik vond|vond ik|ik denk|denk ik|volgens mij|eerlijk gezegd|
eerlijk|persoonlijk|lijkt me|lijkt mij|mij lijkt|ik geloof dat|ik zou zeggen|in mijn ogen|
naar mijn mening|ik heb het idee dat|ik heb het gevoel dat""".replace("\n", "").split("|")),
    "en": frozenset("""i think|i reckon|i feel like|i believe|honestly|personally|to me|frankly|
in my opinion|in my view|i'd say|tbh|my impression is|i get the feeling""".replace("\n", "").split("|")),
}


def _judgement_named(verdict: Verdict, lang: str) -> Verdict:
    """An opinion decided by its hedge names the judgement in the sentence where there is one."""
    if verdict.cue.lower() not in _HEDGES.get(lang, frozenset()):
        return verdict
    lex, sentence = LEXICONS[lang], verdict.sentence
    found = lex.too.search(sentence) or lex.evaluative.search(sentence)
    if found is None:
        return verdict
    # "not that bad", "niet zo erg": the negation before it belongs to the judgement.
    denied = _DENIED.search(sentence, 0, found.start())
    start = denied.start() if denied else found.start()
    return replace(verdict, cue=sentence[start:found.end()].strip(" ,.!?"))


_DENIED = re.compile(r"\b(?:not|isn't|wasn't|aren't|weren't|niet|geen)\s+(?:\w+\s+)?$")


def _combined(model: linear.Model, reading: Reading) -> Verdict:
    """The learned model decides; the cue is the rules' where a rule offered the same label
    (the main act first, then the strongest such sentence), else the words that weighed most."""
    label = Label(model.best(reading.scores(model)))
    main = reading.main
    if label is main.label:
        return main
    agreeing = [v for v in reading.verdicts if v.label is label and v.weight >= WEAK_CUE]
    if agreeing:
        return max(reversed(agreeing), key=lambda v: v.weight)
    return replace(main, label=label,
                   cue=model.strongest_words(reading.tokens, reading.pairs, label.value))


def _rules_only(reading: Reading, text: str) -> Verdict:
    """The rules, with the naive Bayes fallback where they found no real cue."""
    verdict = reading.main
    if verdict.weight < WEAK_CUE:
        learned = fallback.scores(text_window(text), reading.lang, reading.prepared)
        if learned is not None and fallback.margin(learned) > FALLBACK_MARGIN:
            label = Label(fallback.best_of(learned))
            if (label is Label.TIP and len(reading.tokens) <= _DESCRIPTION_WORDS
                    and _DESCRIBES_YOU.search(verdict.sentence)):
                return verdict
            if label is not verdict.label:
                verdict = replace(verdict, label=label, cue="")
    return verdict


# "You speak more quietly when it gets noisy", "ze beginnen pas als jij gaat zitten": the
# inbrenger or the pupils as the subject of a plain verb describe what happens. Advice takes a
# modal ("you could", "ze moeten") or an imperative, so the fallback, which learned tips full
# of "you" and classroom words, may not make such a description a tip.
# A long turn's deciding sentence may be a cut-off tail ("je met je buurman ..."), not a
# sentence that opens with the inbrenger.
_DESCRIPTION_WORDS = 25
_DESCRIBES_YOU = re.compile(
    r"^(?:(?:and|so|ok|okay|en|dus|oké) )?(?:you|je|jij|they|ze|zij) (?!(?:\w+ )?(?:should|could|might|"
    r"can|must|need|ought|would|will|may|have to|had better|better|zou|moet|kunt|kan|mag|zal|"
    r"hoeft|moest|kon|mocht|zouden|moeten|kunnen|mogen|hoeven)\b)\w+")


def _restore(cue: str, timestamps: tuple[str, ...]) -> str:
    """The cue with the time stamp as the writer typed it."""
    if TS in cue and timestamps:
        cue = cue.replace(TS, timestamps[0], 1).replace(TS, "…")
    return cue
