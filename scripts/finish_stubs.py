"""Finishes the stub that `maturin generate-stubs` writes for brobygger._brobygger.

maturin's introspection emits classes, functions and constants but not the exception classes
(it writes a catch-all `__getattr__` instead): the base made with pyo3's `create_exception!` and
the subclasses with several bases made at import (`subclass!(Name, [Bases], "doc")`). This
script reads those declarations from crates/py/src/errors.rs, the single place they are
defined, and writes them into the stub with their bases and documented attributes, so the
committed stub is exactly reproducible and `mypy.stubtest` can check it against the built
module.

Usage: python scripts/finish_stubs.py GENERATED.pyi ERRORS_RS OUT.pyi
"""

from __future__ import annotations

import re
import sys

# Attributes each exception carries beyond `code` and `findings` (see convert.rs to_pyerr).
EXTRA = {
    "ParseError": [("path", "str"), ("line", "int"), ("column", "int"), ("reason", "str")],
    "UnsupportedVersionError": [("found", "int | None"), ("supported", "int")],
    "NotFoundError": [("entity", "str"), ("id", "str")],
    "InvalidTransitionError": [("from_status", "str"), ("to_status", "str")],
    "InvalidInputError": [("path", "str"), ("reason", "str")],
    "MissingFileError": [("filename", "str"), ("errno", "int")],
    "InfeasibleError": [("reason", "str")],
    "InternalError": [("reason", "str")],
}

DECL = re.compile(
    r'create_exception!\(\s*brobygger,\s*(\w+),\s*(\w+),\s*"((?:[^"\\]|\\.)*)"\s*\);', re.S
)
SUBCLASS = re.compile(
    r'^subclass!\(\s*(\w+),\s*\[([\w,\s]+)\],\s*"((?:[^"\\]|\\.)*)"\s*\);', re.S | re.M
)


def declarations(errors_rs: str) -> list[tuple[str, str, str]]:
    """(name, bases, doc) of every exception class, in the order errors.rs declares them."""
    found = [(m.start(), m.group(1), m.group(2), m.group(3)) for m in DECL.finditer(errors_rs)]
    for m in SUBCLASS.finditer(errors_rs):
        bases = ", ".join(b.strip() for b in m.group(2).split(",") if b.strip())
        found.append((m.start(), m.group(1), bases, m.group(3)))
    return [(name, bases, doc) for _, name, bases, doc in sorted(found)]


def exceptions(errors_rs: str) -> str:
    out = []
    for name, parent, doc in declarations(errors_rs):
        base = "Exception" if parent == "PyException" else parent
        lines = [f"class {name}({base}):", f'    """{doc}"""']
        if base == "Exception":
            lines += ["    code: str", "    findings: list[Finding]"]
        for attr, ty in EXTRA.get(name, []):
            lines.append(f"    {attr}: {ty}")
        out.append("\n".join(lines))
    if not out:
        sys.exit("no exception declarations found")
    return "\n\n".join(out) + "\n"


def main() -> None:
    generated, errors_rs, target = sys.argv[1:4]
    stub = open(generated, encoding="utf-8").read()
    if "def __getattr__(name: str) -> Incomplete: ..." not in stub:
        sys.exit("generated stub has no catch-all __getattr__; has maturin changed?")
    stub = stub.replace("def __getattr__(name: str) -> Incomplete: ...\n", "")
    stub = re.sub(r"from _typeshed import ([^\n]*)\n", _drop_incomplete, stub)
    stub = stub.rstrip("\n") + "\n\n" + exceptions(open(errors_rs, encoding="utf-8").read())
    with open(target, "w", encoding="utf-8") as f:
        f.write(stub)


def _drop_incomplete(m: re.Match[str]) -> str:
    names = [n.strip() for n in m.group(1).split(",") if n.strip() != "Incomplete"]
    return f"from _typeshed import {', '.join(names)}\n" if names else ""


if __name__ == "__main__":
    main()
