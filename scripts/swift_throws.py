#!/usr/bin/env python3
"""Checks the generated Swift API (Brobygger.swift) for calls that cannot throw.

In Swift a Rust panic or a value that cannot be lifted (a date string Rust cannot read) inside a
non-throwing generated call ends in `try!`: a fatal error, the app crashes. So every exported
function that takes an argument, and every method and constructor of an object, must be
declared `throws` (in Rust: return `Result`). Only free functions without arguments, which read
nothing from the app, may be non-throwing. Prints each offender with its line; exits 1 if any.
"""

from __future__ import annotations

import re
import sys

# uniffi writes the API's declarations at the start of a line when run with --no-format;
# converters and helpers are indented.
DECL = re.compile(r"^(public func|open func|public static func|public convenience init)\b(.*)$")


def main(path: str) -> int:
    problems = []
    checked = 0
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            m = DECL.match(line)
            if not m:
                continue
            checked += 1
            kind, rest = m.groups()
            if rest.lstrip().startswith("FfiConverter"):
                continue  # the generated converters' own helpers, not the API
            signature = rest.split("{", 1)[0]
            if re.search(r"\bthrows\b", signature):
                continue
            free_without_arguments = kind == "public func" and re.match(r"\s*\w+\(\)", signature)
            if not free_without_arguments:
                problems.append(f"{path}:{number}: not throwing: {line.strip()[:120]}")
    for p in problems:
        print(p)
    print(f"swift: {checked} API declarations, {len(problems)} that cannot throw but take input")
    return 1 if problems or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
