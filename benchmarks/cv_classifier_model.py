"""Cross-validation of the learned model on annomi_dev alone, to choose its settings without
looking at a report-only set.

Run: .venv/bin/python benchmarks/cv_classifier_model.py [--chat] [NAME=VALUE ...]
e.g. `RULE_CHARS=300 MAX_CHARS=300 TEXT_CHARS=250` (reading.RULE_CHARS, reading.TEXT_CHARS,
linear.MAX_CHARS), `C=0.5` or `GATE_THRESHOLD=0` (train_classifier_model's settings);
FOLDS=10 in the environment for ten parts. annomi_dev is cut into FOLDS parts, stratified by label
(round-robin over the rows of each label in id order, so deterministic); each part is
classified by the whole classifier (gate, rules, model) trained on the training rows of
train_classifier_model without that part. Prints compensating F1 and macro-F1 over the six
labels, per fold and pooled. Needs scikit-learn (the `train` extra).

With --chat it checks teacher chat instead: each chat writer's tune set (fresh, independent,
fourth, fifth) is left out of training in turn and classified; it prints how many of those
messages pass the gate and how many the model labels differently from the rules alone, and
which way (the rules were written on these sets, so a change there is mostly a loss); SHOW=1
in the environment prints each changed message.
"""
from __future__ import annotations

import os
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import benchmarks.train_classifier_model as training
from benchmarks.classifier_quality import scores
from flows.classifier import _rules_only, classify, linear, reading

FOLDS = int(os.environ.get("FOLDS", "3"))
_SETTINGS = {"RULE_CHARS": reading, "TEXT_CHARS": reading, "MAX_CHARS": linear, "C": training,
             "COMPENSATING_THRESHOLD": training, "COMPENSATING_WEIGHT": training,
             "GATE_THRESHOLD": training, "GATE_C": training,
             "CHAT_WEIGHT": training, "MIN_COUNT": training}
# The chat writers whose tune sets are left out in turn (--chat), by the prefix of their ids.
CHAT_WRITERS = ("fresh", "ind", "fourth", "fifth")


def folds(ids: list[str], labels: dict[str, str]) -> dict[str, int]:
    by_label: dict[str, list[str]] = defaultdict(list)
    for row_id in sorted(ids):
        by_label[labels[row_id]].append(row_id)
    return {row_id: i % FOLDS for rows in by_label.values() for i, row_id in enumerate(rows)}


def model_of(rows: list[training.Row]) -> linear.Model:
    # training.C passed on: train's default was bound when it was defined, so a C=... setting
    # left to the default was silently not applied (before 2026-12-06).
    return linear.model_from_json(training.train(rows, training.C))


def chat(rows: list[training.Row], text_of: dict[str, dict[str, str]]) -> None:
    """Leave one chat writer out, for each writer: the gate's passes and the model's changes."""
    passed = changed = total = better = worse = 0
    for writer in CHAT_WRITERS:
        model = model_of([row for row in rows if not row.id.startswith(writer + "-")])
        linear._CACHE["model"] = model
        for row in rows:
            if not row.id.startswith(writer + "-"):
                continue
            source = text_of[row.id]
            read = reading.read(source["text"], source.get("lang") or None)
            if read.empty:
                continue
            total += 1
            if model.is_spoken(read.tokens, read.pairs):
                passed += 1
                got = classify(source["text"], source.get("lang") or None).label
                rules = _rules_only(read, source["text"]).label
                changed += got is not rules
                better += got is not rules and got.value == row.label
                worse += got is not rules and rules.value == row.label
                if got is not rules and os.environ.get("SHOW"):
                    print(f"{row.id}\t{row.label}\trules {rules.value}\tmodel {got.value}\t"
                          f"{source['text']}")
    print(f"chat, one writer left out at a time: {total} messages, {passed} pass the gate, "
          f"{changed} labelled otherwise than by the rules alone ({better} of them wrong -> "
          f"right, {worse} right -> wrong)")


def main(argv: list[str]) -> int:
    for arg in argv:
        if arg == "--chat":
            continue
        name, value = arg.split("=", 1)
        setattr(_SETTINGS[name], name, type(getattr(_SETTINGS[name], name))(float(value)))
    sources = training.source_rows()
    rows = training.featurise(sources)
    text_of = {row["id"]: row for row, _ in sources}
    if "--chat" in argv:
        saved = dict(linear._CACHE)
        try:
            chat(rows, text_of)
        finally:
            linear._CACHE.clear()
            linear._CACHE.update(saved)
        return 0
    annomi = [row for row in rows if training.is_spoken_source(row)]
    fold_of = folds([row.id for row in annomi], {row.id: row.label for row in annomi})
    gold: list[str] = []
    predicted: list[str] = []
    saved = dict(linear._CACHE)
    try:
        for fold in range(FOLDS):
            train_rows = [row for row in rows if fold_of.get(row.id, -1) != fold]
            linear._CACHE["model"] = model_of(train_rows)
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
