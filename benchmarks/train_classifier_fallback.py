"""Train the classifier's fallback model (flows/classifier/fallback.py) and write it to
flows/classifier_data/fallback_nb.json.

Run: .venv/bin/python benchmarks/train_classifier_fallback.py [--check]
Trains multinomial naive Bayes ONLY on the tuning parts of the labelled sets:
  - ../shared/data/contributions_dev.tsv without its held-out part (benchmarks/classifier_quality.py
    held_out_ids), read from $INTERVISION_SHARED_DIR or ../shared/data;
  - tests/unit/classifier_cases/fresh_tune.tsv, independent_tune.tsv, probe2.tsv and (since
    2026-12-02) fourth_tune.tsv.
Never on fresh_check, independent_check, third_check, fourth_check, the dev held-out part or AnnoMI.
Deterministic: rows are sorted by id, counts are exact, log-probabilities are rounded to
integers (x SCALE) and the JSON is written with sorted keys, so two runs give identical bytes.
With --check nothing is written; the exit code says whether the shipped file is up to date.
"""
from __future__ import annotations

import math
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.classifier_quality import FRESH_DIR, held_out_ids, read_rows, shared_data_dir
from benchmarks.model_file import dump, write_or_check
from flows.classifier.fallback import FORMAT, features
from flows.labels import Label

OUT = Path(__file__).resolve().parents[1] / "flows" / "classifier_data" / "fallback_nb.json"
TUNE_CASES = ("fresh_tune.tsv", "independent_tune.tsv", "probe2.tsv", "fourth_tune.tsv")
ALPHA = 0.1  # additive smoothing
MIN_COUNT = 2  # a feature must occur at least this often in the training rows to be kept
SCALE = 1000  # log-probabilities are stored as integers of 1/SCALE


def training_rows() -> list[dict[str, str]]:
    """The tuning parts only, sorted by id (file order cannot change the model)."""
    dev_path = shared_data_dir() / "contributions_dev.tsv"
    if not dev_path.is_file():
        raise SystemExit(f"no labelled data at {dev_path}; set INTERVISION_SHARED_DIR")
    dev = read_rows(dev_path)
    held = held_out_ids(dev)
    rows = [r for r in dev if r["id"] not in held]
    for name in TUNE_CASES:
        path = FRESH_DIR / name
        if path.is_file():
            rows.extend(read_rows(path))
    return sorted(rows, key=lambda r: r["id"])


def train(rows: Iterable[dict[str, str]], alpha: float = ALPHA,
          min_count: int = MIN_COUNT) -> dict[str, object]:
    labels = [label.value for label in Label]
    index = {label: i for i, label in enumerate(labels)}
    docs: Counter[str] = Counter()
    counts: dict[str, list[int]] = defaultdict(lambda: [0] * len(labels))
    for row in rows:
        i = index[row["label"]]
        docs[row["label"]] += 1
        for feat in features(row["text"], row["lang"]):
            counts[feat][i] += 1
    kept = {f: c for f, c in counts.items() if sum(c) >= min_count}
    vocab = len(kept)
    totals = [sum(c[i] for c in kept.values()) for i in range(len(labels))]
    n_docs = sum(docs.values())
    denominators = [t + alpha * vocab for t in totals]

    def q(value: float) -> int:
        return round(value * SCALE)

    unseen = [q(math.log(alpha / d)) for d in denominators]
    weights = {f: [[i, q(math.log((n + alpha) / denominators[i]))] for i, n in enumerate(c) if n]
               for f, c in kept.items()}
    prior = [q(math.log((docs[label] + 1) / (n_docs + len(labels)))) for label in labels]
    return {"format": FORMAT, "labels": labels, "scale": SCALE, "alpha": alpha,
            "min_count": min_count, "trained_on": n_docs, "prior": prior, "unseen": unseen,
            "weights": weights}


def main(argv: Sequence[str]) -> int:
    return write_or_check(OUT, dump(train(training_rows())), argv)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
