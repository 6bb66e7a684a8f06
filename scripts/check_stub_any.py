"""Fails when the Python stub uses `Any` more often than the ceiling allows.

Counts every `Any` in an annotation (and every bare `dict`/`list`, which means `Any` inside) of crates/py/python/brobygger/_brobygger.pyi (parameters,
returns, attributes; docstrings do not count) and lists where. Each `Any` the ceiling admits is
named in ALLOWED with the reason it stays; scripts/stub_types.py is where a type is given.

Usage: python scripts/check_stub_any.py [STUB.pyi]
"""

from __future__ import annotations

import ast
import sys

# The goal was at most 5 (issue 21); every value the bindings build from a core type now has
# its type from the dossier or results schema (ADR 0068), the DataFrames are pandas' and polars'
# own, and the last one (`DossierMatching.volunteer_view` with `lang`) is the core's
# `VolunteerMatchText`. Never raise this: give the value a type in a schema instead.
CEILING = 0

# Generic types that mean `Any` inside when written without parameters.
BARE = {"dict", "list", "tuple", "Mapping", "Sequence"}

# Where an `Any` stays, and why. Keys are `Class.function` or `function`.
ALLOWED: dict[str, str] = {}


def reason(name: str) -> str | None:
    """Why `name` may still have an `Any`, or None."""
    method = "*." + name.split(".", 1)[1] if "." in name else None
    for key in (name, method):
        if key and key in ALLOWED:
            return ALLOWED[key]
    return None


def uses(stub: str) -> list[tuple[str, int]]:
    """(`Class.function` or `function`, line) for each `Any` in an annotation."""
    tree = ast.parse(stub)
    found: list[tuple[str, int]] = []

    def scan(node: ast.AST | None, owner: str) -> None:
        if node is None:
            return
        generic = {id(n.value) for n in ast.walk(node) if isinstance(n, ast.Subscript)}
        for n in ast.walk(node):
            if isinstance(n, ast.Name) and n.id in BARE and id(n) not in generic:
                found.append((owner, n.lineno))  # `dict` alone is `dict[Any, Any]`
            elif isinstance(n, ast.Name) and n.id == "Any":
                found.append((owner, n.lineno))
            elif isinstance(n, ast.Attribute) and n.attr == "Any":
                found.append((owner, n.lineno))
            elif isinstance(n, ast.Constant) and isinstance(n.value, str) and "Any" in n.value:
                found.append((owner, n.lineno))  # a quoted annotation

    def visit(body: list[ast.stmt], prefix: str) -> None:
        for st in body:
            if isinstance(st, ast.ClassDef):
                visit(st.body, f"{st.name}.")
            elif isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)):
                name = prefix + st.name
                a = st.args
                for arg in [*a.posonlyargs, *a.args, *a.kwonlyargs, a.vararg, a.kwarg]:
                    if arg is not None:
                        scan(arg.annotation, name)
                scan(st.returns, name)
            elif isinstance(st, ast.AnnAssign):
                target = st.target.id if isinstance(st.target, ast.Name) else "?"
                scan(st.annotation, prefix + target)

    visit(tree.body, "")
    return found


def main() -> None:
    path = sys.argv[1] if len(sys.argv) > 1 else "crates/py/python/brobygger/_brobygger.pyi"
    found = uses(open(path, encoding="utf-8").read())
    unexplained = [(name, line) for name, line in found if reason(name) is None]
    print(f"{path}: {len(found)} Any (ceiling {CEILING})")
    for name, line in found:
        print(f"  line {line}: {name}  ({reason(name) or 'no reason given'})")
    if len(found) > CEILING:
        sys.exit(f"{len(found)} Any in the stub, above the ceiling of {CEILING}: type them in scripts/stub_types.py")
    if unexplained:
        sys.exit("an Any without a reason in ALLOWED: " + ", ".join(n for n, _ in unexplained))
    stale = sorted(set(ALLOWED) - {name for name, _ in found} - {k for k in ALLOWED if k.startswith("*.")})
    if stale:
        sys.exit(f"ALLOWED names what has no Any any more (remove it): {stale}")


if __name__ == "__main__":
    main()
