"""Cross-validation of the learned model on annomi_dev alone, to choose its settings without
looking at a report-only set.

Run: .venv/bin/python benchmarks/cv_classifier_model.py [NAME=VALUE ...]
e.g. `RULE_CHARS=300 MAX_CHARS=300 TEXT_CHARS=250` (reading.RULE_CHARS, reading.TEXT_CHARS,
linear.MAX_CHARS) or `C=0.5`
(train_classifier_model.C). annomi_dev is cut into FOLDS parts, stratified by label
(round-robin over the rows of each label in id order, so deterministic); each part is
classified by the whole classifier (gate, rules, model) trained on the training rows of
train_classifier_model without that part. Prints compensating F1 and macro-F1 over the six
labels, per fold and pooled. Needs scikit-learn (the `train` extra).
"""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import benchmarks.train_classifier_model as training
from benchmarks.classifier_quality import scores
from flows.classifier import classify, linear, reading

FOLDS = 3
_SETTINGS = {"RULE_CHARS": reading, "TEXT_CHARS": reading, "MAX_CHARS": linear, "C": training,
             "COMPENSATING_THRESHOLD": training, "COMPENSATING_WEIGHT": training}


def folds(ids: list[str], labels: dict[str, str]) -> dict[str, int]:
    by_label: dict[str, list[str]] = defaultdict(list)
    for row_id in sorted(ids):
        by_label[labels[row_id]].append(row_id)
    return {row_id: i % FOLDS for rows in by_label.values() for i, row_id in enumerate(rows)}


def main(argv: list[str]) -> int:
    for arg in argv:
        name, value = arg.split("=", 1)
        setattr(_SETTINGS[name], name, type(getattr(_SETTINGS[name], name))(float(value)))
    sources = training.source_rows()
    rows = training.featurise(sources)
    text_of = {row["id"]: row for row, _ in sources}
    annomi = [row for row in rows if training.is_spoken_source(row)]
    fold_of = folds([row.id for row in annomi], {row.id: row.label for row in annomi})
    gold: list[str] = []
    predicted: list[str] = []
    saved = dict(linear._CACHE)
    try:
        for fold in range(FOLDS):
            train_rows = [row for row in rows if fold_of.get(row.id, -1) != fold]
            linear._CACHE["model"] = linear.model_from_json(training.train(train_rows))
            test = [row for row in annomi if fold_of[row.id] == fold]
            fold_gold = [row.label for row in test]
            fold_pred = [classify(text_of[row.id]["text"], "en").label.value for row in test]
            _, macro, comp = scores(fold_gold, fold_pred, sorted(set(fold_gold)))
            print(f"fold {fold}: {len(test)} turns, compensating F1 {comp:.3f}, macro-F1 {macro:.3f}")
            gold += fold_gold
            predicted += fold_pred
    finally:
        linear._CACHE.clear()
        linear._CACHE.update(saved)
    per, macro, comp = scores(gold, predicted, sorted(set(gold)))
    print(f"pooled ({' '.join(argv) or 'shipped settings'}): compensating F1 {comp:.3f}, "
          f"macro-F1 {macro:.3f}; " + ", ".join(f"{k} {v[2]:.3f}" for k, v in per.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
