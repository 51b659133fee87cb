"""The house a newcomer can live in (issue 14): imports run one way (no circle anywhere in
the product's packages), no module grows past about 400 lines, and bot/ holds only what
talks to Telegram for real (the fake Bot API is a package of its own)."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("bot", "flows", "storage", "fake_telegram")
LONGEST_MODULE = 400


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def _imports(path: Path, name: str, known: set[str]) -> set[str]:
    """Every module of ours this module imports, at the top or inside a function."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    wanted: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            wanted.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            wanted.add(base)
            wanted.update(f"{base}.{alias.name}" for alias in node.names)
    return {w for w in wanted if w in known and w != name}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    graph = {name: _imports(path, name, known) for name, path in modules.items()}
    # A package's __init__ is imported on the way to any of its modules; ours are empty or
    # re-export their own modules, so only real module-to-module edges are kept.
    return {name: {t for t in targets if not _is_parent(t, name)} for name, targets in
            graph.items()}


def _is_parent(target: str, name: str) -> bool:
    return name.startswith(target + ".")


def _circle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_circle_anywhere() -> None:
    circle = _circle(_graph())
    assert circle is None, " -> ".join(circle or [])


def test_the_check_finds_a_circle_when_there_is_one() -> None:
    assert _circle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _circle({"a": {"b"}, "b": set()}) is None


def test_no_module_is_longer_than_about_400_lines() -> None:
    long = {str(path.relative_to(ROOT)): n for path in _modules().values()
            if (n := len(path.read_text("utf-8").splitlines())) > LONGEST_MODULE}
    assert not long, long


def test_the_product_never_imports_the_fake_bot_api() -> None:
    graph = _graph()
    leaks = {name: sorted(t for t in targets if t.startswith("fake_telegram"))
             for name, targets in graph.items()
             if name.split(".")[0] in ("flows", "storage")
             or (name.startswith("bot.") and not name.startswith("bot.cli"))}
    assert not {k: v for k, v in leaks.items() if v}



def _numpy_loaded_after(code: str) -> bool:
    out = subprocess.run([sys.executable, "-c", f"import sys; {code}; print('numpy' in sys.modules)"],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return out.strip() == "True"


def test_the_bot_starts_without_numpy() -> None:
    """numpy (10 MB, 0.1 s) is loaded only where a clip's sound is read, so a bot that never
    reads one, and every CLI command, starts without it."""
    assert not _numpy_loaded_after("import bot.cli.main, bot.startup.run, bot.startup.config")
    assert _numpy_loaded_after("from bot.media.sound import _loudness_floor; "
                               "_loudness_floor([1.0])")
