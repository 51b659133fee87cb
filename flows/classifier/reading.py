"""One reading of a message by the cue rules, shared by the classifier and the training of its
learned model (so both see exactly the same features): the normalised text, every sentence's
verdict, the main act, and whether a name occurs."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from flows.classifier import linear
from flows.classifier.cues_en import EN
from flows.classifier.cues_nl import NL
from flows.classifier.language import detect_language
from flows.classifier.lexicon import Lexicon
from flows.classifier.rules import Verdict, judge_sentences, main_act
from flows.classifier.text import Prepared, prepare

LEXICONS: dict[str, Lexicon] = {"nl": NL, "en": EN}
# A capitalised word that does not start a sentence: usually a name ("Op 2:00 loopt Roos weg").
_NAME = re.compile(r"(?<=[\w,;:] )(?!I\b)[A-ZÀ-Ý][a-zà-ÿ]+")


@dataclass(frozen=True)
class Reading:
    lang: str
    prepared: Prepared
    verdicts: list[Verdict]
    main: Verdict  # the rules' main act
    has_name: bool

    @property
    def empty(self) -> bool:
        """Nothing but emoji, punctuation or fillers."""
        return not self.prepared.text.strip(" .,!?")

    def features(self) -> list[str]:
        """All the learned model reads, as training sees it."""
        return linear.features(self.prepared, self.verdicts, self.main, self.lang, self.has_name)

    @cached_property
    def tokens(self) -> list[str]:
        return linear.tokens_of(self.prepared)

    def word_features(self) -> list[str]:
        """What the gate reads: words and word pairs."""
        return linear.word_features(self.tokens)

    def scores(self, model: linear.Model, words: list[str]) -> list[float]:
        """The model's label scores, given the word features already made for the gate."""
        rules = linear.rule_features(self.prepared, self.verdicts, self.main, self.lang,
                                     self.has_name, len(self.tokens))
        return model.scores(words + rules, linear.char_text(self.tokens))


def read(text: str, lang: str | None) -> Reading:
    if lang not in LEXICONS:
        lang = detect_language(text)
    prepared = prepare(text, lang)
    has_name = bool(_NAME.search(text))
    if not prepared.text.strip(" .,!?"):
        return Reading(lang, prepared, [], Verdict(main_act([]).label, "", 0, ""), has_name)
    verdicts = judge_sentences(prepared.sentences, LEXICONS[lang], has_name)
    return Reading(lang, prepared, verdicts, main_act(verdicts), has_name)
