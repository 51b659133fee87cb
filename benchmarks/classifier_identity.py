"""Whether a change to the classifier changed any output: dumps classify()'s label, cue and
rephrasing for every text of the labelled sets, so a speed change can be checked to move
nothing (compare two dumps byte for byte). Used only to check identity, never to tune.

Run: .venv/bin/python benchmarks/classifier_identity.py OUT.tsv [BASELINE.tsv]
Writes OUT.tsv (one row a text and way of calling: with its language, and with the language
left to detection; plus the speed benchmark's perturbed rows); with BASELINE.tsv, prints the
rows that differ and exits 1 if any do.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.classifier_quality import FRESH_DIR, read_rows, shared_data_dir
from benchmarks.classifier_speed import build_file
from flows.classifier import classify

PERTURBED_ROWS = 12_000


def _sources() -> list[Path]:
    data = shared_data_dir()
    return [data / "contributions_dev.tsv", data / "annomi" / "annomi_dev.tsv",
            data / "annomi" / "annomi_heldout.tsv", *sorted(FRESH_DIR.glob("*.tsv"))]


def dump() -> list[str]:
    lines = []
    for path in _sources():
        for row in read_rows(path):
            for lang in (row["lang"], None):
                got = classify(row["text"], lang)
                lines.append("\t".join([path.name, row["id"], str(lang), got.label.value,
                                        repr(got.cue), repr(got.rephrasing)]))
    with tempfile.TemporaryDirectory() as directory:
        for row in read_rows(Path(build_file(directory, PERTURBED_ROWS))):
            got = classify(row["text"], row["lang"] or None)
            lines.append("\t".join(["perturbed", row["id"], row["lang"], got.label.value,
                                    repr(got.cue), repr(got.rephrasing)]))
    return lines


def main() -> int:
    lines = dump()
    Path(sys.argv[1]).write_text("\n".join(lines) + "\n", encoding="utf-8")
    if len(sys.argv) < 3:
        print(f"{len(lines):,} outputs written")
        return 0
    baseline = Path(sys.argv[2]).read_text(encoding="utf-8").splitlines()
    differ = [(a, b) for a, b in zip(baseline, lines, strict=False) if a != b]
    for before, after in differ[:20]:
        print(f"- {before}\n+ {after}")
    same = not differ and len(baseline) == len(lines)
    print(f"{len(lines):,} outputs, {len(differ)} differ"
          f"{'' if len(baseline) == len(lines) else f', baseline has {len(baseline):,}'}: "
          f"{'IDENTICAL' if same else 'CHANGED'}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
