"""`intervision classify FILE.tsv`: label every message of a TSV file, one `id<TAB>label` line
each, streaming, so a file of any size runs in constant memory.

The file needs a header with `id` and `text`, normally also `lang` (other columns are
ignored); an empty or missing `lang` is detected from the text. A byte-order mark and Windows
line endings (a TSV saved from a spreadsheet) are fine.
"""
from __future__ import annotations

import sys
from typing import TextIO

from flows.classifier import classify

REQUIRED = ("id", "text")


def run(tsv_path: str, out: TextIO) -> int:
    """Classify `tsv_path` into `out`; 0 on success, 2 (with a message on stderr) for a missing
    file or missing columns."""
    try:
        with open(tsv_path, encoding="utf-8-sig", newline="") as handle:
            return _stream(handle, out, tsv_path)
    except (FileNotFoundError, IsADirectoryError, PermissionError) as error:
        print(f"intervision classify: cannot read {tsv_path}: {error.strerror or error}",
              file=sys.stderr)
        return 2


def _stream(handle: TextIO, out: TextIO, tsv_path: str) -> int:
    header = [name.strip().lower() for name in handle.readline().rstrip("\r\n").split("\t")]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        print(f"intervision classify: {tsv_path} has no column(s) {', '.join(missing)}; "
              f"the first line must name the columns id, lang and text, separated by tabs (lang may be left out).",
              file=sys.stderr)
        return 2
    col_id, col_text = (header.index(name) for name in REQUIRED)
    col_lang = header.index("lang") if "lang" in header else None
    width = max(col_id, col_text, col_lang or 0) + 1
    write = out.write
    for line in handle:
        fields = line.rstrip("\r\n").split("\t")
        if len(fields) < width:
            if not line.strip():
                continue  # a blank line, e.g. at the end of a hand-edited file
            fields += [""] * (width - len(fields))
        lang = (fields[col_lang].strip().lower() or None) if col_lang is not None else None
        write(f"{fields[col_id]}\t{classify(fields[col_text], lang).label.value}\n")
    return 0
