"""Finishes the stub that `maturin generate-stubs` writes for brobygger._brobygger.

maturin's introspection emits classes, functions and constants but not the exception classes
(it writes a catch-all `__getattr__` instead): the base made with pyo3's `create_exception!` and
the subclasses with several bases made at import (`subclass!(Name, [Bases], "doc")`). This
script reads those declarations from crates/py/src/errors.rs, the single place they are
defined, and writes them into the stub with their bases and documented attributes, so the
committed stub is exactly reproducible and `mypy.stubtest` can check it against the built
module.

It then applies the typed signatures of scripts/stub_types.py (the one table of them): pyo3
declares `Any` for a value built from serde data (`run.matches`, `to_dict()`) and `str` for a
vocabulary value; the table names the `TypedDict`, `Literal` or JSON alias of brobygger.types
that each one is. An entry that matches nothing fails, so the table cannot outlive the code;
tests/python/test_stub_types.py checks the values against the types at runtime.

Usage: python scripts/finish_stubs.py GENERATED.pyi ERRORS_RS OUT.pyi
"""

from __future__ import annotations

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import stub_types  # noqa: E402

# Attributes each exception carries beyond `code` and `findings` (see convert.rs to_pyerr).
EXTRA = {
    "ParseError": [("path", "str"), ("line", "int"), ("column", "int"), ("reason", "str")],
    "UnsupportedVersionError": [("found", "int | None"), ("supported", "int")],
    "NotFoundError": [("entity", "str"), ("id", "str")],
    "InvalidTransitionError": [("from_status", "str"), ("to_status", "str")],
    "InvalidInputError": [("path", "str"), ("reason", "str")],
    "MissingFileError": [("filename", "str"), ("errno", "int")],
    "InfeasibleError": [("reason", "str")],
    "CancelledError": [],
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
    stub = apply_types(stub)
    with open(target, "w", encoding="utf-8") as f:
        f.write(stub)


DEF = re.compile(r"^(\s*)def (\w+)\((.*)\) -> (.*):$")
TYPING = {"Any", "Final", "SupportsFloat", "SupportsIndex", "final", "Literal", "None", "True", "False"}
ABC = {"Mapping", "Sequence", "Callable", "Iterable"}


def _split_params(text: str) -> list[str]:
    parts, depth, cur = [], 0, ""
    for ch in text:
        if ch in "[(":
            depth += 1
        elif ch in "])":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    if cur.strip():
        parts.append(cur)
    return parts


def _with_none(old: str, new: str) -> str:
    return f"{new} | None" if old.endswith("| None") and "None" not in new else new


def apply_types(stub: str) -> str:
    """Applies stub_types.RETURNS and stub_types.PARAMS; every entry must match."""
    used: set[str] = set()
    out, cls = [], None
    for line in stub.split("\n"):
        m = re.match(r"^class (\w+)", line)
        if m:
            cls = m.group(1)
        elif line and not line[0].isspace() and not line.startswith(("@", "def ")):
            cls = None
        d = DEF.match(line)
        if d and (not d.group(1) or cls):
            indent, name, params, ret = d.groups()
            owner = cls if indent else None
            q = f"{owner}.{name}" if owner else name
            keys = [q] + ([f"*.{name}", f"{owner}.*"] if owner else [])
            for k in keys:
                if k in stub_types.RETURNS:
                    ret = _with_none(ret, stub_types.RETURNS[k])
                    used.add(k)
                    break
            new_params = []
            for p in _split_params(params):
                pm = re.match(r"^(\s*)(\w+): (.*?)( = .*)?$", p)
                if pm:
                    sp, pname, ann, default = pm.groups()
                    pk = [f"{q}({pname})"]
                    if owner:
                        pk += [f"*.{name}({pname})", f"{owner}.*({pname})"]
                    pk.append(f"*({pname})")
                    base = ann[: -len(" | None")] if ann.endswith(" | None") else ann
                    loose = base in ("Any", "dict", "str") or "Any" in base
                    for k in pk:
                        # a wildcard retypes only what pyo3 left loose (`Any`, `dict`, `str`)
                        if k in stub_types.PARAMS and (loose or not k.startswith("*(")):
                            ann = _with_none(ann, stub_types.PARAMS[k])
                            used.add(k)
                            break
                    p = f"{sp}{pname}: {ann}{default or ''}"
                new_params.append(p)
            line = f"{indent}def {name}({','.join(new_params)}) -> {ret}:"
            if q in stub_types.OVERLOADS:
                used.add(q)
                line = _overloads(indent, name, new_params, stub_types.OVERLOADS[q])
        out.append(line)
    unused = sorted((set(stub_types.RETURNS) | set(stub_types.PARAMS) | set(stub_types.OVERLOADS)) - used)
    if unused:
        sys.exit(f"scripts/stub_types.py entries that match no function: {unused}")
    stub = "\n".join(out)
    defined = set(re.findall(r"^class (\w+)", stub, re.M))
    # Names the generated stub imports itself (`from os import PathLike`).
    defined |= {
        n.strip()
        for line in re.findall(r"^from \S+ import ([^\n]*)$", stub, re.M)
        for n in line.split(",")
    }
    values = list(stub_types.RETURNS.values()) + list(stub_types.PARAMS.values())
    values += [t for _, variants in stub_types.OVERLOADS.values() for pair in variants for t in pair]
    # dotted names (`pandas.DataFrame`) come from the modules imported below, not brobygger.types
    names = {n for v in values for n in re.findall(r"(?<![\w.])[A-Za-z_]\w*(?![\w.])", v)}
    modules = sorted({m for v in values for m in re.findall(r"(?<![\w.])([a-z_]\w*)\.[A-Za-z_]", v)})
    ours = sorted(
        n for n in names
        if n[0].isupper() and n not in defined and n not in TYPING and n not in ABC
    )
    abc = sorted(n for n in names if n in ABC)
    imports = ""
    if abc:
        imports += f"from collections.abc import {', '.join(abc)}\n"
    imports += f"from brobygger.types import {', '.join(ours)}\n"
    stub = stub.replace("from datetime import", imports + "from datetime import", 1)
    if len(re.findall(r"\bAny\b", stub)) == 1:  # only the import is left
        stub = stub.replace("from typing import Any, ", "from typing import ", 1)
    typing_names = [n for n in ("Literal", "TYPE_CHECKING", "overload") if _needs(stub, n, modules)]
    if typing_names:
        m = re.search(r"^from typing import ([^\n]*)$", stub, re.M)
        if m is None:
            sys.exit("generated stub has no `from typing import` line; has maturin changed?")
        have = [n.strip() for n in m.group(1).split(",")]
        merged = sorted(set(have) | set(typing_names))
        stub = stub[: m.start()] + f"from typing import {', '.join(merged)}" + stub[m.end():]
    if modules:
        # Optional extras: a type checker reads their types; nothing imports them at runtime.
        # Either may be missing (or pandas without pandas-stubs): the checker then sees `Any`
        # there rather than an error in a file the user did not write.
        ignore = "  # type: ignore[import-not-found, import-untyped, unused-ignore]"
        block = "\nif TYPE_CHECKING:\n" + "".join(f"    import {m}{ignore}\n" for m in modules) + "\n"
        m = re.search(r"^from typing import [^\n]*\n", stub, re.M)
        assert m is not None
        stub = stub[: m.end()] + block + stub[m.end():]
    return stub


def _needs(stub: str, name: str, modules: list[str]) -> bool:
    if name == "TYPE_CHECKING":
        return bool(modules)
    if name == "overload":
        return "@overload" in stub
    return re.search(rf"\b{name}\[", stub) is not None


def _overloads(indent: str, name: str, params: list[str], spec: tuple[str, list[tuple[str, str]]]) -> str:
    """One `@overload` per value of the flag `spec[0]`; the last keeps the docstring below."""
    flag, variants = spec
    defs = []
    for i, (ann, ret) in enumerate(variants):
        ps = []
        found = False
        for p in params:
            pm = re.match(r"^(\s*)(\w+): ", p)
            if pm and pm.group(2) == flag:
                ps.append(f"{pm.group(1)}{flag}: {ann}")
                found = True
            else:
                ps.append(p)
        if not found:
            sys.exit(f"scripts/stub_types.py OVERLOADS: {name} has no parameter {flag}")
        end = ":" if i == len(variants) - 1 else ": ..."
        defs.append(f"{indent}@overload\n{indent}def {name}({','.join(ps)}) -> {ret}{end}")
    return "\n".join(defs)


def _drop_incomplete(m: re.Match[str]) -> str:
    names = [n.strip() for n in m.group(1).split(",") if n.strip() != "Incomplete"]
    return f"from _typeshed import {', '.join(names)}\n" if names else ""


if __name__ == "__main__":
    main()
