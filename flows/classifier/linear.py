"""The learned half of the classifier: a linear model (multinomial logistic regression) that
reads the words and character n-grams of a message together with what the cue rules found
(which rule fired for the main act and for every sentence, the label and weight it offered, the
cue, question form, a time stamp, the language, and whether the text looks spoken).

On teacher chat the rules are right most of the time and the model learns to follow them; on
spoken, counselling-like talk, where the rules miss, the n-grams carry it. The rules stay the
explanation: `decide` keeps the rule cue when the model agrees with a rule, else names the
strongest word or word pair that pushed the model to its label.

Trained by `benchmarks/train_classifier_model.py` (scikit-learn, training only) and shipped as
`flows/classifier_data/linear_model.json`; read lazily, once. Inference is pure Python: a sum
of the weight rows of the features present. A row (one integer weight of 1/scale per label) is
stored and summed as one packed integer, LANE_BITS bits a label (`pack`), so one message's
scores are a single `sum()` over the rows found, exact and in C; `unpack` splits the total.
"""
from __future__ import annotations

import functools
import itertools
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources

from flows.classifier.lexicon import word_set
from flows.classifier.rules import Verdict
from flows.classifier.text import Prepared
from flows.labels import COMPENSATING

_COMPENSATING = frozenset(label.value for label in COMPENSATING)

MODEL_RESOURCE = "classifier_data/linear_model.json"
FORMAT = "intervision-linear/2"
# Bits per label in a packed row: a lane holds a signed sum up to 2**31 in 1/scale units, about
# two million features of the largest weight, far more than any message has.
LANE_BITS = 32
_LANE_MASK = (1 << LANE_BITS) - 1
_LANE_SIGN = 1 << (LANE_BITS - 1)

_DIGITS = re.compile(r"\d+")
_TOKEN = re.compile(r"<ts>|[a-zà-ÿ0-9']+|[?!]")
_LENGTHS = (3, 8, 16, 32, 64)
_ZEROS = itertools.repeat(0)  # map(dict.get, keys, _ZEROS): a missing key counts 0
MAX_CHARS = 200
# Words that weigh in the model but explain nothing when quoted back in a nudge.
_NOT_A_CUE = word_set("""^ $ <ts> ? ! 0 well okay ok so yeah yes right and but or the a an that it
    you i is to of in mm ja nee en maar of de het een dat je ik is te van in""")
# Quoted alone, a function word says nothing ("we" sounds like a tip?): a cue needs at least one
# other word; without one the nudge quotes the message's start instead.
_FUNCTION = _NOT_A_CUE | word_set("""me my mine your yours he him his she her its we us our they
    them their this these those there here who what which when where why how if as because than
    then on at by for with from about into over under after before up down out off are was were
    be been being am do does did have has had having can could will would shall should may might
    must get got not no oh hmm um uh just really very more most some any all every each one also
    too like i'm you're it's that's there's they're we're we'll i'll you'll don't can't won't
    what's let's mij mijn jij jou jouw u uw hij hem zijn zij ze haar wij ons onze jullie hun
    die deze dit daar hier wie wat welke wanneer waar waarom hoe dus als omdat dan aan bij voor
    met uit over naar door om tot na was waren ben bent heb hebt heeft had hadden kan kun kunt kon
    zou zouden wil wilt moet moeten mag gaat ga doe doet deed niet geen nou oké wel ook nog al
    even meer echt heel zo er""")


def pack(row: Sequence[int]) -> int:
    """One integer for a row of integer weights: the sum of weight << (LANE_BITS * label)."""
    return sum(weight << (LANE_BITS * index) for index, weight in enumerate(row))


@functools.cache
def _offset(size: int) -> int:
    """Added to a packed sum of `size` lanes, it makes every lane non-negative (no borrows)."""
    return sum(_LANE_SIGN << (LANE_BITS * index) for index in range(size))


def unpack(packed: int, size: int) -> list[int]:
    """The `size` signed lanes of a packed row (or of a sum of packed rows)."""
    shifted = packed + _offset(size)
    return [((shifted >> (LANE_BITS * index)) & _LANE_MASK) - _LANE_SIGN
            for index in range(size)]


def _length_bucket(n_words: int) -> int:
    return next((i for i, limit in enumerate(_LENGTHS) if n_words <= limit), len(_LENGTHS))


def tokens_of(prepared: Prepared) -> list[str]:
    return _TOKEN.findall(_DIGITS.sub("0", prepared.text))


def pairs_of(tokens: Sequence[str]) -> list[str]:
    """The word pairs of a message, with "^" and "$" for its start and end ("^ so", "so you")."""
    return list(map(" ".join, itertools.pairwise(["^", *tokens, "$"])))


def word_features(tokens: Sequence[str]) -> list[str]:
    """Words and word pairs (with the start and end of the message): all the gate reads."""
    feats = ["w:" + t for t in tokens]
    feats.extend(f"b:{a} {b}" for a, b in itertools.pairwise(["^", *tokens, "$"]))
    return feats


def char_text(tokens: Sequence[str]) -> str:
    """The text whose character 3-5-grams the model reads (time stamps left out; a long turn
    only up to MAX_CHARS, which bounds the time one message takes)."""
    return (" " + " ".join(t for t in tokens if t != "<ts>"))[:MAX_CHARS] + " "


_SLICES: dict[int, tuple[slice, ...]] = {}


def char_slices(size: int) -> tuple[slice, ...]:
    """The slices of every character 3-, 4- and 5-gram of a text of `size` characters."""
    found = _SLICES.get(size)
    if found is None:
        found = _SLICES[size] = tuple(slice(i, i + n) for n in (3, 4, 5)
                                      for i in range(size - n + 1))
    return found


def char_grams(chars: str) -> set[str]:
    """Every character 3-, 4- and 5-gram of `chars` (sliced in C from cached slices)."""
    return set(map(chars.__getitem__, char_slices(len(chars))))


def rule_features(prepared: Prepared, verdicts: Sequence[Verdict], main: Verdict, lang: str,
                  has_name: bool, n_tokens: int) -> list[str]:
    """What the rules found. Given twice, once marked with the text's style ("|sp" spoken,
    "|chat"), so the model can learn how far to trust the rules on speech and on chat."""
    label = main.label.value
    rules = [f"r:{label}", f"r:{label}@{main.weight:g}", f"r:cue:{label}:{main.cue}",
             f"n:{len(verdicts)}", f"len:{_length_bucket(n_tokens)}"]
    rules.extend({f"s:{v.label.value}@{v.weight:g}" for v in verdicts})
    if main.question:
        rules.append("q:main")
    if any(v.question for v in verdicts):
        rules.append("q:any")
    if verdicts and verdicts[-1].question:
        rules.append("q:last")
    if prepared.timestamps:
        rules.append("ts")
    if has_name:
        rules.append("name")
    style = "|sp" if prepared.spoken else "|chat"
    rules.extend([f + style for f in rules])
    rules.append("lang:" + lang)
    rules.append("style" + style)
    return rules


def features(prepared: Prepared, verdicts: Sequence[Verdict], main: Verdict, lang: str,
             has_name: bool) -> list[str]:
    """Everything the model reads of one message, as training sees it: words and word pairs,
    character n-grams ("c:" ...) and the rule cues."""
    tokens = tokens_of(prepared)
    feats = word_features(tokens)
    feats.extend("c:" + gram for gram in sorted(char_grams(char_text(tokens))))
    feats.extend(rule_features(prepared, verdicts, main, lang, has_name, len(tokens)))
    return feats


@dataclass(frozen=True)
class Model:
    labels: tuple[str, ...]
    scale: float  # weights are integers of 1/scale
    bias: int  # packed (see `pack`), one lane per label
    weights: dict[str, int]  # per feature, its packed row
    char_weights: dict[str, int]  # the same for character n-grams (keyed without "c:")
    # The gate: a logistic score over words and word pairs, in 1/scale units, above 0 for talk
    # like the spoken counselling turns the model was trained on, below 0 for teacher chat.
    spoken_bias: int
    spoken_words: dict[str, int]  # "w:" features, keyed by the bare word
    spoken_pairs: dict[str, int]  # "b:" features, keyed by "word word"
    # A compensating label wins when the three together are more likely than this.
    compensating_threshold: float
    word_weights: dict[str, int]  # the "w:" rows of `weights`, keyed by the bare word
    pair_weights: dict[str, int]  # the "b:" rows, keyed by "word word"
    _cues: dict[str, tuple[dict[str, int], dict[str, str]]] = field(
        default_factory=dict, compare=False, repr=False)  # see `cues`, filled lazily

    def is_spoken(self, tokens: Sequence[str], pairs: Sequence[str] | None = None) -> bool:
        """Whether the message (its `tokens_of`) reads like spoken counselling-style talk (the
        learned model decides those) rather than teacher chat (the rules decide, as they were
        written for). Runs on every message, so it builds no feature strings for single words
        and sums integers in C. `pairs` is `pairs_of(tokens)` if already made."""
        if pairs is None:
            pairs = pairs_of(tokens)
        return (self.spoken_bias + sum(map(self.spoken_words.get, tokens, _ZEROS))
                + sum(map(self.spoken_pairs.get, pairs, _ZEROS))) > 0

    def scores(self, feats: Sequence[str], chars: str | None = None) -> list[float]:
        """The score of every label (in `labels` order) of the features present (each counts
        once; unknown ones count nothing), plus the character n-grams of `chars` if given."""
        grams = char_grams(chars) if chars is not None else {
            f[2:] for f in feats if f[:2] == "c:"}
        # One packed integer per row: the whole sum is two C loops, the hot path on long turns.
        total = (self.bias + sum(map(self.weights.get, set(feats), _ZEROS))
                 + sum(map(self.char_weights.get, grams, _ZEROS)))
        return [lane / self.scale for lane in unpack(total, len(self.labels))]

    def scores_of(self, tokens: Sequence[str], pairs: Sequence[str], rules: Sequence[str],
                  chars: str) -> list[float]:
        """`scores(word_features(tokens) + rules, chars)` without building "w:" and "b:"
        strings: the word and pair rows are looked up by the bare word and "word word"."""
        total = (self.bias + sum(map(self.word_weights.get, set(tokens), _ZEROS))
                 + sum(map(self.pair_weights.get, set(pairs), _ZEROS))
                 + sum(map(self.weights.get, set(rules), _ZEROS))
                 + sum(map(self.char_weights.get, char_grams(chars), _ZEROS)))
        return [lane / self.scale for lane in unpack(total, len(self.labels))]

    def best(self, scores: Sequence[float]) -> str:
        """The best compensating label if together they are likely enough, else the best of
        the rest: the nudge is about compensating talk, which is rare in speech."""
        top = max(scores)
        odds = [math.exp(s - top) for s in scores]
        compensating = sum(odds[i] for i in self._compensating) / sum(odds)
        pool = self._compensating if compensating > self.compensating_threshold else self._rest
        return self.labels[max(pool, key=scores.__getitem__)]

    @property
    def _compensating(self) -> list[int]:
        return [i for i, label in enumerate(self.labels) if label in _COMPENSATING]

    @property
    def _rest(self) -> list[int]:
        return [i for i, label in enumerate(self.labels) if label not in _COMPENSATING]

    def strongest_words(self, tokens: Sequence[str], pairs: Sequence[str], label: str) -> str:
        """The word or word pair present (of `tokens_of` and `pairs_of`) that adds most to
        `label`, as text ("" if none): the first of the heaviest that is more than a filler or
        function word. One C-level lookup a word against `cues`' table of the label."""
        weights, texts = self.cues(label)
        keys = [*dict.fromkeys(tokens), *dict.fromkeys(pairs)]
        found = list(map(weights.get, keys, _ZEROS))
        top = max(found, default=0)
        return texts[keys[found.index(top)]] if top > 0 else ""

    def cues(self, label: str) -> tuple[dict[str, int], dict[str, str]]:
        """Of every word and word pair that weighs for `label` and can be quoted (more than
        fillers and function words): its weight, and its text as a cue. Made once a label."""
        found = self._cues.get(label)
        if found is None:
            shift, offset = LANE_BITS * self.labels.index(label), _offset(len(self.labels))
            weights: dict[str, int] = {}
            texts: dict[str, str] = {}
            for key, packed in itertools.chain(self.word_weights.items(),
                                               self.pair_weights.items()):
                weight = (((packed + offset) >> shift) & _LANE_MASK) - _LANE_SIGN
                words = " ".join(w for w in key.split(" ") if w not in _NOT_A_CUE)
                if weight > 0 and not _FUNCTION.issuperset(words.split()):
                    weights[key], texts[key] = weight, words
            found = self._cues[label] = (weights, texts)
        return found


def model_from_json(data: dict[str, object]) -> Model:
    """The model of a `linear_model.json`: rows as hexadecimal packed integers (`pack`)."""
    if data.get("format") != FORMAT or data.get("lane_bits") != LANE_BITS:
        raise ValueError(f"not a {FORMAT} model with {LANE_BITS}-bit lanes")
    labels = tuple(str(x) for x in data["labels"])  # type: ignore[attr-defined]
    scale = float(data["scale"])  # type: ignore[arg-type]
    bias = pack([int(x) for x in data["bias"]])  # type: ignore[attr-defined]
    rows: dict[str, str] = data["weights"]  # type: ignore[assignment]
    weights = {feat: int(row, 16) for feat, row in rows.items() if feat[:2] != "c:"}
    char_weights = {feat[2:]: int(row, 16) for feat, row in rows.items() if feat[:2] == "c:"}
    spoken = data["spoken"]
    spoken_bias = int(spoken["bias"])  # type: ignore[index]
    gate: dict[str, int] = spoken["weights"]  # type: ignore[index]
    spoken_words = {f[2:]: int(w) for f, w in gate.items() if f.startswith("w:")}
    spoken_pairs = {f[2:]: int(w) for f, w in gate.items() if f.startswith("b:")}
    threshold = float(data["compensating_threshold"])  # type: ignore[arg-type]
    return Model(labels, scale, bias, weights, char_weights, spoken_bias, spoken_words,
                 spoken_pairs, threshold,
                 {f[2:]: row for f, row in weights.items() if f[:2] == "w:"},
                 {f[2:]: row for f, row in weights.items() if f[:2] == "b:"})


_CACHE: dict[str, Model | None] = {}


def load_model() -> Model | None:
    """The shipped model, read once; None when the file is missing or unreadable (then the
    classifier is the rules with their naive Bayes fallback)."""
    if "model" not in _CACHE:
        try:
            raw = resources.files("flows").joinpath(MODEL_RESOURCE).read_text(encoding="utf-8")
            _CACHE["model"] = model_from_json(json.loads(raw))
        except (OSError, ValueError, KeyError, TypeError):
            _CACHE["model"] = None
    return _CACHE["model"]
