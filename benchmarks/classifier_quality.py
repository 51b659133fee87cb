"""How well the contribution classifier labels messages it was not written for.

Run: .venv/bin/python benchmarks/classifier_quality.py
Prints per-label precision/recall/F1, macro-F1 and the F1 of "compensating" (tip, opinion,
information) against the rest, for the rules alone (with their naive Bayes fallback, as before
issue 17) and for the whole classifier (rules and the learned linear model), side by side, on:
  (a) ../shared/data/contributions_dev.tsv, all of it;
  (b) its tuning part, the part the cue rules were written and checked against;
  (c) its held-out part (~30%, stratified by label and language, chosen by a hash of the id),
      never looked at while tuning: the figure that shows whether the rules generalise;
  (d) annomi/annomi_dev.tsv (real English counselling, free to develop on);
  (e) annomi/annomi_heldout.tsv (report only, never tuned on);
  (f) tests/unit/classifier_cases/fresh_tune.tsv, messages written from the README
      definitions before the second round of rules (used to find general gaps);
  (g) tests/unit/classifier_cases/fresh_check.tsv, the other half (measured, never tuned on);
  (h) independent_tune.tsv, a second writer's messages (540 in independent.tsv, split per label
      and language by a salted hash of the id), read to find general gaps;
  (i) independent_check.tsv, the other half of that set (measured, never tuned on);
  (j) third_check.tsv, 360 messages by a third writer (report only: never tuned on, its errors
      never read);
  (k) fourth_tune.tsv, 216 messages by a fourth writer, read to find errors at the hard
      boundaries (opinion vs observation/reflection/affirmation, tip vs question, ...);
  (l) fourth_check.tsv, the other 216 of that writer (report only: its errors never read).
  (m) fifth_tune.tsv, 180 messages by a fifth writer, read to find errors (chat, praise, verdicts).
  (n) fifth_check.tsv, the other 180 of that writer (report only: its errors never read).
  (o) spoken_tune.tsv, 216 transcribed voice notes by a sixth writer (primary school), read to
      find gaps in how spoken teacher talk is read.
  (p) spoken_check.tsv, 216 transcribed voice notes by a seventh writer (secondary school),
      report only: its errors never read.
  (q) spoken2_check.tsv, 216 transcribed voice notes by an eighth writer (vocational and special
      needs education; 12 Dutch and 12 English per label), written after the spoken rules were,
      report only: its errors never read.
The data is read from $INTERVISION_SHARED_DIR (the shared folder or its data/ folder) or from
../shared/data beside the project; it is never copied into the repository.
"""
from __future__ import annotations

import csv
import hashlib
import os
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flows.classifier import classify, linear
from flows.labels import COMPENSATING, Label

HELD_OUT_SHARE = 0.3
FRESH_DIR = Path(__file__).resolve().parents[1] / "tests" / "unit" / "classifier_cases"
_SALT = "intervision-heldout:"


def shared_data_dir() -> Path:
    """Where the labelled data lives: $INTERVISION_SHARED_DIR or ../shared/data."""
    env = os.environ.get("INTERVISION_SHARED_DIR")
    if env:
        base = Path(env)
        return base / "data" if (base / "data").is_dir() else base
    return Path(__file__).resolve().parents[1] / ".." / "shared" / "data"


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def held_out_ids(rows: Iterable[dict[str, str]]) -> set[str]:
    """The held-out part: in every (label, language) stratum, the 30% of ids whose salted
    hash sorts first. Deterministic, and independent of row order."""
    strata: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in rows:
        strata[(row["label"], row["lang"])].append(row["id"])
    chosen: set[str] = set()
    for ids in strata.values():
        ids.sort(key=lambda i: hashlib.sha256((_SALT + i).encode()).hexdigest())
        chosen.update(ids[: round(HELD_OUT_SHARE * len(ids))])
    return chosen


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def scores(gold: Sequence[str], predicted: Sequence[str],
           labels: Sequence[str]) -> tuple[dict[str, tuple[float, float, float, int]], float, float]:
    """Per label (precision, recall, F1, support), macro-F1 over `labels`, compensating F1."""
    pairs = Counter(zip(gold, predicted))
    per: dict[str, tuple[float, float, float, int]] = {}
    for label in labels:
        tp = pairs[(label, label)]
        fp = sum(n for (g, p), n in pairs.items() if p == label and g != label)
        fn = sum(n for (g, p), n in pairs.items() if g == label and p != label)
        per[label] = (*_prf(tp, fp, fn), tp + fn)
    comp = {label.value for label in COMPENSATING}
    tp = sum(n for (g, p), n in pairs.items() if g in comp and p in comp)
    fp = sum(n for (g, p), n in pairs.items() if g not in comp and p in comp)
    fn = sum(n for (g, p), n in pairs.items() if g in comp and p not in comp)
    macro = sum(v[2] for v in per.values()) / len(per)
    return per, macro, _prf(tp, fp, fn)[2]


def predict(rows: Sequence[dict[str, str]], combined: bool = True) -> list[str]:
    """Labels of `rows`: the whole classifier, or (combined=False) the rules with their naive
    Bayes fallback alone, as before the learned linear model (issue 17)."""
    saved = dict(linear._CACHE)
    if not combined:
        linear._CACHE["model"] = None
    try:
        return [classify(row["text"], row.get("lang") or None).label.value for row in rows]
    finally:
        linear._CACHE.clear()
        linear._CACHE.update(saved)


SUMMARY: list[tuple[str, int, float, float, float, float]] = []


def report(title: str, rows: Sequence[dict[str, str]], all_labels: bool = True) -> tuple[float, float]:
    """Per-label figures of the rules alone and of rules plus model, side by side; returns the
    combined classifier's macro-F1 and compensating F1."""
    gold = [row["label"] for row in rows]
    labels = [label.value for label in Label] if all_labels else [
        label.value for label in Label if label.value in set(gold)]
    before, after = predict(rows, combined=False), predict(rows)
    per_b, macro_b, comp_b = scores(gold, before, labels)
    per_a, macro_a, comp_a = scores(gold, after, labels)
    print(f"\n### {title} ({len(rows)} messages)\n")
    print("| label | P rules | R rules | F1 rules | P combined | R combined | F1 combined | n |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for label in labels:
        pb, rb, fb, support = per_b[label]
        pa, ra, fa, _ = per_a[label]
        print(f"| {label} | {pb:.3f} | {rb:.3f} | {fb:.3f} | {pa:.3f} | {ra:.3f} | {fa:.3f} "
              f"| {support} |")
    scope = "nine labels" if all_labels else f"the {len(labels)} labels present"
    accuracy = sum(g == p for g, p in zip(gold, after)) / len(gold)
    print(f"\nmacro-F1 over {scope}: rules {macro_b:.3f} -> **{macro_a:.3f}** · compensating-vs-rest "
          f"F1: rules {comp_b:.3f} -> **{comp_a:.3f}** · accuracy (combined): {accuracy:.3f}")
    SUMMARY.append((title, len(rows), macro_b, comp_b, macro_a, comp_a))
    return macro_a, comp_a


def main() -> int:
    data = shared_data_dir()
    dev_path = data / "contributions_dev.tsv"
    if not dev_path.is_file():
        print(f"no labelled data at {dev_path}; set INTERVISION_SHARED_DIR", file=sys.stderr)
        return 2
    dev = read_rows(dev_path)
    held = held_out_ids(dev)
    report("(a) contributions_dev.tsv, all", dev)
    report("(b) contributions_dev.tsv, tuning part", [r for r in dev if r["id"] not in held])
    report("(c) contributions_dev.tsv, own held-out part", [r for r in dev if r["id"] in held])
    for name, title in (("annomi_dev.tsv", "(d) AnnoMI dev"),
                        ("annomi_heldout.tsv", "(e) AnnoMI held-out (report only)")):
        path = data / "annomi" / name
        if path.is_file():
            report(title, read_rows(path), all_labels=False)
    for name, title in (("fresh_tune.tsv", "(f) fresh_tune (own messages, gap finding)"),
                        ("fresh_check.tsv", "(g) fresh_check (own messages, never tuned on)"),
                        ("independent_tune.tsv", "(h) independent_tune (second writer, gap finding)"),
                        ("independent_check.tsv", "(i) independent_check (second writer, never tuned on)"),
                        ("third_check.tsv", "(j) third_check (third writer, report only)"),
                        ("fourth_tune.tsv", "(k) fourth_tune (fourth writer, gap finding)"),
                        ("fourth_check.tsv", "(l) fourth_check (fourth writer, report only)"),
                        ("fifth_tune.tsv", "(m) fifth_tune (fifth writer, gap finding)"),
                        ("fifth_check.tsv", "(n) fifth_check (fifth writer, report only)"),
                        ("spoken_tune.tsv", "(o) spoken_tune (voice notes, sixth writer, gap finding)"),
                        ("spoken_check.tsv", "(p) spoken_check (voice notes, seventh writer, report only)"),
                        ("spoken2_check.tsv", "(q) spoken2_check (voice notes, eighth writer, report only)")):
        path = FRESH_DIR / name
        if path.is_file():
            report(title, read_rows(path))
    print("\n### All sets: rules alone -> rules and model\n")
    print("| set | messages | macro-F1 rules | comp. F1 rules | macro-F1 combined | comp. F1 combined |")
    print("|---|---:|---:|---:|---:|---:|")
    for title, size, macro_b, comp_b, macro_a, comp_a in SUMMARY:
        print(f"| {title} | {size} | {macro_b:.3f} | {comp_b:.3f} | **{macro_a:.3f}** | **{comp_a:.3f}** |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
