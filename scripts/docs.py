#!/usr/bin/env python3
"""Builds the documentation site from the guide, and checks its links (ADR 0059).

    docs.py guide OUT        the guide (docs/guide, mdBook layout: SUMMARY.md and chapters) as
                             HTML in OUT/guide, and OUT/index.html linking the guide and the API
                             references (OUT/python from pdoc, OUT/rust from rustdoc; scripts/docs.sh
                             puts them there)
    docs.py python OUT       the Python API reference in OUT/python (pdoc; see build_python)
    docs.py check OUT        every local link and image of the site's pages (the rustdoc tree is
                             left to rustdoc's own -D warnings) points at a file that exists, and
                             every #fragment into a guide page or the index at an id on it;
                             exits 1 and lists each broken link
    docs.py check --self-test  plants a broken link and a broken anchor in a copy, expects both

CommonMark with tables (markdown-it-py, the same dialect as mdBook's pulldown-cmark for what the
guide uses), code highlighted by Pygments, headings with mdBook's ids (so `chapter.md#heading`
links keep working), `.md` links turned into `.html`.
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs/guide"

STYLE = """
body { margin: 0; font: 16px/1.55 system-ui, sans-serif; color: #1d1d1f; display: flex; }
nav { width: 17rem; flex: none; padding: 1rem 1.2rem; background: #f4f4f6; min-height: 100vh;
      box-sizing: border-box; font-size: 15px; }
nav ul { padding-left: 1rem; } nav > ul { padding-left: 0; list-style: none; }
nav a.current { font-weight: 600; }
main { max-width: 52rem; padding: 1rem 2.5rem 4rem; min-width: 0; }
pre { background: #f6f8fa; padding: .8rem 1rem; overflow-x: auto; border-radius: 4px; }
code { font: 14px/1.45 ui-monospace, monospace; }
table { border-collapse: collapse; } th, td { border: 1px solid #ccd; padding: .25rem .6rem; }
th { background: #f0f0f4; } .pager { display: flex; justify-content: space-between; margin-top: 3rem; }
a { color: #0b57b0; }
"""


def slug(text: str) -> str:
    """mdBook's heading id: lower case, punctuation dropped, spaces as dashes."""
    kept = "".join(c for c in text.strip().lower() if c.isalnum() or c in " -_")
    return kept.replace(" ", "-")


def renderer():
    from markdown_it import MarkdownIt
    from pygments import highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    def hl(code: str, lang: str, _attrs: str) -> str:
        name = {"console": "console", "sh": "bash", "text": "text"}.get(lang, lang)
        try:
            lexer = get_lexer_by_name(name) if name else None
        except ClassNotFound:
            lexer = None
        if lexer is None:
            return ""  # markdown-it escapes and wraps it
        return highlight(code, lexer, HtmlFormatter(nowrap=True))

    md = MarkdownIt("commonmark", {"highlight": hl}).enable(["table", "strikethrough"])
    # mdBook info strings carry flags after a comma (`sh,ignore`): the language is before it.
    fence = md.renderer.rules["fence"]

    def fence_lang_only(_self, tokens, idx, options, env):
        t = tokens[idx]
        t.info = t.info.split(",")[0].strip()
        if t.info == "rust":
            # rustdoc's and mdBook's hidden lines: `# ` or a lone `#` is run but not shown.
            t.content = "".join(
                line for line in t.content.splitlines(keepends=True)
                if not (line.startswith("# ") or line.rstrip("\n") == "#")
            )
        return fence(tokens, idx, options, env)

    md.add_render_rule("fence", fence_lang_only)
    return md, HtmlFormatter().get_style_defs("pre")


def rewrite_links(tokens) -> None:
    """`chapter.md#x` → `chapter.html#x`, through nested inline tokens."""
    for t in tokens:
        if t.type == "link_open":
            href = t.attrs.get("href", "")
            parts = urlsplit(href)
            if not parts.scheme and parts.path.endswith(".md"):
                new = parts.path[:-3] + ".html"
                t.attrs["href"] = new + ("#" + parts.fragment if parts.fragment else "")
        if t.children:
            rewrite_links(t.children)


def heading_ids(tokens) -> None:
    seen: dict[str, int] = {}
    for i, t in enumerate(tokens):
        if t.type == "heading_open":
            base = slug(tokens[i + 1].content)
            n = seen.get(base, 0)
            seen[base] = n + 1
            t.attrs["id"] = base if n == 0 else f"{base}-{n}"


TYPESHED_SHIM = """\"\"\"typeshed's private helpers, for reading the stub at run time (docs only).\"\"\"
from typing import Any, Generic, TypeVar

_K = TypeVar("_K")
_V = TypeVar("_V")


class SupportsGetItem(Generic[_K, _V]):
    \"\"\"Anything indexable: a list, a tuple, a dict.\"\"\"


def __getattr__(name: str) -> Any:
    return Any
"""


FRAMES_SHIM = """\"\"\"A stand-in for {0}, which is not installed here (docs only).\"\"\"


class DataFrame:
    \"\"\"A {0} DataFrame.\"\"\"
"""


def build_python(out: Path) -> int:
    """The Python reference by pdoc over the installed package, its types from the committed stub.

    pdoc runs a stub as Python: the stub's forward references need postponed evaluation and its
    `_typeshed` import a stand-in, so pdoc reads a staged copy of the package (links to its files,
    the stub with `from __future__ import annotations` first, also as `__init__.pyi` so the
    names the package re-exports get their types too).
    """
    import subprocess

    src = ROOT / "crates/py/python/brobygger"
    dest = out / "python"
    if dest.exists():
        shutil.rmtree(dest)
    with tempfile.TemporaryDirectory(prefix="brobygger-pdoc-") as tmp:
        stage = Path(tmp)
        pkg = stage / "brobygger"
        pkg.mkdir()
        (stage / "_typeshed").mkdir()
        (stage / "_typeshed/__init__.py").write_text(TYPESHED_SHIM, encoding="utf-8")
        # The stub names pandas' and polars' DataFrame under `if TYPE_CHECKING:`, which pdoc
        # runs: a stand-in for one that is not installed, so its types still read as text.
        import importlib.util

        for frames in ("pandas", "polars"):
            if importlib.util.find_spec(frames) is None:
                (stage / frames).mkdir()
                (stage / frames / "__init__.py").write_text(FRAMES_SHIM.format(frames), encoding="utf-8")
        stub = "from __future__ import annotations\n" + (src / "_brobygger.pyi").read_text(encoding="utf-8")
        for f in src.iterdir():
            if f.name != "_brobygger.pyi" and f.name != "__pycache__":
                (pkg / f.name).symlink_to(f)
        (pkg / "_brobygger.pyi").write_text(stub, encoding="utf-8")
        (pkg / "__init__.pyi").write_text(stub, encoding="utf-8")
        env = dict(__import__("os").environ, PYTHONPATH=str(stage))
        # The pure-Python modules; the engines' only where their engine is installed.
        modules = ["brobygger"] + [f"brobygger.{m}" for m in ("tables", "frames", "tabular", "scale", "display")]
        modules += [f"brobygger.{m}" for m, dep in (("dask", "dask"), ("spark", "pyspark"))
                    if importlib.util.find_spec(dep) is not None]
        done = subprocess.run(
            [sys.executable, "-m", "pdoc", *modules, "--docformat", "restructuredtext", "-o", str(dest)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
    warnings = [line for line in done.stdout.splitlines() if line.startswith("Warn")]
    for w in warnings:
        print(w[:200])
    if done.returncode != 0:
        print(done.stdout[-3000:])
        return 1
    print(f"docs: Python reference in {dest} ({len(warnings)} warning(s))")
    return 0


def chapters() -> list[tuple[str, str]]:
    """(title, file) of every chapter, in SUMMARY.md's order."""
    text = (GUIDE / "src/SUMMARY.md").read_text(encoding="utf-8")
    return re.findall(r"\[([^\]]+)\]\(([^)]+\.md)\)", text)


def build_guide(out: Path) -> int:
    md, pygments_css = renderer()
    guide = out / "guide"
    if guide.exists():
        shutil.rmtree(guide)
    guide.mkdir(parents=True)
    (guide / "style.css").write_text(STYLE + pygments_css, encoding="utf-8")
    order = chapters()
    summary_tokens = md.parse((GUIDE / "src/SUMMARY.md").read_text(encoding="utf-8"))
    rewrite_links(summary_tokens)
    # The table of contents without SUMMARY's own title.
    start = next((i for i, t in enumerate(summary_tokens) if t.type == "heading_close"), -1) + 1
    toc = md.renderer.render(summary_tokens[start:], md.options, {})
    title = "The brobygger guide"
    for k, (name, file) in enumerate(order):
        src = GUIDE / "src" / file
        tokens = md.parse(src.read_text(encoding="utf-8"))
        rewrite_links(tokens)
        heading_ids(tokens)
        body = md.renderer.render(tokens, md.options, {})
        page = file[:-3] + ".html"
        nav = toc.replace(f'href="{page}"', f'href="{page}" class="current"')
        prev_link = f'<a href="{order[k - 1][1][:-3]}.html">← {html.escape(order[k - 1][0])}</a>' if k else "<span></span>"
        next_link = f'<a href="{order[k + 1][1][:-3]}.html">{html.escape(order[k + 1][0])} →</a>' if k + 1 < len(order) else "<span></span>"
        (guide / page).write_text(
            "<!DOCTYPE html>\n"
            f'<html lang="en"><head><meta charset="utf-8"><title>{html.escape(name)} - {title}</title>\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<link rel="stylesheet" href="style.css"></head>\n'
            f'<body><nav><p><a href="../index.html">brobygger docs</a></p>{nav}</nav>\n'
            f'<main>{body}<div class="pager">{prev_link}{next_link}</div></main></body></html>\n',
            encoding="utf-8",
        )
    first = order[0][1][:-3] + ".html"
    (out / "index.html").write_text(
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8"><title>brobygger documentation</title>\n'
        '<link rel="stylesheet" href="guide/style.css"></head>\n'
        "<body><main><h1>brobygger documentation</h1>\n"
        "<p>Partnerships between Danish municipalities and civil society that receive refugees, "
        "as data and executable rules: a Rust library with Python, Kotlin and Swift bindings.</p>\n"
        "<ul>\n"
        f'<li><a href="guide/{first}">The guide</a>: every capability, with examples in Rust, '
        "Python, Kotlin, Swift and on the command line (each run by the test command).</li>\n"
        '<li><a href="python/brobygger.html">Python API reference</a> (the package '
        "<code>brobygger</code>, from its docstrings and type stub).</li>\n"
        '<li><a href="rust/brobygger/index.html">Rust API reference</a>: the crate '
        '<code>brobygger</code>, and <a href="rust/brobygger_store/index.html">'
        "<code>brobygger_store</code></a> (the SQLite store).</li>\n"
        "</ul>\n"
        "<p>Kotlin and Swift: the generated bindings carry the core's documentation; see the "
        f'guide\'s <a href="guide/mobile.html">mobile chapter</a>.</p>\n'
        "</main></body></html>\n",
        encoding="utf-8",
    )
    print(f"docs: guide {len(order)} pages in {guide}")
    return 0


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k in ("href", "src") and v is not None and tag != "base":
                self.links.append(v)
            if k in ("id", "name") and v:
                self.ids.add(v)


def parse(path: Path) -> Links:
    p = Links()
    p.feed(path.read_text(encoding="utf-8", errors="replace"))
    return p


def check(out: Path) -> int:
    out = out.resolve()
    pages = [p for p in sorted(out.rglob("*.html")) if not p.is_relative_to(out / "rust")]
    if not pages:
        print(f"docs: no pages in {out}")
        return 1
    anchors_checked = {out / "index.html"} | set((out / "guide").glob("*.html"))
    parsed: dict[Path, Links] = {}
    broken: list[str] = []
    local = external = 0
    for page in pages:
        links = parsed.setdefault(page, parse(page))
        for href in links.links:
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                external += 1
                continue
            local += 1
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not target.is_relative_to(out):
                broken.append(f"{page.relative_to(out)}: {href} leaves the site")
                continue
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(out)}: {href} (no such file)")
                continue
            if parts.fragment and target in anchors_checked:
                ids = parsed.setdefault(target, parse(target)).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{page.relative_to(out)}: {href} (no such anchor)")
    for b in broken:
        print(f"BROKEN {b}")
    print(f"docs: {len(pages)} pages, {local} local links checked ({external} external not followed), "
          f"{len(broken)} broken")
    return 1 if broken else 0


def self_test() -> int:
    """A planted broken link and a broken anchor must both be reported."""
    with tempfile.TemporaryDirectory(prefix="brobygger-docs-") as tmp:
        out = Path(tmp)
        (out / "guide").mkdir()
        (out / "guide/a.html").write_text('<h1 id="here">A</h1><a href="b.html#here">b</a>', encoding="utf-8")
        (out / "guide/b.html").write_text('<a href="a.html#here">ok</a><a href="a.html#nowhere">x</a>', encoding="utf-8")
        (out / "index.html").write_text('<a href="guide/a.html">a</a><a href="guide/missing.html">m</a>', encoding="utf-8")
        import contextlib
        import io

        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            rc = check(out)
        text = buf.getvalue()
        want = ["guide/b.html: a.html#nowhere (no such anchor)", "index.html: guide/missing.html (no such file)",
                "guide/a.html: b.html#here (no such anchor)"]
        missing = [w for w in want if w not in text]
        if rc != 1 or missing or "3 broken" not in text:
            print(f"docs check self-test FAILED: rc={rc}, missing {missing}\n{text}")
            return 1
    print("docs check self-test: the planted broken links were found")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("what", choices=["guide", "python", "check"])
    ap.add_argument("out", nargs="?", type=Path, default=ROOT / "build/site")
    ap.add_argument("--self-test", action="store_true")
    args = ap.parse_args()
    if args.what == "guide":
        return build_guide(args.out)
    if args.what == "python":
        return build_python(args.out)
    if args.self_test:
        return self_test()
    return check(args.out)


if __name__ == "__main__":
    sys.exit(main())
