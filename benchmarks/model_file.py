"""Writing a trained classifier model file, or checking that the shipped one is what training
writes now (`--check`): shared by train_classifier_model.py and train_classifier_fallback.py."""
from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path


def dump(model: dict[str, object]) -> str:
    """The model as the file holds it: sorted keys, no spaces, so the bytes are reproducible."""
    return json.dumps(model, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"


def write_or_check(out: Path, text: str, argv: Sequence[str]) -> int:
    """With --check: 0 if `out` holds `text`, else 1 (nothing written). Else writes `out`."""
    if "--check" in argv:
        current = out.read_text(encoding="utf-8") if out.is_file() else ""
        print("up to date" if current == text else f"{out} is stale; rerun without --check")
        return 0 if current == text else 1
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out} ({len(text.encode()):,} bytes)")
    return 0
