#!/usr/bin/env python3
"""Fails on an import cycle between the files of `crates/core`, on an import that runs from a
lower layer up to a higher one, on a call from a lower layer to a method the top layer adds to
`Dossier` (a facet accessor), and on a file that is in no layer or in two.

The layers are `[[layer]]` tables in `crates/core/layers.toml`, lowest first, each with a `name`,
the `files` it holds and the files it leaves out (`exclude`), as globs relative to the source
folder: `*` stays within a folder, `**/` spans folders. Why the core is layered:
docs/adr/0030-layered-core.md.

Every path a file names (`use crate::matching::profile::Newcomer`, `super::rules::RuleSet`,
`crate::finding::Finding::new(..)` in code, `use super::*`) is resolved to the file of the
longest module prefix it names, and gives one edge from the file to that file. Re-exports count
as imports, so a `mod.rs` or `lib.rs` that re-exports its children is a front door for other
features: a file that imports through it while it re-exports that file is a cycle. Test modules
(`#[cfg(test)] mod ... { }`) are left out: tests may reach anything. Comments, strings and
doc links are not code and are left out too.

Why a script and not `cargo modules dependencies --acyclic`: cargo-modules builds on
rust-analyzer's crates (a ten-minute compile on two cores in every fresh CI run), and its graph
counts a parent's ownership of its children, which every feature folder has. This reads the
source in a fraction of a second and names the file and line of every offending import.

Usage: scripts/check_layers.py [--graph] [--src crates/core/src] [--layers crates/core/layers.toml]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11
    tomllib = None  # type: ignore[assignment]


def module_files(src: Path) -> dict[tuple[str, ...], Path]:
    """Module path (without `crate`) -> file, for every module file under `src`."""
    mods: dict[tuple[str, ...], Path] = {}
    for f in sorted(src.rglob("*.rs")):
        rel = f.relative_to(src).with_suffix("")
        parts = list(rel.parts)
        if parts == ["lib"]:
            mods[()] = f
            continue
        if parts[-1] == "mod":
            parts = parts[:-1]
        mods[tuple(parts)] = f
    return mods


def strip_comments_and_strings(text: str) -> str:
    """Blanks comments, string and char literals, keeping line breaks so lines still count."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == "r" and re.match(r'r#*"', text[i:i + 70]) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            m = re.match(r'r(#*)"', text[i:])
            assert m
            end = '"' + m.group(1)
            j = text.find(end, i + len(m.group(0)))
            j = n if j < 0 else j + len(end)
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == '"' or (c == "b" and text.startswith('b"', i) and (i == 0 or not text[i - 1].isalnum())):
            j = i + (2 if c == "b" else 1)
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == "'":
            # A char literal ('a', '\n', '\u{..}'), not a lifetime ('a without a closing quote).
            m = re.match(r"'(\\u\{[0-9a-fA-F]+\}|\\.|[^\\'])'", text[i:])
            if m:
                out.append(" " * len(m.group(0)))
                i += len(m.group(0))
            else:
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def blank_test_modules(text: str) -> str:
    """Blanks `#[cfg(test)]` items (test modules and test-only functions)."""
    result = list(text)
    for m in re.finditer(r"#\[cfg\((?:test|all\(test[^)]*\))\)\]", text):
        start = m.start()
        brace = text.find("{", m.end())
        semi = text.find(";", m.end())
        if brace < 0 or (0 <= semi < brace):
            end = semi + 1 if semi >= 0 else len(text)
        else:
            depth, j = 0, brace
            while j < len(text):
                if text[j] == "{":
                    depth += 1
                elif text[j] == "}":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            end = j + 1
        for k in range(start, min(end, len(text))):
            if result[k] != "\n":
                result[k] = " "
    return "".join(result)


def expand_use_tree(tree: str) -> list[str]:
    """`a::{b, c::{d, e}}` -> [`a::b`, `a::c::d`, `a::c::e`]; `self` inside braces names the prefix."""
    tree = re.sub(r"\s+as\s+[A-Za-z_][A-Za-z0-9_]*", "", tree)
    tree = re.sub(r"\s+", "", tree)

    def split_top(s: str) -> list[str]:
        parts, depth, cur = [], 0, ""
        for ch in s:
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            if ch == "," and depth == 0:
                parts.append(cur)
                cur = ""
            else:
                cur += ch
        if cur:
            parts.append(cur)
        return parts

    def go(prefix: str, s: str) -> list[str]:
        i = s.find("{")
        if i < 0:
            if s == "self":
                return [prefix.rstrip(":")]
            return [prefix + s]
        head, inner = s[:i], s[i + 1:s.rfind("}")]
        out = []
        for part in split_top(inner):
            out.extend(go(prefix + head, part))
        return out

    return go("", tree)


USE_RE = re.compile(r"\b(?:pub(?:\([^)]*\))?\s+)?use\s+([^;]+);")
PATH_RE = re.compile(r"(?<![\w:])(\$?crate|super|self|[a-z_][a-z0-9_]*)((?:\s*::\s*(?:super|[A-Za-z_][A-Za-z0-9_]*|\*))+)")


def resolve(seg: list[str], here: tuple[str, ...], is_mod_file: bool,
            mods: dict[tuple[str, ...], Path]) -> tuple[str, ...] | None:
    """Resolves a path's segments to the module it reaches, or None for a foreign crate path."""
    # The module a file's `self` is: itself. `super` of a file is its parent module.
    cur = here
    if not seg:
        return None
    first = seg[0]
    rest = seg[1:]
    if first in ("crate", "$crate"):
        cur = ()
    elif first == "self":
        cur = here
    elif first == "super":
        cur = here[:-1]
        while rest and rest[0] == "super":
            cur = cur[:-1]
            rest = rest[1:]
    elif here + (first,) in mods:
        cur, rest = here + (first,), rest
    elif here == () and (first,) in mods:
        cur, rest = (first,), rest
    else:
        return None
    for s in rest:
        if cur + (s,) in mods:
            cur = cur + (s,)
        else:
            break
    return cur


def edges_of(f: Path, here: tuple[str, ...], mods: dict[tuple[str, ...], Path]):
    text = blank_test_modules(strip_comments_and_strings(f.read_text(encoding="utf-8")))
    line_of = lambda pos: text.count("\n", 0, pos) + 1  # noqa: E731
    found = []
    spans = []
    for m in USE_RE.finditer(text):
        spans.append((m.start(), m.end()))
        for path in expand_use_tree(m.group(1)):
            seg = [s for s in path.split("::") if s]
            target = resolve(seg, here, f.name == "mod.rs" or here == (), mods)
            if target is not None:
                found.append((target, line_of(m.start()), "::".join(seg)))
    masked = list(text)
    for a, b in spans:
        for k in range(a, b):
            if masked[k] != "\n":
                masked[k] = " "
    body = "".join(masked)
    for m in PATH_RE.finditer(body):
        seg = [m.group(1)] + [s.strip() for s in m.group(2).split("::") if s.strip()]
        if seg[0] not in ("crate", "$crate", "super", "self") and here + (seg[0],) not in mods and not (here == () and (seg[0],) in mods):
            continue
        target = resolve(seg, here, True, mods)
        if target is not None:
            found.append((target, line_of(m.start()), "::".join(seg)))
    return found


def glob_regex(pattern: str) -> re.Pattern[str]:
    """A path glob: `*` and `?` stay within one path segment, `**/` spans any number of them."""
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out, i = out + "(?:[^/]+/)*", i + 3
        elif pattern.startswith("**", i):
            out, i = out + ".*", i + 2
        elif pattern[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif pattern[i] == "?":
            out, i = out + "[^/]", i + 1
        else:
            out, i = out + re.escape(pattern[i]), i + 1
    return re.compile(out + r"\Z")


class Layer:
    """One `[[layer]]` of the layers file: a name, the files it holds, and the files it leaves out."""

    def __init__(self, name: str, files: list[str], exclude: list[str]):
        self.name = name
        self.files = [glob_regex(p) for p in files]
        self.exclude = [glob_regex(p) for p in exclude]

    def holds(self, rel: str) -> bool:
        return any(p.match(rel) for p in self.files) and not any(p.match(rel) for p in self.exclude)


def load_layers(path: Path) -> list[Layer]:
    if not path.exists():
        return []
    if tomllib is None:
        sys.exit(f"check_layers: reading {path} needs Python 3.11 or later (tomllib)")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [Layer(layer["name"], layer["files"], layer.get("exclude", [])) for layer in data["layer"]]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", default="crates/core/src")
    ap.add_argument("--layers", default="crates/core/layers.toml")
    ap.add_argument("--graph", action="store_true", help="print every edge")
    args = ap.parse_args()
    src = Path(args.src)
    mods = module_files(src)
    name = {m: ("crate" if not m else "::".join(m)) for m in mods}
    graph: dict[tuple[str, ...], dict[tuple[str, ...], tuple[int, str]]] = {m: {} for m in mods}
    for m, f in mods.items():
        for target, line, path in edges_of(f, m, mods):
            if target != m and target not in graph[m]:
                graph[m][target] = (line, path)
    if args.graph:
        for m in sorted(graph):
            for t, (line, path) in sorted(graph[m].items()):
                print(f"{name[m]} -> {name[t]}   ({mods[m]}:{line} {path})")

    problems = []
    # Layers: each file belongs to exactly one; an edge may not run to a later layer.
    layers = load_layers(Path(args.layers))
    if layers:
        rank: dict[tuple[str, ...], int] = {}
        for m, f in mods.items():
            rel = f.relative_to(src).as_posix()
            hits = [i for i, layer in enumerate(layers) if layer.holds(rel)]
            if not hits:
                problems.append(f"{f}: in no layer of {args.layers}; place it in one")
            elif len(hits) > 1:
                names = ", ".join(layers[i].name for i in hits)
                problems.append(f"{f}: in more than one layer of {args.layers} ({names}); place it in one")
            else:
                rank[m] = hits[0]
        for m in graph:
            for t, (line, path) in graph[m].items():
                if m in rank and t in rank and rank[t] > rank[m]:
                    problems.append(
                        f"{mods[m]}:{line}: `{path}` reaches up from layer '{layers[rank[m]].name}' "
                        f"to '{layers[rank[t]].name}' ({mods[t]})")

    # Cycles: Tarjan's strongly connected components.
    index, low, stack, on, sccs, counter = {}, {}, [], set(), [], [0]
    sys.setrecursionlimit(10000)

    def strong(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                sccs.append(comp)

    for v in sorted(graph):
        if v not in index:
            strong(v)
    for comp in sccs:
        members = set(comp)
        problems.append(f"import cycle among {len(comp)} files: " + ", ".join(sorted(str(mods[m].relative_to(src)) for m in comp)))
        for m in sorted(comp):
            for t, (line, path) in sorted(graph[m].items()):
                if t in members:
                    problems.append(f"    {mods[m]}:{line}: {path}")

    # Calls up through the dossier: a method the top layer adds to `Dossier` (a facet accessor,
    # `validate`, ...) called from a lower layer is an upward dependency no path names. Only
    # names defined nowhere else are checked, so a same-named method of another type is no match.
    if layers:
        top = len(layers) - 1
        api_methods: set[str] = set()
        defined_below: set[str] = set()
        for m, f in mods.items():
            text = blank_test_modules(strip_comments_and_strings(f.read_text(encoding="utf-8")))
            names = set(re.findall(r"\bfn\s+([a-z_][a-z0-9_]*)", text))
            if rank.get(m) == top:
                for block in re.finditer(r"^impl\s+(?:crate::(?:dossier::)?)?Dossier\s*\{", text, re.M):
                    body = text[block.end():]
                    depth, end = 1, 0
                    for end, ch in enumerate(body):
                        depth += ch == "{"
                        depth -= ch == "}"
                        if depth == 0:
                            break
                    api_methods.update(re.findall(r"\bfn\s+([a-z_][a-z0-9_]*)", body[:end]))
            else:
                defined_below.update(names)
        watched = api_methods - defined_below
        for m, f in mods.items():
            if m not in rank or rank[m] == top:
                continue
            text = blank_test_modules(strip_comments_and_strings(f.read_text(encoding="utf-8")))
            for call in re.finditer(r"\.\s*([a-z_][a-z0-9_]*)\s*\(", text):
                if call.group(1) in watched:
                    line = text.count("\n", 0, call.start()) + 1
                    problems.append(
                        f"{f}:{line}: `.{call.group(1)}(..)` calls up from layer '{layers[rank[m]].name}' "
                        f"to a method the top layer adds to Dossier; call the operation's own function")

    files = len(mods)
    edge_count = sum(len(v) for v in graph.values())
    if problems:
        print("\n".join(problems))
        print(f"check_layers: FAILED ({len(sccs)} cycle(s); {files} files, {edge_count} imports)")
        return 1
    print(f"check_layers: no import cycle and no upward import among {files} files ({edge_count} imports)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
