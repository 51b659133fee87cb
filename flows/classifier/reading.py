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
# A capitalised word that does not start a sentence: usually a name ("Op 2:00 loopt Roos weg";
# "I" is no name: it is one letter). The capital comes first so that re scans for capitals
# alone, and the look-behind checks the two characters before it.
_NAME = re.compile(r"[A-ZÀ-Ý](?<=[\w,;:] [A-ZÀ-Ý])[a-zà-ÿ]+")
# The rules read at most this many characters of sentences, the last ones: that bounds the
# time of a long spoken turn (the rules cost about 1.3 µs a character); a lead-in comes first
# and the main act later, and the learned model reads the first MAX_CHARS of it anyway. Chat
# messages are far shorter (the longest labelled one has 112 characters).
RULE_CHARS = 150


def rule_window(sentences: tuple[str, ...]) -> tuple[str, ...]:
    """The last sentences that fit in RULE_CHARS characters; of a longer last sentence, its
    last RULE_CHARS characters from a word start."""
    if sum(map(len, sentences)) <= RULE_CHARS:
        return sentences
    kept: list[str] = []
    room = RULE_CHARS
    for sentence in reversed(sentences):
        if len(sentence) > room:
            break
        kept.append(sentence)
        room -= len(sentence)
    if not kept:
        tail = sentences[-1][-RULE_CHARS:]
        kept.append(tail.split(" ", 1)[-1] if " " in tail else tail)
    return tuple(reversed(kept))


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

    @cached_property
    def pairs(self) -> list[str]:
        return linear.pairs_of(self.tokens)

    def scores(self, model: linear.Model) -> list[float]:
        """The model's label scores."""
        rules = linear.rule_features(self.prepared, self.verdicts, self.main, self.lang,
                                     self.has_name, len(self.tokens))
        return model.scores_of(self.tokens, self.pairs, rules, linear.char_text(self.tokens))


# A longer message is read as its first and its last TEXT_CHARS characters (cut at spaces, the
# gap a line break): the model's n-grams read the start, the rules the end, and one message's
# time stays bounded however long a transcribed turn gets.
TEXT_CHARS = 250


def text_window(text: str) -> str:
    if len(text) <= 2 * TEXT_CHARS:
        return text
    head, tail = text[:TEXT_CHARS], text[-TEXT_CHARS:]
    return head.rsplit(" ", 1)[0] + "\n" + tail.split(" ", 1)[-1]


def read(text: str, lang: str | None) -> Reading:
    text = text_window(text)
    if lang not in LEXICONS:
        lang = detect_language(text)
    prepared = prepare(text, lang)
    has_name = bool(_NAME.search(text))
    if not prepared.text.strip(" .,!?"):
        return Reading(lang, prepared, [], Verdict(main_act([]).label, "", 0, ""), has_name)
    verdicts = judge_sentences(rule_window(prepared.sentences), LEXICONS[lang], has_name)
    return Reading(lang, prepared, verdicts, main_act(verdicts), has_name)
