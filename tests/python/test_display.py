"""Notebook display: reports, assessments, alignments, match runs, role splits and findings
show as self-contained, escaped HTML in Jupyter with pseudonymous ids only, and have a readable
repr."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

import brobygger as bb

EXTERNAL = re.compile(r"<script|<link|<iframe|\bsrc=\"https?:|\bhref=\"https?:|@import", re.I)


def displays(name: str) -> list[tuple[str, str]]:
    """Every object of a built-in example that Jupyter would show, with its HTML."""
    d = bb.Dossier.example(name)
    day = bb.example_reference_date(name)
    out: list[tuple[str, str]] = []
    for ag in d.agreements:
        roles = bb.Roles(d, ag.id)
        out.append(("Roles", roles._repr_html_()))
        out.append(("RoleMatrix", roles.matrix()._repr_html_()))
        assessment = d.assessment.assess(ag.id, day)
        out.append(("Assessment", assessment._repr_html_()))
        out.append(("Report", d.assessment.report(ag.id, day)._repr_html_()))
        out += [("ChecklistAlignment", a._repr_html_()) for a in d.checklists.alignments(ag.id)]
        out.append(("Findings", bb.Findings([f.finding for f in assessment.findings])._repr_html_()))
    for cohort in d.cohorts:
        run = d.matching.match_cohort(cohort["id"], d.rule_sets[0].id, as_of=dt.date(2016, 4, 1))
        out.append(("MatchRun", run._repr_html_()))
    return out


@pytest.mark.parametrize("name", bb.example_names())
def test_html_is_self_contained_and_names_no_person(name: str) -> None:
    d = bb.Dossier.example(name)
    people = d.to_dict()["people"]
    shown = displays(name)
    kinds = {k for k, _ in shown}
    assert {"Roles", "RoleMatrix", "Assessment", "Report", "Findings"} <= kinds
    for kind, html in shown:
        assert html.strip(), kind
        assert not EXTERNAL.search(html), f"{kind} loads something from outside"
        for p in people:
            assert p["name"] not in html, f"{kind} shows a person's name"
            if p.get("email"):
                assert p["email"] not in html, f"{kind} shows an e-mail address"  # type: ignore[operator]
            assert p["id"] not in html, f"{kind} shows a person id"


STYLE = re.compile(r"<style>(.*?)</style>", re.S)


@pytest.mark.parametrize("name", bb.example_names())
def test_styles_are_scoped_so_the_notebook_keeps_its_own(name: str) -> None:
    for kind, html in displays(name):
        assert "<body" not in html and "<html" not in html and "<head" not in html, kind
        assert re.match(r'<div class="bb-(report|page)" lang="(da|en)">', html), kind
        for css in STYLE.findall(html):
            # The rules inside an @media block are checked like the others.
            for rule in re.sub(r"@media[^{]*\{", "", css).split("}"):
                if "{" not in rule:
                    continue
                for selector in rule.split("{")[0].split(","):
                    assert selector.strip().startswith((".bb-report", ".bb-page")), (kind, selector)


def test_every_kind_of_display_is_covered() -> None:
    kinds = {k for n in bb.example_names() for k, _ in displays(n)}
    assert kinds == {"Roles", "RoleMatrix", "Assessment", "Report", "ChecklistAlignment", "Findings", "MatchRun"}


def test_match_run_html_shows_the_outcome_and_escapes_ids() -> None:
    d = bb.Dossier.example("ikast-brande")
    run = d.matching.match_cohort("ikast-2016-q1", "vvv-ikast", as_of=dt.date(2016, 4, 1))
    assert run._repr_html_().startswith('<div class="bb-report" lang="da">')  # bb.options.lang
    html = run.html("en")
    assert html.startswith('<div class="bb-report" lang="en">')
    for newcomer, offer, _ in run.pairs():
        assert newcomer in html and offer in html
    assert "nc-5120-7741" in html and "Not matched" in html and "speaks Tigrinya" in html
    da = run.html("da")
    assert "Uden match" in da and "Forslag" in da and "gennemsnit 5,43 point" in da
    # Ids are data from the caller: they are escaped, never markup.
    newcomers = [dict(n) for n in d.cohorts[0]["newcomers"]]
    newcomers[0]["id"] = "<img src=x onerror=alert(1)>"
    evil = bb.match_profiles(d.rule_sets[0], newcomers, d.offers, as_of=dt.date(2016, 4, 1))
    html = evil._repr_html_()
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_findings_list_shows_counts_table_and_escapes() -> None:
    invalid = bb.Dossier.load(bb_fixture("validation/many-problems.input.json")).validate()
    found = bb.Findings(invalid, lang="en")
    assert isinstance(found, list) and len(found) == len(invalid)
    assert found.count_by_severity() == {"error": 28, "warning": 4, "info": 0}
    assert repr(found) == "Findings(32: 28 errors, 4 warnings, 0 info)"
    html = found._repr_html_()
    assert "32 findings: 28 errors, 4 warnings, 0 info" in html
    assert html.count("<tr>") == 1 + 32
    assert all(f.code in html for f in found)
    assert "fejl" in found.html("da")
    assert len(found.errors()) == 28 and isinstance(found.errors(), bb.Findings)
    empty = bb.Findings()
    assert "<table>" not in empty._repr_html_()
    with pytest.raises(TypeError):
        bb.Findings(["not a finding"])  # type: ignore[list-item]
    with pytest.raises(bb.InvalidInputError):
        bb.Findings([], lang="de")


def bb_fixture(relative: str) -> str:
    from conftest import FIXTURES

    return str(FIXTURES / relative)


@pytest.mark.parametrize(
    "make, pattern",
    [
        (lambda: bb.Dossier.example("aalborg"), r"^Dossier\("),
        (lambda: bb.Dossier.example("aalborg").assessment.assess("aalborg-lbb", dt.date(2017, 6, 30)),
         r'^Assessment\("aalborg-lbb", as_of=2017-06-30, overall=\d+, findings=\d+\)$'),
        (lambda: bb.Dossier.example("aalborg").assessment.report("aalborg-lbb", dt.date(2017, 6, 30), "en"),
         r'^Report\("aalborg-lbb", as_of=2017-06-30, lang="en"\)$'),
        (lambda: bb.Dossier.example("ikast-brande").matching.match_cohort("ikast-2016-q1", "vvv-ikast", as_of=dt.date(2016, 4, 1)),
         r'^MatchRun\("vvv-ikast-ikast-2016-q1-optimal-2016-04-01", matched=20, unmatched=28\)$'),
        (lambda: bb.Roles(bb.Dossier.example("aalborg"), "aalborg-lbb"), r'^Roles\("aalborg-lbb"\)$'),
        (lambda: bb.Dossier.example("horsens").checklists.alignments("horsens-lawan")[0],
         r'^ChecklistAlignment\("horsens-lawan", "joint-expectations", score=0\.718\)$'),
        (lambda: bb.Dossier.example("aalborg").agreements[0], r"^Agreement\("),
    ],
)
def test_reprs_are_readable(make: Any, pattern: str) -> None:
    text = repr(make())
    assert re.match(pattern, text), text
    assert len(text) < 200


def test_html_and_repr_never_show_sensitive_profile_values() -> None:
    d = bb.Dossier.example("ikast-brande")
    run = d.matching.match_cohort("ikast-2016-q1", "vvv-ikast", as_of=dt.date(2016, 4, 1))
    for text in (run._repr_html_(), repr(run), run.html("da")):
        for n in d.cohorts[0]["newcomers"]:
            # Exact coordinates and children's ages are never shown.
            assert str(n["location"]["lat"]) not in text  # type: ignore[index]
            for age in n["household"].get("children_ages", []):
                assert f"age {age}" not in text
