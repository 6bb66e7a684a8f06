"""The HTML people look at, in a real browser: every shareable HTML report (the partnership
report, the role matrix, the checklist comparison) and every notebook display (`_repr_html_` of
the main result objects) of the built-in examples, opened in Debian's chromium driven by
playwright (scripts/setup.sh installs both; `playwright install` is not needed).

For each page: no console error and no script error, no request for anything but the page
itself, every chart (inline SVG) drawn with a size, `lang` set to the language asked for,
suppressed cells shown as suppressed (never a number), and no horizontal overflow at a phone's
width (375 px). A screenshot of each at that width is kept under build/browser/ as a test
artefact.

Run by scripts/test.sh as its own step ("browser: reports and displays").
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import brobygger as bb
from brobygger.types import AnswerTallyDict, Lang

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(os.environ.get("BROBYGGER_BUILD", ROOT / "build")) / "browser"
CHROMIUM = os.environ.get("BROBYGGER_CHROMIUM", "/usr/bin/chromium")
PHONE = {"width": 375, "height": 740}

# How a hidden survey share reads in the table and in the chart.
SUPPRESSED_WORDS = {"da": "færre end 5 svar", "en": "fewer than 5 answers"}
SUPPRESSED_CHART = {"da": "for få svar til at vise", "en": "too few answers to show"}


@dataclass
class Page:
    """One page to open: its file name, its HTML, its language and what it must show."""

    name: str
    html: str
    lang: str
    # A whole document (the report's `<html lang>`) or a fragment shown in a notebook cell.
    document: bool
    min_charts: int = 0
    # Survey shares hidden for small groups: the words that must stand where a number would.
    suppressed_shares: bool = False
    # The outcome view: rows with a reason in the last column show no number.
    suppressed_cells: int = 0
    extra: dict[str, str] = field(default_factory=dict)


def notebook(fragment: str) -> str:
    """A fragment as Jupyter shows it: inside a page that is not ours (no `lang`, no styles)."""
    return (
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<title>notebook</title></head>\n<body>\n" + fragment + "\n</body></html>\n"
    )


def outcome_dossier() -> bb.Dossier:
    """Ikast-Brande's cohort with outcomes recorded, so that the view has hidden cells."""
    d = bb.Dossier.example("ikast-brande")
    cohort = d.cohorts[0]
    for i, n in enumerate(cohort["newcomers"]):
        d.outcomes.record(
            n["id"], cohort["id"], dt.date(2016, 12, 1),
            employment="employed" if i < 6 else "unemployed", self_supporting=i < 6, danish="b1", network="wider",
        )
    return d


def small_group_dossier() -> bb.Dossier:
    """Aalborg with only three municipal staff answering the last survey: their shares (and, by
    the secondary suppression, one more) must show as hidden, in the chart and the table."""
    d = bb.Dossier.example("aalborg").to_dict()
    last = d["surveys"][-1]
    kept: list[AnswerTallyDict] = []
    for tally in last["tallies"]:
        if tally["group"] == "municipal_staff":
            if any(k["group"] == "municipal_staff" and k["question"] == tally["question"] for k in kept):
                continue
            tally = tally.copy()
            tally["count"] = 3
        kept.append(tally)
    last["tallies"] = kept
    return bb.Dossier.from_json(json.dumps(d))


LANGS: tuple[Lang, ...] = ("da", "en")


def pages() -> Iterator[Page]:
    small = small_group_dossier()
    for lang in LANGS:
        report = small.assessment.report("aalborg-lbb", dt.date(2017, 6, 30), lang)
        yield Page(f"report-small-groups-{lang}", report.html(), lang, True, min_charts=1, suppressed_shares=True)
    small_shown = small.assessment.report("aalborg-lbb", dt.date(2017, 6, 30))._repr_html_()
    yield Page("display-small-groups-Report", notebook(small_shown), "da", False, min_charts=1, suppressed_shares=True)
    for name in bb.example_names():
        d = bb.Dossier.example(name)
        day = bb.example_reference_date(name)
        for ag in d.agreements:
            for lang in LANGS:
                report = d.assessment.report(ag.id, day, lang)
                yield Page(f"report-{ag.id}-{lang}", report.html(), lang, True, min_charts=1)
                matrix = bb.Roles(d, ag.id).matrix()
                yield Page(f"roles-{ag.id}-{lang}", matrix.html(lang), lang, True)
            for al in d.checklists.alignments(ag.id):
                template = al.template
                for lang in LANGS:
                    html = d.checklists.render_comparison(ag.id, template, "html", lang)
                    yield Page(f"checklist-{ag.id}-{template}-{lang}", html, lang, True)
            # The notebook displays, in the library's default language (Danish).
            roles = bb.Roles(d, ag.id)
            assessment = d.assessment.assess(ag.id, day)
            report = d.assessment.report(ag.id, day)
            shown: list[tuple[str, str, int]] = [
                ("Roles", roles._repr_html_(), 0),
                ("RoleMatrix", roles.matrix()._repr_html_(), 0),
                ("Assessment", assessment._repr_html_(), 1),
                ("Report", report._repr_html_(), 1),
                ("Findings", bb.Findings([f.finding for f in assessment.findings])._repr_html_(), 0),
            ]
            shown += [("ChecklistAlignment", a._repr_html_(), 0) for a in d.checklists.alignments(ag.id)]
            for i, (kind, html, charts) in enumerate(shown):
                yield Page(f"display-{ag.id}-{kind}-{i}", notebook(html), "da", False, min_charts=charts)
        for cohort in d.cohorts:
            run = d.matching.match_cohort(cohort["id"], d.rule_sets[0].id, as_of=dt.date(2016, 4, 1))
            yield Page(f"display-{name}-MatchRun", notebook(run._repr_html_()), "da", False)
        yield Page(f"display-{name}-Directory", notebook(d.directory.build(day)._repr_html_()), "da", False)
    view = outcome_dossier().outcomes.cohort_view("ikast-2016-q1", dt.date(2017, 1, 1))
    hidden = sum(1 for c in view.cells if c["suppression"])
    yield Page("display-ikast-brande-OutcomeView", notebook(view._repr_html_()), "da", False, suppressed_cells=hidden)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no browser at {CHROMIUM}: scripts/setup.sh installs Debian's chromium")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            yield b
        finally:
            b.close()


def test_every_page_reads_in_a_browser(browser: object) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.png"):
        old.unlink()
    context = browser.new_context(viewport=PHONE, java_script_enabled=True)  # type: ignore[attr-defined]
    # One tab for every page (a new tab each time costs more than the checks), with what it
    # reports collected per page.
    tab = Tab(context.new_page())
    problems: list[str] = []
    seen = 0
    kinds: set[str] = set()
    for page_spec in pages():
        seen += 1
        kinds.add(page_spec.name.split("-")[0] if not page_spec.name.startswith("display-") else page_spec.name.rsplit("-", 2)[-2])
        problems += check(tab, page_spec)
    context.close()
    assert seen > 40, seen
    assert {"report", "roles", "checklist", "Roles", "RoleMatrix", "Assessment", "Report", "Findings",
            "ChecklistAlignment"} <= kinds, kinds
    assert not problems, "\n".join(problems)


class Tab:
    """A browser tab and what it reported since the last page was opened in it."""

    def __init__(self, page: object) -> None:
        self.page = page
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: self.errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)  # type: ignore[attr-defined]
        page.on("pageerror", lambda e: self.errors.append(f"script error: {e}"))  # type: ignore[attr-defined]
        page.on("request", lambda r: self.requests.append(r.url))  # type: ignore[attr-defined]

    def open(self, url: str) -> object:
        self.errors.clear()
        self.requests.clear()
        self.page.goto(url, wait_until="load")  # type: ignore[attr-defined]
        return self.page


def check(tab: Tab, spec: Page) -> list[str]:
    path = OUT / f"{spec.name}.html"
    path.write_text(spec.html, encoding="utf-8")
    url = path.as_uri()
    page = tab.open(url)
    out: list[str] = [f"{spec.name}: {e}" for e in tab.errors]
    out += [f"{spec.name}: requested {r}" for r in tab.requests if r != url and not r.startswith("data:")]

    facts = page.evaluate(  # type: ignore[attr-defined]
        """() => {
            const root = document.documentElement;
            const wrapper = document.querySelector('[lang]');
            const svgs = [...document.querySelectorAll('svg')].map(s => {
                const r = s.getBoundingClientRect();
                return [r.width, r.height, r.right];
            });
            // What sticks out, named only when the page is too wide (the scan costs time).
            const tooWide = root.scrollWidth > window.innerWidth + 1;
            const wide = !tooWide ? [] : [...document.body.querySelectorAll('*')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .filter(e => !e.closest('.scroll'))
                .slice(0, 3)
                .map(e => e.tagName + (e.className && typeof e.className === 'string' ? '.' + e.className : ''));
            return {
                lang: root.getAttribute('lang'),
                wrapperLang: wrapper ? wrapper.getAttribute('lang') : null,
                svgs,
                scrollWidth: root.scrollWidth,
                innerWidth: window.innerWidth,
                wide,
            };
        }"""
    )
    if spec.document:
        if facts["lang"] != spec.lang:
            out.append(f"{spec.name}: <html lang> is {facts['lang']!r}, not {spec.lang!r}")
    elif facts["wrapperLang"] not in ("da", "en"):
        # A display picks its own language; the element that holds it must say which.
        out.append(f"{spec.name}: the display does not say its language ({facts['wrapperLang']!r})")
    if len(facts["svgs"]) < spec.min_charts:
        out.append(f"{spec.name}: {len(facts['svgs'])} charts, expected at least {spec.min_charts}")
    for w, h, _ in facts["svgs"]:
        if w < 1 or h < 1:
            out.append(f"{spec.name}: a chart is not drawn ({w}x{h})")
    if facts["scrollWidth"] > facts["innerWidth"] + 1:
        out.append(
            f"{spec.name}: wider than a phone ({facts['scrollWidth']} px > {facts['innerWidth']} px): {facts['wide']}"
        )
    if spec.suppressed_shares:
        out += suppressed_shares(page, spec)
    if spec.suppressed_cells:
        out += suppressed_cells(page, spec)
    # The top of the page at a phone's width: what a reader sees first (a whole long report as
    # an image costs more than every check together).
    page.screenshot(path=str(OUT / f"{spec.name}.png"))  # type: ignore[attr-defined]
    return out


def suppressed_shares(page: object, spec: Page) -> list[str]:
    """A survey share hidden for a small group reads as such in its table row, with no number."""
    words = SUPPRESSED_WORDS[spec.lang]
    rows = page.evaluate(  # type: ignore[attr-defined]
        """(words) => [...document.querySelectorAll('tr')]
            .filter(tr => tr.innerText.includes(words))
            .map(tr => [...tr.querySelectorAll('td')].map(td => td.innerText.trim()))""",
        words,
    )
    if not rows:
        return [f"{spec.name}: no survey row shows {words!r}"]
    charted = page.evaluate(  # type: ignore[attr-defined]
        "(words) => [...document.querySelectorAll('svg text')].filter(t => t.textContent.includes(words)).length",
        SUPPRESSED_CHART[spec.lang],
    )
    out = [] if charted else [f"{spec.name}: the chart does not show the hidden share as hidden"]
    for cells in rows:
        at = next(i for i, c in enumerate(cells) if words in c)
        # The cell after the hidden share is its interval: a dash, never numbers.
        if at + 1 < len(cells) and re.search(r"\d", cells[at + 1]):
            out.append(f"{spec.name}: a hidden share still shows an interval: {cells}")
    return out


def suppressed_cells(page: object, spec: Page) -> list[str]:
    """Every hidden cell of the outcome view shows its reason and no number."""
    rows = page.evaluate(  # type: ignore[attr-defined]
        """() => [...document.querySelectorAll('tbody tr')]
            .map(tr => [...tr.querySelectorAll('td')].map(td => td.innerText.trim()))"""
    )
    hidden = [r for r in rows if r and r[-1] not in ("", "–")]
    out = []
    if len(hidden) != spec.suppressed_cells:
        out.append(f"{spec.name}: {len(hidden)} rows shown as hidden, the view hides {spec.suppressed_cells}")
    for r in hidden:
        if any(re.search(r"\d", c) for c in r[3:-1]):
            out.append(f"{spec.name}: a hidden cell shows a number: {r}")
    return out


# What a notebook's own style sheet does to tables (JupyterLab's `.jp-RenderedHTMLCommon` rules,
# the classic notebook's `.rendered_html` ones are the same): every cell right-aligned, a fixed
# table layout that clips long cells, the table centred. Placed after the fragment, the worst
# case, since the notebook's sheet may come before or after ours.
JUPYTER_CSS = """
.jp-RenderedHTMLCommon table{border-collapse:collapse;border-spacing:0;border:none;font-size:13px;
  table-layout:fixed;margin-left:auto;margin-bottom:1em;margin-right:auto}
.jp-RenderedHTMLCommon td,.jp-RenderedHTMLCommon th,.jp-RenderedHTMLCommon tr{text-align:right;
  vertical-align:middle;padding:.5em;line-height:normal;white-space:normal;max-width:none;border:none}
.jp-OutputArea-output{width:600px;overflow-x:auto}
"""


def in_jupyter(fragment: str) -> str:
    return (
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>notebook</title></head>\n<body>\n"
        '<div class="jp-OutputArea-output jp-RenderedHTMLCommon">' + fragment + "</div>\n"
        f"<style>{JUPYTER_CSS}</style>\n</body></html>\n"
    )


def test_the_findings_table_reads_left_to_right_in_jupyter(browser: object) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    found = bb.Dossier.load(str(ROOT / "tests/fixtures/validation/many-problems.input.json")).validate()
    context = browser.new_context(viewport={"width": 800, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    problems: list[str] = []
    for lang in ("da", "en"):
        path = OUT / f"jupyter-findings-{lang}.html"
        path.write_text(in_jupyter(bb.Findings(found, lang=lang)._repr_html_()), encoding="utf-8")
        page.goto(path.as_uri(), wait_until="load")
        facts = page.evaluate(
            """() => {
                const table = document.querySelector('.bb-report table');
                const cells = [...table.querySelectorAll('td, th')];
                return {
                    layout: getComputedStyle(table).tableLayout,
                    aligned: cells.filter(c => !c.classList.contains('num'))
                        .map(c => getComputedStyle(c).textAlign),
                    clipped: cells.filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.innerText.slice(0, 40)),
                    left: table.getBoundingClientRect().left - table.closest('.bb-report').getBoundingClientRect().left,
                };
            }"""
        )
        if facts["layout"] != "auto":
            problems.append(f"{lang}: table-layout {facts['layout']}")
        wrong = {a for a in facts["aligned"] if a not in ("left", "start")}
        if wrong:
            problems.append(f"{lang}: cells aligned {wrong}")
        if facts["clipped"]:
            problems.append(f"{lang}: clipped cells {facts['clipped'][:3]}")
        if facts["left"] > 40:
            problems.append(f"{lang}: the table is not at the left ({facts['left']} px in)")
        page.screenshot(path=str(OUT / f"jupyter-findings-{lang}.png"))
    context.close()
    assert not problems, "\n".join(problems)
