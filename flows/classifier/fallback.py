"""A small learned fallback for messages in which the cue rules find no strong cue.

The model is multinomial naive Bayes over word unigrams and bigrams and character 3-5-grams of
the normalised message (lower case, time stamps as "<ts>", names and numbers masked, chat
spellings written out); the n-grams only of its first linear.MAX_CHARS characters, as the
linear model reads them, so a long spoken turn's cost stays bounded. It is trained by
`benchmarks/train_classifier_fallback.py` only on the tuning parts of the labelled sets and
written, with sorted keys, to `flows/classifier_data/fallback_nb.json`; this module loads it
lazily, once. Without the file the classifier behaves as the rules alone (`scores` returns
None).

Pure Python, deterministic: the same text always gets the same scores.
"""
from __future__ import annotations

import itertools
import json
import math
import re
from dataclasses import dataclass
from importlib import resources

from flows.classifier.linear import char_slices, char_text, pack, unpack
from flows.classifier.text import Prepared, prepare

MODEL_RESOURCE = "classifier_data/fallback_nb.json"
FORMAT = "intervision-fallback-nb/1"

# A capitalised word that does not start a sentence is usually a name ("loopt Roos weg").
_NAME = re.compile(r"(?<=[\w,;:] )(?!I\b)[A-ZÀ-Ý][a-zà-ÿ]+")
_DIGITS = re.compile(r"\d+")
_TOKEN = re.compile(r"<ts>|[a-zà-ÿ0-9']+|[?!]")
_ZEROS = itertools.repeat(0)


def features(text: str, lang: str) -> list[str]:
    """The features of one message (with repeats: counts matter to naive Bayes)."""
    masked = _NAME.sub("Qname", text)
    norm = _DIGITS.sub("0", prepare(masked, lang).text)
    tokens = _TOKEN.findall(norm)
    feats = [f"w:{t}" for t in tokens]
    padded = ["^", *tokens, "$"]
    feats.extend(f"b:{a} {b}" for a, b in itertools.pairwise(padded))
    chars = char_text(tokens)
    for n in (3, 4, 5):
        feats.extend(f"c:{chars[i:i + n]}" for i in range(len(chars) - n + 1))
    if "?" not in norm and "?" in text:
        feats.append("w:?")
    return feats


@dataclass(frozen=True)
class Model:
    labels: tuple[str, ...]
    prior: tuple[float, ...]  # log P(label)
    unseen: tuple[float, ...]  # log P(feature | label) of a feature never seen with the label
    weights: dict[str, tuple[float, ...]]  # log P(feature | label), per label
    # The same as integers of 1/scale packed one per row (`linear.pack`), for `scores_of`:
    scale: float
    packed_prior: int
    packed: dict[str, int]
    packed_chars: dict[str, int]  # "c:" features, keyed without the "c:"

    def scores(self, feats: list[str]) -> dict[str, float]:
        """Log-probabilities up to a constant, per label; unknown features are ignored."""
        get = self.weights.get
        rows = [row for row in map(get, feats) if row is not None]
        rows.append(self.prior)
        return dict(zip(self.labels, map(sum, zip(*rows))))

    def scores_of(self, text: str, lang: str, prepared: Prepared | None = None) -> dict[str, float]:
        """`scores(features(text, lang))` but fast: no feature string per character n-gram,
        `prepared` (`prepare(text, lang)`) reused when the text names nobody (then the masked
        text is the text), and every row summed as one packed integer of 1/scale units
        (`linear.pack`), exact, in C (the float sums of `scores` agree to about 1e-12)."""
        masked = _NAME.sub("Qname", text)
        if prepared is None or masked != text:
            prepared = prepare(masked, lang)
        norm = _DIGITS.sub("0", prepared.text)
        tokens = _TOKEN.findall(norm)
        get = self.packed.get
        pairs = map(" ".join, itertools.pairwise(["^", *tokens, "$"]))
        chars = char_text(tokens)
        grams = map(chars.__getitem__, char_slices(len(chars)))
        total = (self.packed_prior + sum(map(get, map("w:".__add__, tokens), _ZEROS))
                 + sum(map(get, map("b:".__add__, pairs), _ZEROS))
                 + sum(map(self.packed_chars.get, grams, _ZEROS)))
        if "?" not in norm and "?" in text:
            total += get("w:?", 0)
        return dict(zip(self.labels, (lane / self.scale
                                      for lane in unpack(total, len(self.labels)))))


def model_from_json(data: dict[str, object]) -> Model:
    if data.get("format") != FORMAT:
        raise ValueError(f"not a {FORMAT} model")
    labels = tuple(str(x) for x in data["labels"])  # type: ignore[attr-defined]
    scale = float(data["scale"])  # type: ignore[arg-type]
    unseen = tuple(float(x) / scale for x in data["unseen"])  # type: ignore[attr-defined]
    prior = tuple(float(x) / scale for x in data["prior"])  # type: ignore[attr-defined]
    weights: dict[str, tuple[float, ...]] = {}
    packed: dict[str, int] = {}
    unseen_ints = [int(x) for x in data["unseen"]]  # type: ignore[attr-defined]
    for feat, sparse in data["weights"].items():  # type: ignore[attr-defined]
        ints = list(unseen_ints)
        for index, value in sparse:
            ints[index] = value
        weights[feat] = tuple(value / scale for value in ints)
        packed[feat] = pack(ints)
    chars = {feat[2:]: row for feat, row in packed.items() if feat[:2] == "c:"}
    packed_prior = pack([int(x) for x in data["prior"]])  # type: ignore[attr-defined]
    return Model(labels, prior, unseen, weights, scale, packed_prior, packed, chars)


_CACHE: dict[str, Model | None] = {}


def load_model() -> Model | None:
    """The shipped model, read once; None when the file is missing or unreadable."""
    if "model" not in _CACHE:
        try:
            raw = resources.files("flows").joinpath(MODEL_RESOURCE).read_text(encoding="utf-8")
            _CACHE["model"] = model_from_json(json.loads(raw))
        except (OSError, ValueError, KeyError, TypeError):
            _CACHE["model"] = None
    return _CACHE["model"]


def scores(text: str, lang: str, prepared: Prepared | None = None) -> dict[str, float] | None:
    """Per-label log-scores of the fallback model for `text`, or None without a model;
    `prepared`, if given, is `prepare(text, lang)`."""
    model = load_model()
    if model is None:
        return None
    return model.scores_of(text, lang, prepared)


def best_of(score: dict[str, float], allowed: frozenset[str] | None = None) -> str:
    """The highest-scoring label (among `allowed`); ties go to the label listed first."""
    items = [(label, value) for label, value in score.items()
             if allowed is None or label in allowed]
    best = max(items, key=lambda item: item[1])
    return best[0]


def margin(score: dict[str, float]) -> float:
    """How much the best label leads the runner-up (in log-probability)."""
    top = sorted(score.values(), reverse=True)
    return top[0] - top[1] if len(top) > 1 else math.inf
