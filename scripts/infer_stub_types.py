"""Drafts entries for scripts/stub_types.py: calls the package on the examples (the same calls
as tests/python/test_stub_types.py) and, for each function whose stub still returns `Any`,
prints the narrowest type of brobygger.types that every returned value fits. A helper for
people editing the table; the table and the test are what count.

Usage: python scripts/infer_stub_types.py
"""

from __future__ import annotations

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "python"))

import brobygger.types as t  # noqa: E402
from runtime_types import problems  # noqa: E402
from stub_exercise import exercise, stub_functions  # noqa: E402

NS = dict(vars(t))
DICTS = sorted(
    (n for n, v in NS.items() if n.endswith("Dict") and hasattr(v, "__annotations__") and hasattr(v, "__required_keys__")),
)


def fits(values: list[object], hint: str) -> bool:
    return all(not problems(v, hint, NS) for v in values)


def guess(values: list[object]) -> str:
    if all(isinstance(v, list) for v in values):
        items = [x for v in values for x in v]  # type: ignore[union-attr]
        return f"list[{guess(items)}]" if items else "list[JsonDict]?"
    if all(isinstance(v, dict) for v in values):
        best = [n for n in DICTS if fits(values, n)]
        if best:
            best.sort(key=lambda n: -len(NS[n].__annotations__))
            return best[0] + ("" if len(best) == 1 else f"  # also {best[1:4]}")
        return "JsonDict"
    if all(v is None or isinstance(v, dict) for v in values):
        return guess([v for v in values if v is not None]) + " | None"
    for simple in ("str", "int", "float", "bool"):
        if fits(values, simple):
            return simple
    return "Json?"


def main() -> None:
    fns = stub_functions()
    seen = exercise()
    for key, f in fns.items():
        ret = f.returns
        if ret is None or "Any" not in ast_text(ret):
            continue
        values = seen.get(key)
        print(f'    "{key}": "{guess(values) if values else "?"}",')


def ast_text(node: object) -> str:
    import ast

    return ast.unparse(node)  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
