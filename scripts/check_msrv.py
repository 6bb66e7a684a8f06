"""Checks the minimum supported Rust version (the workspace's `rust-version`).

1. It is at least what the edition needs (2024: 1.85), and every workspace member inherits it.
2. No package in the resolved dependency graph (`cargo metadata --locked`) declares a newer
   `rust-version`: a dependency update that raises the minimum fails here.
3. README.md and CONTRIBUTING.md state it.
4. clippy's `incompatible_msrv` lint, which reads `rust-version`, is not switched off in the
   workspace, and it is active: a probe crate with our `rust-version` that calls a standard-library
   API stabilised after it must fail `cargo clippy -- -D warnings` with that lint.

What this does not prove: that the code compiles with that compiler (clippy does not check
language features such as let chains); only a CI job on that toolchain would. CONTRIBUTING.md
says so.

Usage: python scripts/check_msrv.py
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EDITION_MINIMUM = {"2021": (1, 56), "2024": (1, 85)}
# Standard-library APIs and the version that stabilised them, for the lint probe: the first one
# newer than our minimum (and not newer than the installed toolchain) is used.
PROBES = [
    ((1, 89), "pub fn probe(x: Result<Result<u8, ()>, ()>) -> Result<u8, ()> { x.flatten() }"),
    ((1, 91), "pub fn probe() -> std::time::Duration { std::time::Duration::from_mins(2) }"),
]


def version(text: str) -> tuple[int, ...]:
    # "1.88" and "1.88.0" are the same Rust: pad to three parts so they compare equal.
    parts = [int(p) for p in text.split(".")[:3]]
    return tuple(parts + [0] * (3 - len(parts)))


def show(v: tuple[int, ...]) -> str:
    # Written as the manifest writes it: "1.88", not "1.88.0".
    return ".".join(str(p) for p in (v[:2] if len(v) == 3 and v[2] == 0 else v))


def main() -> int:
    problems: list[str] = []
    workspace = tomllib.loads((ROOT / "Cargo.toml").read_text(encoding="utf-8"))
    package = workspace["workspace"]["package"]
    msrv = version(package["rust-version"])
    edition = package["edition"]
    print(f"msrv: rust-version {show(msrv)}, edition {edition}")
    if msrv < EDITION_MINIMUM.get(edition, (0,)):
        problems.append(f"edition {edition} needs Rust {show(EDITION_MINIMUM[edition])} or newer")

    meta = json.loads(subprocess.run(
        ["cargo", "metadata", "--locked", "--format-version", "1"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout)
    members = set(meta["workspace_members"])
    newer = []
    declared = 0
    for p in meta["packages"]:
        rv = p.get("rust_version")
        if p["id"] in members:
            if rv is None or version(rv) != msrv:
                problems.append(f"workspace member {p['name']} has rust-version {rv}, not {show(msrv)} (use rust-version.workspace = true)")
            continue
        if rv is None:
            continue
        declared += 1
        if version(rv) > msrv:
            newer.append(f"{p['name']} {p['version']} needs Rust {rv}")
    if newer:
        problems.append("dependencies newer than the MSRV: " + "; ".join(sorted(newer)))
    print(f"msrv: {len(meta['packages']) - len(members)} dependencies, {declared} declare a rust-version, none newer"
          if not newer else f"msrv: {len(newer)} dependencies need a newer Rust")

    for doc in ("README.md", "CONTRIBUTING.md"):
        if f"Rust {show(msrv)}" not in (ROOT / doc).read_text(encoding="utf-8"):
            problems.append(f"{doc} does not state the minimum version (\"Rust {show(msrv)}\")")

    clippy_toml = (ROOT / "clippy.toml").read_text(encoding="utf-8") if (ROOT / "clippy.toml").exists() else ""
    if re.search(r"^\s*msrv\s*=", clippy_toml, re.M):
        problems.append("clippy.toml sets its own msrv; the lint must read rust-version")
    for path in sorted(ROOT.glob("crates/*/src/**/*.rs")) + [ROOT / "Cargo.toml"] + sorted(ROOT.glob("crates/*/Cargo.toml")):
        if "incompatible_msrv" in path.read_text(encoding="utf-8"):
            problems.append(f"{path.relative_to(ROOT)} mentions incompatible_msrv: the lint must stay on")

    problems += probe(msrv)
    for p in problems:
        print("FAIL " + p)
    print(f"msrv: {'ok' if not problems else 'FAILED'}")
    return 1 if problems else 0


def probe(msrv: tuple[int, ...]) -> list[str]:
    rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True, check=True).stdout
    toolchain = version(rustc.split()[1].split("-")[0])
    chosen = next(((v, code) for v, code in PROBES if msrv < v <= toolchain), None)
    if chosen is None:
        print(f"msrv: no probe API between {show(msrv)} and the toolchain {show(toolchain)}; lint probe skipped")
        return []
    stable_since, code = chosen
    build = Path(os.environ.get("BROBYGGER_BUILD", ROOT / "build")) / "msrv-probe"
    shutil.rmtree(build / "src", ignore_errors=True)
    (build / "src").mkdir(parents=True)
    (build / "Cargo.toml").write_text(
        "[package]\nname = \"msrv-probe\"\nversion = \"0.0.0\"\nedition = \"2024\"\n"
        f"rust-version = \"{show(msrv)}\"\npublish = false\n\n[workspace]\n", encoding="utf-8")
    (build / "src/lib.rs").write_text(f"//! Probe.\n/// Probe.\n{code}\n", encoding="utf-8")
    done = subprocess.run(
        ["cargo", "clippy", "--quiet", "--offline", "--target-dir", str(build / "target"), "--", "-D", "warnings"],
        cwd=build, capture_output=True, text=True,
    )
    lint_fired = done.returncode != 0 and "incompatible_msrv" in done.stderr
    if not lint_fired:
        return [f"clippy did not reject an API stable since {show(stable_since)} under rust-version {show(msrv)}:\n{done.stderr}"]
    print(f"msrv: clippy rejects an API stable since {show(stable_since)} under rust-version {show(msrv)} (incompatible_msrv)")
    return []


if __name__ == "__main__":
    sys.exit(main())
