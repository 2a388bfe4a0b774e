"""Every module-level name of the package is bound once.

A second constant of the same name further down a module silently replaces the first for every function that reads
it. It happened twice in one round of advice work: a new ``_LIST_REACH`` (120) shortened how far a quoted clause's
list is followed (300), so "Engineered a fully automated, ..." was quoted up to "automated"; and a new
``_DETERMINERS`` dropped "all", "this", "these" and "those" from the one the rewrites use.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "resume_check"


def _bound_twice(source: str) -> list[str]:
    seen: set[str] = set()
    twice: list[str] = []
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and any(
            isinstance(d, ast.Name) and d.id == "overload" for d in node.decorator_list
        ):
            continue  # typing.overload signatures precede the one definition
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names = [node.name]
        elif isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            names = [node.target.id]
        else:
            continue
        twice += [f"{name} (line {node.lineno})" for name in names if name in seen]
        seen.update(names)
    return twice


def test_the_check_finds_a_constant_bound_twice() -> None:
    assert _bound_twice("_REACH = 300\ndef f(): return _REACH\n_REACH = 120\n") == ["_REACH (line 3)"]


def test_no_module_binds_a_name_twice() -> None:
    found = {
        str(path.relative_to(PACKAGE.parent)): twice
        for path in sorted(PACKAGE.rglob("*.py"))
        if (twice := _bound_twice(path.read_text(encoding="utf-8")))
    }
    assert found == {}
