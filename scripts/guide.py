"""Runs the code blocks of the user guide (docs/guide/src/) and the READMEs, so the docs cannot
drift from the library.

Which blocks run, and how (CONTRIBUTING.md, "Code blocks in the docs", says the same):

- ```rust: doctests. Each guide chapter and README.md is included in crates/core/src/lib.rs as a
  `#[cfg(doctest)]` item, so `cargo test` runs them; `inventory` checks every chapter is included.
- ```python: run top to bottom in one namespace per document (tests/python/test_guide.py).
- ```kotlin: each block is a scope of its own (a block defines what it uses), compiled with
  kotlinc against the generated bindings and run on the JVM. `dk.brobygger.*`,
  `dk.brobygger.core.*`, `java.io.File`, `java.time.Instant` and `java.time.LocalDate` are
  imported for every block; a block's own `import` lines are hoisted.
- ```console: a terminal session. `$ ` starts a command (a line ending in `\\` continues it); the
  lines after it are output that must appear in the command's output (standard output and
  error), in that order, other lines may come between; `...` lines only tell the reader that
  something was left out; `[exit N]` as the last output line expects exit status N (default 0).
- ```sh: a script run with bash (`set -euo pipefail`); it must exit 0.
- ```swift: parsed with tree-sitter-swift (no Swift toolchain exists here), not compiled.
- `ignore` after the language (```sh,ignore) marks a block that deliberately does not run (it
  needs a machine we do not have, or installs things); `rust` also takes rustdoc's `no_run`.
- ```text, ```toml, ```json, ```csv: shown, not run.

Shell, Python and Kotlin blocks of one document share a scratch directory as their working
directory; it holds `tests/` and `examples/` (links to the repository's), as a checkout's root
would, and `brobygger` (the CLI built by cargo) is first on the PATH. Files a block writes stay
in the scratch directory.

Usage: python scripts/guide.py inventory|shell|kotlin|swift [--self-test] [--root DIR]
`--self-test` plants a failing block in a temporary copy of the docs and checks that the runner
fails and names the document and the block.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

ROOT = Path(__file__).resolve().parents[1]
GUIDE = Path("docs/guide/src")
READMES = [Path("README.md"), Path("crates/py/README.md")]

RUN = {"rust", "python", "kotlin", "console", "sh", "swift"}
SHOWN = {"text", "toml", "json", "csv"}
FLAGS = {
    "rust": {"ignore", "no_run", "should_panic", "compile_fail"},
    "python": {"ignore"},
    "kotlin": {"ignore"},
    "console": {"ignore"},
    "sh": {"ignore"},
    "swift": {"ignore"},
}
KOTLIN_IMPORTS = [
    "dk.brobygger.*",
    "dk.brobygger.core.*",
    "java.io.File",
    "java.time.Instant",
    "java.time.LocalDate",
]
FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})(?P<info>[^`]*)$")


@dataclass
class Block:
    """One fenced code block: where it is, its language, flags and text."""

    doc: Path  # relative to the root
    line: int  # the line of the opening fence, 1-based
    number: int  # its position among the document's blocks of the same language, 1-based
    lang: str
    flags: list[str]
    code: str

    @property
    def runs(self) -> bool:
        return self.lang in RUN and "ignore" not in self.flags

    def where(self) -> str:
        return f"{self.doc}:{self.line} ({self.lang} block {self.number})"


class BlockFailed(Exception):
    """A block did not run; the message names the document, the line and the block."""


def chapters(root: Path = ROOT) -> list[Path]:
    """The guide's chapters in the order of src/SUMMARY.md, relative to the root."""
    summary = (root / GUIDE / "SUMMARY.md").read_text(encoding="utf-8")
    return [GUIDE / m for m in re.findall(r"\]\(([^)]+\.md)\)", summary)]


def documents(root: Path = ROOT) -> list[Path]:
    """Every document whose blocks run: the READMEs, then the guide's chapters."""
    return [p for p in READMES if (root / p).exists()] + chapters(root)


def blocks(doc: Path, root: Path = ROOT) -> list[Block]:
    """The fenced code blocks of one document, with their line numbers."""
    found: list[Block] = []
    counts: dict[str, int] = {}
    lines = (root / doc).read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        fence, info = m.group("fence"), m.group("info").strip()
        body: list[str] = []
        j = i + 1
        while j < len(lines) and not (
            lines[j].strip().startswith(fence) and lines[j].strip().strip(fence[0]) == ""
        ):
            body.append(lines[j][len(m.group("indent")):] if lines[j].startswith(m.group("indent")) else lines[j])
            j += 1
        tokens = [t for t in re.split(r"[,\s]+", info) if t]
        lang = tokens[0] if tokens else ""
        counts[lang] = counts.get(lang, 0) + 1
        found.append(Block(doc, i + 1, counts[lang], lang, tokens[1:], "\n".join(body) + "\n"))
        i = j + 1
    return found


def all_blocks(root: Path = ROOT) -> Iterator[Block]:
    for doc in documents(root):
        yield from blocks(doc, root)


# ----- inventory -----------------------------------------------------------------------------


def inventory_problems(root: Path = ROOT) -> list[str]:
    """What is wrong with the docs' shape: unknown languages or flags, blocks rustdoc would
    take for Rust, chapters missing from SUMMARY.md or from the doctests in lib.rs."""
    problems: list[str] = []
    listed = set(chapters(root))
    for p in sorted((root / GUIDE).glob("*.md")):
        rel = p.relative_to(root)
        if rel.name != "SUMMARY.md" and rel not in listed:
            problems.append(f"{rel}: not listed in {GUIDE / 'SUMMARY.md'}")
    for c in listed:
        if not (root / c).exists():
            problems.append(f"{GUIDE / 'SUMMARY.md'}: lists {c}, which does not exist")
    lib = (root / "crates/core/src/lib.rs").read_text(encoding="utf-8")
    for doc in documents(root):
        if doc.name == "README.md" and doc != Path("README.md"):
            continue  # crates/py/README.md holds no Rust
        target = '"../../../' + doc.as_posix() + '"'
        if target not in lib:
            problems.append(f"{doc}: its Rust blocks are not doctests (add {target} to the doctests in crates/core/src/lib.rs)")
    for b in all_blocks(root):
        if b.lang == "":
            problems.append(f"{b.where()}: a fence without a language (rustdoc would compile it as Rust)")
        elif b.lang not in RUN and b.lang not in SHOWN:
            problems.append(f"{b.where()}: unknown language {b.lang!r} (run: {sorted(RUN)}; shown: {sorted(SHOWN)})")
        elif b.lang in FLAGS and set(b.flags) - FLAGS[b.lang]:
            problems.append(f"{b.where()}: unknown flag(s) {sorted(set(b.flags) - FLAGS[b.lang])}")
        if b.lang in SHOWN and b.flags:
            problems.append(f"{b.where()}: {b.lang} blocks are never run; drop the flags")
    return problems


def inventory(root: Path = ROOT) -> int:
    problems = inventory_problems(root)
    counts: dict[str, list[int]] = {}
    for b in all_blocks(root):
        run_ignored = counts.setdefault(b.lang, [0, 0])
        run_ignored[0 if b.runs else 1] += 1
    for lang, (run, ignored) in sorted(counts.items()):
        print(f"  {lang:8} {run:3} run, {ignored} not run")
    for p in problems:
        print(p)
    print(f"guide: {len(documents(root))} documents, {len(problems)} problem(s)")
    return 1 if problems else 0


# ----- scratch directories --------------------------------------------------------------------


def scratch(doc: Path, root: Path, base: Path) -> Path:
    """A fresh working directory for one document's blocks, with `tests` and `examples` links."""
    d = base / re.sub(r"[^A-Za-z0-9]+", "-", doc.as_posix()).strip("-")
    shutil.rmtree(d, ignore_errors=True)
    d.mkdir(parents=True)
    for name in ("tests", "examples"):
        (d / name).symlink_to(root / name)
    return d


# ----- Python (called by tests/python/test_guide.py) ------------------------------------------


def run_python(doc: Path, root: Path = ROOT, base: Path | None = None) -> int:
    """Runs a document's Python blocks in order in one namespace; returns how many ran."""
    code_blocks = [b for b in blocks(doc, root) if b.lang == "python" and b.runs]
    if not code_blocks:
        return 0
    with tempfile.TemporaryDirectory(prefix="brobygger-guide-") as tmp:
        work = scratch(doc, root, Path(base) if base else Path(tmp))
        namespace: dict[str, object] = {"__name__": "__guide__"}
        before = Path.cwd()
        os.chdir(work)
        try:
            for b in code_blocks:
                # Blank lines before the block keep traceback line numbers equal to the file's.
                source = "\n" * b.line + b.code
                try:
                    exec(compile(source, str(root / b.doc), "exec"), namespace)
                except Exception as e:
                    tb = "".join(traceback.format_exception(type(e), e, e.__traceback__)[-6:])
                    raise BlockFailed(f"{b.where()} failed:\n{tb}") from e
        finally:
            os.chdir(before)
    return len(code_blocks)


# ----- shell --------------------------------------------------------------------------------


@dataclass
class Command:
    line: int
    text: str
    expected: list[str] = field(default_factory=list)
    status: int = 0


def console_commands(b: Block) -> list[Command]:
    """The commands of a console block with the output each must show."""
    commands: list[Command] = []
    lines = b.code.rstrip("\n").split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("$ "):
            text = line[2:]
            start = i
            while text.endswith("\\") and i + 1 < len(lines):
                i += 1
                text = text[:-1] + "\n" + lines[i]
            commands.append(Command(b.line + 1 + start, text))
        elif commands:
            m = re.fullmatch(r"\[exit (\d+)\]", line.strip())
            if m:
                commands[-1].status = int(m.group(1))
            elif line.strip() and line.strip() != "...":
                commands[-1].expected.append(line.rstrip())
        elif line.strip():
            raise BlockFailed(f"{b.where()}: output before the first `$ ` command: {line!r}")
        i += 1
    return commands


def cli_env(root: Path) -> dict[str, str]:
    binary = root / "target/debug/brobygger"
    if not binary.exists():
        subprocess.run(["cargo", "build", "--locked", "-q", "-p", "brobygger-cli"], cwd=root, check=True)
    env = dict(os.environ)
    env["PATH"] = f"{binary.parent}{os.pathsep}{env.get('PATH', '')}"
    env.pop("NO_COLOR", None)
    return env


def missing_output(expected: list[str], actual: str) -> list[str]:
    """The expected lines that do not appear, in order, among the actual output's lines."""
    got = [line.rstrip() for line in actual.split("\n")]
    k = 0
    missing: list[str] = []
    for want in expected:
        at = next((n for n in range(k, len(got)) if got[n] == want), None)
        if at is None:
            missing.append(want)
        else:
            k = at + 1
    return missing


def run_shell(root: Path = ROOT) -> tuple[int, list[str]]:
    """Runs every console and sh block; returns how many commands ran and the failures."""
    env = cli_env(root)
    failures: list[str] = []
    ran = 0
    with tempfile.TemporaryDirectory(prefix="brobygger-guide-sh-") as tmp:
        for doc in documents(root):
            shell_blocks = [b for b in blocks(doc, root) if b.lang in ("console", "sh") and b.runs]
            if not shell_blocks:
                continue
            work = scratch(doc, root, Path(tmp))
            for b in shell_blocks:
                if b.lang == "sh":
                    commands = [Command(b.line + 1, b.code)]
                else:
                    try:
                        commands = console_commands(b)
                    except BlockFailed as e:
                        failures.append(str(e))
                        continue
                for c in commands:
                    ran += 1
                    done = subprocess.run(
                        ["bash", "-euo", "pipefail", "-c", c.text], cwd=work, env=env,
                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=300,
                    )
                    problems = []
                    if done.returncode != c.status:
                        problems.append(f"exit status {done.returncode}, expected {c.status}")
                    missing = missing_output(c.expected, done.stdout)
                    if missing:
                        problems.append("output lacks (in this order): " + " | ".join(missing))
                    if problems:
                        tail = "\n".join("    " + line for line in done.stdout.rstrip().split("\n")[-15:])
                        failures.append(f"{b.where()}, command at line {c.line}: {c.text.splitlines()[0]}\n"
                                        f"  {'; '.join(problems)}\n  output (last lines):\n{tail}")
    return ran, failures


def shell(root: Path = ROOT) -> int:
    ran, failures = run_shell(root)
    for f in failures:
        print("FAIL " + f)
    print(f"guide shell blocks: {ran} command(s), {len(failures)} failed")
    return 1 if failures else 0


# ----- Kotlin ---------------------------------------------------------------------------------


def kotlin_sources(root: Path) -> tuple[dict[str, str], dict[tuple[str, int], str]]:
    """One Kotlin file per document (each block a function) and a main that runs them all;
    with a map from (file, line) to the block it came from."""
    files: dict[str, str] = {}
    origin: dict[tuple[str, int], str] = {}
    calls: list[str] = []
    for k, doc in enumerate(documents(root)):
        kotlin_blocks = [b for b in blocks(doc, root) if b.lang == "kotlin" and b.runs]
        if not kotlin_blocks:
            continue
        name = f"Guide{k:02d}.kt"
        imports = list(KOTLIN_IMPORTS)
        bodies: list[tuple[Block, list[str]]] = []
        for b in kotlin_blocks:
            body = []
            for line in b.code.rstrip("\n").split("\n"):
                if line.startswith("import "):
                    imp = line[len("import "):].strip()
                    if imp not in imports:
                        imports.append(imp)
                    body.append("")  # keep the line count
                else:
                    body.append(line)
            bodies.append((b, body))
        out = ["package dk.brobygger.guide", ""] + [f"import {i}" for i in imports] + [""]
        for b, body in bodies:
            fn = f"doc{k:02d}Block{b.number:02d}"
            out.append(f"// {b.where()}")
            out.append(f"internal fun {fn}() {{")
            for n, line in enumerate(body):
                origin[(name, len(out) + 1)] = f"{b.doc}:{b.line + 1 + n} ({b.where()})"
                out.append("    " + line)
            out.append("}")
            out.append("")
            calls.append(f'    GuideBlock("{b.where()}", ::{fn}),')
        files[name] = "\n".join(out)
    files["GuideMain.kt"] = "\n".join([
        "package dk.brobygger.guide",
        "",
        "import kotlin.system.exitProcess",
        "",
        "class GuideBlock(val where: String, val body: () -> Unit)",
        "",
        "val guideBlocks = listOf(",
        *calls,
        ")",
        "",
        "fun main() {",
        "    val out = System.out",
        "    var failed = 0",
        "    for (b in guideBlocks) {",
        "        val captured = java.io.ByteArrayOutputStream()",
        "        System.setOut(java.io.PrintStream(captured, true, \"UTF-8\"))",
        "        try {",
        "            b.body()",
        "        } catch (t: Throwable) {",
        "            failed++",
        "            out.println(\"FAIL ${b.where}: $t\")",
        "            t.stackTrace.take(4).forEach { out.println(\"    at $it\") }",
        "            out.println(\"  its output:\\n\" + captured.toString(\"UTF-8\").trimEnd())",
        "        } finally {",
        "            System.setOut(out)",
        "        }",
        "    }",
        "    out.println(\"guide kotlin blocks: ${guideBlocks.size} ran, $failed failed\")",
        "    if (failed > 0) exitProcess(1)",
        "}",
        "",
    ])
    return files, origin


def kotlin(root: Path = ROOT) -> int:
    build = Path(os.environ.get("BROBYGGER_BUILD", ROOT / "build"))
    bindings = build / "kotlin-classes"
    kotlin_home = ROOT / ".tools/kotlin"
    jna = Path("/usr/share/java/jna.jar")
    # The bindings' suspend functions (ADR 0058) need kotlinx-coroutines (shipped with kotlinc).
    coroutines = kotlin_home / "lib/kotlinx-coroutines-core-jvm.jar"
    if not (bindings / ".hash").exists():
        print(f"no compiled bindings in {bindings}: run the Kotlin test step first (scripts/test.sh)")
        return 1
    files, origin = kotlin_sources(root)
    digest = hashlib.sha256((bindings / ".hash").read_bytes())
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name].encode())
    key = digest.hexdigest()[:16]
    cache = build / "guide-kotlin"
    classes = cache / key
    if not (classes / ".done").exists():
        src = cache / f"src-{key}"
        shutil.rmtree(src, ignore_errors=True)
        src.mkdir(parents=True)
        for name, text in files.items():
            (src / name).write_text(text, encoding="utf-8")
        done = subprocess.run(
            [str(kotlin_home / "bin/kotlinc"), *sorted(str(p) for p in src.glob("*.kt")),
             "-cp", f"{bindings}:{jna}:{coroutines}", "-d", str(classes), "-nowarn"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        if done.returncode != 0:
            for line in done.stdout.splitlines():
                m = re.match(r"^(?:.*/)?(Guide\w*\.kt):(\d+):\d+: error: (.*)$", line)
                if m and (m.group(1), int(m.group(2))) in origin:
                    print(f"FAIL {origin[(m.group(1), int(m.group(2)))]}: does not compile: {m.group(3)}")
                elif "error:" in line:
                    print(line)
            print("guide kotlin blocks: compilation failed")
            return 1
        (classes / ".done").write_text(key)
        shutil.rmtree(src, ignore_errors=True)
        # Keep the cache small: this version, and the one the self-test plants.
        entries = sorted((p for p in cache.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime)
        for old in entries[:-4]:
            shutil.rmtree(old, ignore_errors=True)
    else:
        os.utime(classes)
        print("kotlinc skipped: guide blocks unchanged")
    classpath = ":".join(str(p) for p in [
        classes, bindings, jna, kotlin_home / "lib/kotlin-stdlib.jar", kotlin_home / "lib/kotlin-test.jar", coroutines])
    with tempfile.TemporaryDirectory(prefix="brobygger-guide-kt-") as tmp:
        # One scratch directory for the run (blocks of every document share it).
        work = scratch(Path("kotlin"), root, Path(tmp))
        done = subprocess.run(
            ["java", f"-Djna.library.path={ROOT / 'target/debug'}", "-cp", classpath, "dk.brobygger.guide.GuideMainKt"],
            cwd=work, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=600,
        )
    print(done.stdout.rstrip())
    return done.returncode


# ----- Swift ----------------------------------------------------------------------------------


def swift(root: Path = ROOT) -> int:
    sys.path.insert(0, str(ROOT / "scripts"))
    from swift_check import problems  # noqa: E402  (tree-sitter, shared with the bindings check)

    count = 0
    failed = 0
    for b in all_blocks(root):
        if b.lang != "swift" or not b.runs:
            continue
        count += 1
        for line, kind in problems(b.code):
            failed += 1
            print(f"FAIL {b.doc}:{b.line + line} ({b.where()}): {kind}")
    print(f"guide swift blocks: {count} parsed, {failed} problem(s)")
    return 1 if failed else 0


# ----- self-tests -----------------------------------------------------------------------------

PLANTED = {
    "shell": ("console", "$ brobygger validate no-such-file.json\n"),
    "kotlin": ("kotlin", 'check(DossierHandle.example("aalborg").title() == "planted") { "planted failure" }\n'),
    "swift": ("swift", "let x = = 1\n"),
    "inventory": ("", "let x = 1;\n"),
}


def planted_copy(tmp: Path, lang: str, code: str) -> tuple[Path, Path]:
    """A copy of the docs with one failing block appended to the guide's first chapter."""
    copy = tmp / "repo"
    copy.mkdir()
    for name in ("docs", "crates/core/src", "crates/py"):
        if name == "crates/py":
            (copy / name).mkdir(parents=True, exist_ok=True)
            shutil.copy(ROOT / name / "README.md", copy / name / "README.md")
        else:
            shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("target", "book"))
    shutil.copy(ROOT / "README.md", copy / "README.md")
    for name in ("tests", "examples", "target"):
        (copy / name).symlink_to(ROOT / name)
    chapter = copy / chapters(copy)[0]
    with chapter.open("a", encoding="utf-8") as f:
        f.write(f"\nA block planted by the self-test.\n\n```{lang}\n{code}```\n")
    return copy, chapter.relative_to(copy)


def self_test(what: str, runner: Callable[[Path], int]) -> int:
    lang, code = PLANTED[what]
    with tempfile.TemporaryDirectory(prefix="brobygger-guide-self-") as tmp:
        copy, chapter = planted_copy(Path(tmp), lang, code)
        done = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), what, "--root", str(copy)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=900,
        )
    named = str(chapter) in done.stdout
    if done.returncode != 0 and named:
        print(f"self-test: a failing {lang or 'unlabelled'} block planted in {chapter} fails the {what} runner, which names it")
        return 0
    print(done.stdout)
    print(f"self-test FAILED: the {what} runner {'passed' if done.returncode == 0 else 'did not name ' + str(chapter)}"
          " on a planted failing block")
    return 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["inventory", "shell", "kotlin", "swift"])
    parser.add_argument("--root", type=Path, default=ROOT, help="a copy of the repository (self-tests)")
    parser.add_argument("--self-test", action="store_true", help="check that a planted failing block fails")
    args = parser.parse_args()
    runners: dict[str, Callable[[Path], int]] = {"inventory": inventory, "shell": shell, "kotlin": kotlin, "swift": swift}
    if args.self_test:
        return self_test(args.what, runners[args.what])
    return runners[args.what](args.root.resolve())


if __name__ == "__main__":
    sys.exit(main())
