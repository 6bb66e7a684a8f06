"""Syntax-checks generated Swift sources without a Swift toolchain (none is installable here).

Parses each file with tree-sitter-swift and fails on any ERROR or MISSING node, printing
file:line. uniffi wraps lone attributes in `#if swift(>=5.8)` / `@_documentation(...)` /
`#endif` blocks that the grammar cannot parse; exactly those three-line blocks are blanked
first, keeping line numbers. A second gap: the grammar cannot read `()` (the empty tuple) as a
closure's body, which uniffi writes as `let writeReturn = { () }` in a callback method that
returns nothing (a `ProgressListener`'s `onProgress`); exactly that line is read as the
closure `{ }`, which has the same type.

Usage: python scripts/swift_check.py FILE.swift [...]
"""

from __future__ import annotations

import re
import sys

import tree_sitter
import tree_sitter_swift

GAP = re.compile(r"^[ \t]*#if swift\(>=5\.8\)\n[ \t]*@_documentation\(visibility: private\)\n[ \t]*#endif\n", re.M)


UNIT_CLOSURE = re.compile(r"^([ \t]*let writeReturn = )\{ \(\) \}$", re.M)


def blank(match: re.Match[str]) -> str:
    return "\n" * match.group(0).count("\n")


def problems(source: str) -> list[tuple[int, str]]:
    parser = tree_sitter.Parser(tree_sitter.Language(tree_sitter_swift.language()))
    source = UNIT_CLOSURE.sub(r"\1{ }", GAP.sub(blank, source))
    tree = parser.parse(source.encode("utf-8"))
    found: list[tuple[int, str]] = []
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.type == "ERROR" or node.is_missing:
            kind = "missing " + node.type if node.is_missing else "syntax error"
            found.append((node.start_point[0] + 1, kind))
            continue
        stack.extend(node.children)
    return sorted(found)


def main() -> int:
    failed = 0
    total_lines = 0
    for path in sys.argv[1:]:
        source = open(path, encoding="utf-8").read()
        total_lines += source.count("\n")
        for line, kind in problems(source):
            print(f"{path}:{line}: {kind}")
            failed += 1
    print(f"swift: {len(sys.argv) - 1} file(s), {total_lines} lines, {failed} problem(s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
