"""No module of the package binds one top-level name twice: the later binding silently replaces
the earlier for every function that reads it (round 42 found two ``_PREPOSITIONS`` and two
``_PORTRAIT`` in attribute/resolve.py, each an earlier rule reading a later rule's pattern)."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "ficaudio"


def top_level_names(source: str) -> Counter:
    names: Counter = Counter()
    for node in ast.parse(source).body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        names.update(t.id for t in targets if isinstance(t, ast.Name))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names[node.name] += 1
    return names


def test_a_name_bound_twice_is_found():
    assert top_level_names("A = 1\ndef f():\n    return A\nA = 2\n")["A"] == 2


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_binds_a_top_level_name_twice(path):
    twice = [name for name, n in top_level_names(path.read_text(encoding="utf-8")).items() if n > 1]
    assert twice == []
