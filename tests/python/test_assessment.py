"""Assessment, surveys and reports through the Python binding: the same answers as Rust on the
shared fixtures (tests/fixtures/assessment), conversion of external findings and report
sections, typed errors, and HTML for Jupyter."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import brobygger as bb
from conftest import FIXTURES, cases, expected

ASSESSMENT = FIXTURES / "assessment"


def digest(a: bb.Assessment) -> dict[str, Any]:
    """The same projection the Rust fixture test writes, built from `to_dict()`."""
    d = a.to_dict()
    return {
        "agreement": d["agreement"],
        "as_of": d["as_of"],
        "status": d["status"],
        "version": d["version"],
        "overall": d["overall"],
        "overall_band": d["overall_band"],
        "dimensions": [{"dimension": x["dimension"], "score": x["score"], "band": x["band"]} for x in d["dimensions"]],
        "checks": [{"code": c["code"], "status": c["status"], "credit": c["credit"]} for c in d["checks"]],
        "findings": [
            {
                "code": f["finding"]["code"],
                "severity": f["finding"]["severity"],
                "path": f["finding"]["path"],
                "dimension": f["dimension"],
                "check": f["check"],
            }
            for f in d["findings"]
        ],
    }


def external(groups: list[dict[str, Any]]) -> dict[str, list[Any]]:
    return {g["source"]: g["findings"] for g in groups}


@pytest.mark.parametrize(("case", "path"), cases("assessment"))
def test_fixture_case(case: str, path: Path) -> None:
    inp = json.loads(path.read_text(encoding="utf-8"))
    want = expected(path)
    d = bb.Dossier.example(inp["example"])
    as_of = dt.date.fromisoformat(inp["as_of"])
    if "error" in want:
        with pytest.raises(bb.BrobyggerError) as info:
            d.assessment.assess(inp["agreement"], as_of, external=external(inp["external"]))
        assert info.value.code == want["error"]["code"], case
        if isinstance(info.value, bb.InvalidInputError):
            assert info.value.path == want["error"]["path"], case
        return
    a = d.assessment.assess(inp["agreement"], as_of, external=external(inp["external"]))
    assert digest(a) == want, case


def test_findings_carry_evidence_advice_and_sources() -> None:
    d = bb.Dossier.example("aalborg")
    a = d.assessment.assess("aalborg-lbb", dt.date(2017, 6, 30))
    assert (a.agreement, a.status, a.version, a.as_of) == ("aalborg-lbb", "active", 2, dt.date(2017, 6, 30))
    assert a.overall is not None and 0 <= a.overall <= 100
    late = next(f for f in a.findings if f.code == "assessment.short_notice")
    assert late.path == "agreements[0].meetings[1].invited_on"
    assert late.severity == "warning" and late.dimension == "meetings" and late.check == "assessment.short_notice"
    assert late.evidence == ["agreements[0].meetings[1]", "agreements[0].versions[0].terms.routines[0].notice_days"]
    # The evidence in words, as every report shows it (the core's names; the paths wait in the
    # report's appendix).
    assert late.evidence_words("da") == [
        "mødet «Styregruppemøde» den 7. december 2016",
        "varslet for mødet «Styregruppemøde» (kvartalsvis), aftalens version 1",
    ]
    assert late.evidence_words("en")[1] == "the notice for the “Styregruppemøde” meeting (quarterly), agreement version 1"
    matrix = bb.Roles(bb.Dossier.example("ikast-brande"), "ikast-vvv").matrix()
    assert len(matrix.finding_words("en")) == len(matrix.findings)
    assert matrix.finding_words("en")[0] == "the coordination time of Røde Kors Ikast, agreement version 1"
    assert "14" in late.message("en") and "varsel" in late.advice("da")
    assert late.finding.citation == '001 "Handling i fokus"'
    meetings = a.dimension("meetings")
    assert meetings is not None
    assert meetings["score"] == 85 and "Invitations in good time" in meetings["reason"]["en"]
    short_notice = a.check("assessment.short_notice")
    assert short_notice is not None and short_notice["credit"] == 0.75
    with pytest.raises(bb.InvalidInputError):
        a.dimension("happiness")
    assert bb.Assessment is type(a) and a == d.assessment.assess("aalborg-lbb", dt.date(2017, 6, 30))
    assert json.loads(a.to_json()) == a.to_dict()


def test_external_findings_go_in_as_objects_or_dicts() -> None:
    d = bb.Dossier.example("aalborg")
    # A Finding object from another module (here: a validation finding re-filed) or a dict.
    as_dict = {
        "code": "roles.statutory_outside_municipality",
        "severity": "error",
        "path": "agreements[0].versions[1].terms.roles.assignments[0]",
        "text": {"da": "Lovpligtig opgave hos frivillige.", "en": "A statutory task with volunteers."},
    }
    # Given groups replace the library's own roles and checklists findings.
    a = d.assessment.assess("aalborg-lbb", dt.date(2017, 6, 30), external={"roles": [as_dict], "checklists": []})
    assert a.external_sources == ["roles", "checklists"]
    routed = next(f for f in a.findings if f.code == "roles.statutory_outside_municipality")
    assert (routed.dimension, routed.check) == ("roles", "assessment.statutory_tasks")
    for code in ("assessment.expectation_alignment", "assessment.role_split"):
        check = a.check(code)
        assert check is not None and check["status"] == "met", code
    # Round trip: a Finding object taken from an assessment goes back in unchanged.
    again = d.assessment.assess("aalborg-lbb", dt.date(2017, 6, 30), external={"roles": [routed.finding], "checklists": []})
    assert again == a
    # A code the roles module does not have is refused rather than guessed at.
    with pytest.raises(bb.InvalidInputError) as info:
        d.assessment.assess("aalborg-lbb", dt.date(2017, 6, 30), external={"roles": [{**as_dict, "code": "roles.statutory_task_to_volunteers"}]})
    assert (info.value.code, info.value.path) == ("assessment.unrouted_finding", "external[0].findings[0].code")
    with pytest.raises(bb.InvalidInputError) as info:
        d.assessment.assess("aalborg-lbb", dt.date(2017, 6, 30), external={"budget": []})
    assert info.value.code == "assessment.unknown_source" and info.value.path == "external[0].source"
    with pytest.raises(bb.InvalidInputError) as info:
        d.assessment.assess("aalborg-lbb", dt.date(2017, 6, 30), external={"roles": [{"code": "roles.x"}]})
    assert info.value.path.startswith("external.roles[0]")
    with pytest.raises(bb.NotFoundError):
        d.assessment.assess("nope", dt.date(2017, 6, 30))
    # A date may be given as text (issue 21); a number is still a TypeError.
    assert d.assessment.assess("aalborg-lbb", "2017-06-30").as_of == dt.date(2017, 6, 30)
    with pytest.raises(TypeError):
        d.assessment.assess("aalborg-lbb", 20170630)  # type: ignore[arg-type]


def test_survey_figures_match_rust() -> None:
    d = bb.Dossier.example("aalborg")
    want = json.loads((ASSESSMENT / "survey-aalborg.expected.json").read_text(encoding="utf-8"))
    for rid, rows in want["results"].items():
        assert d.surveys.results(rid) == rows
    assert d.surveys.compare("aalborg-lbb-2015", "aalborg-lbb-2016") == want["changes"]
    volunteers = next(
        r for r in d.surveys.results("aalborg-lbb-2016") if r["question"] == "know-each-other" and r["group"] == "volunteer"
    )
    assert round(volunteers["share"] * 100) == 81 and volunteers["reference"] == 0.81
    with pytest.raises(bb.NotFoundError):
        d.surveys.results("nope")


def test_wilson_matches_published_values() -> None:
    w = json.loads((ASSESSMENT / "wilson.json").read_text(encoding="utf-8"))
    for c in w["cases"]:
        interval = bb.wilson_interval(c["successes"], c["n"], w["z"])
        assert interval is not None
        assert abs(interval[0] - c["low"]) < w["tolerance"] and abs(interval[1] - c["high"]) < w["tolerance"]
    assert bb.wilson_interval(1, 0) is None


@given(st.integers(min_value=0, max_value=400), st.integers(min_value=0, max_value=400))
def test_wilson_interval_holds_the_share(k: int, extra: int) -> None:
    n = k + extra
    interval = bb.wilson_interval(k, n)
    if n == 0:
        assert interval is None
    else:
        assert interval is not None
        low, high = interval
        assert 0.0 <= low <= k / n + 1e-12 and k / n <= high + 1e-12 and high <= 1.0


def test_responses_are_recorded_all_or_nothing() -> None:
    d = bb.Dossier.example("aalborg")
    first = d.surveys.to_dict()[1]
    d.surveys.add({**first, "id": "2018", "closed_on": dt.date(2018, 5, 1), "tallies": []})
    for _ in range(5):
        d.surveys.record_response("2018", "newcomer", {"cooperation": "agree", "know-each-other": "dont_know"})
    before = d.to_json()
    with pytest.raises(bb.InvalidInputError) as info:
        d.surveys.record_response("2018", "newcomer", {"cooperation": "agree", "ghost": "agree"})
    assert info.value.path == "answers[1].question"
    with pytest.raises(bb.InvalidInputError):
        d.surveys.record_response("2018", "alien", {"cooperation": "agree"})
    assert d.to_json() == before
    newcomers = next(r for r in d.surveys.results("2018") if r["group"] == "newcomer" and r["question"] == "cooperation")
    assert (newcomers["positive"], newcomers["respondents"], newcomers["interval"]["high"]) == (5, 5, 1.0)
    with pytest.raises(bb.ValidationError) as verr:
        d.surveys.add({**first, "id": "bad", "agreement": "missing"})
    assert any(f.path == "surveys[3].agreement" for f in verr.value.findings)


def test_golden_reports_match_rust() -> None:
    listing = json.loads((ASSESSMENT / "golden" / "reports.json").read_text(encoding="utf-8"))
    n = 0
    for c in listing["cases"]:
        d = bb.Dossier.example(c["example"])
        for lang in listing["langs"]:
            r = d.assessment.report(c["agreement"], dt.date.fromisoformat(c["as_of"]), lang)
            assert r.lang == lang
            for ext in c["formats"]:
                golden = (ASSESSMENT / "golden" / f"report-{c['agreement']}-{lang}.{ext}").read_text(encoding="utf-8")
                assert r.render_as(ext) == golden, (c["agreement"], lang, ext)
                assert (r.markdown() if ext == "md" else r.html()) == golden
                n += 1
    assert n == 12


def test_reports_take_sections_save_and_show_in_jupyter(tmp_path: Path) -> None:
    d = bb.Dossier.example("aalborg")
    section = {
        "slot": "role_split",
        "blocks": [
            {"type": "paragraph", "text": {"da": "Fra rollemodulet.", "en": "From the roles module."}},
            {
                "type": "matrix",
                "map": {
                    "title": {"da": "Roller", "en": "Roles"},
                    "rows": [{"da": "Lektiecafé", "en": "Homework café"}],
                    "columns": [{"da": "Kommunen", "en": "Municipality"}, {"da": "Røde Kors", "en": "Red Cross"}],
                    "cells": [{"row": 0, "column": 1, "value": 1.0, "label": {"da": "ansvarlig", "en": "responsible"}}],
                    "legend": {"da": "Mørk: ansvarlig", "en": "Dark: responsible"},
                },
            },
        ],
    }
    r = d.assessment.report("aalborg-lbb", dt.date(2017, 6, 30), "en", sections=[section])
    html = r._repr_html_()
    assert html.startswith('<div class="bb-report" lang="en">') and "From the roles module." in html and "<svg" in html
    r.save(tmp_path / "report.html", "html")
    assert (tmp_path / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    names = [p.name for p in bb.Dossier.example("aalborg").people]
    assert not any(n.split()[0] in r.markdown() for n in names)
    with pytest.raises(bb.InvalidInputError):
        d.assessment.report("aalborg-lbb", dt.date(2017, 6, 30), "en", sections=[{"slot": "budget", "blocks": []}])
    with pytest.raises(bb.InvalidInputError):
        r.render_as("pdf")  # type: ignore[arg-type]
    with pytest.raises(bb.InvalidInputError):
        d.assessment.report("aalborg-lbb", dt.date(2017, 6, 30), "de")  # type: ignore[arg-type]
    a = d.assessment.assess("aalborg-lbb", dt.date(2017, 6, 30))
    assert "<svg" in a._repr_html_() and a.render("en", "md").startswith("## Assessment:")


def test_catalogue_and_assess_all() -> None:
    catalogue = bb.assessment_catalogue()
    assert len(catalogue) == 43
    assert {c["dimension"] for c in catalogue} == {
        "formalisation", "roles", "expectations", "meetings", "resources",
        "continuity", "breadth", "newcomer_offers", "anchoring",
    }
    external = [c for c in catalogue if c["basis"] == "external"]
    assert {s for c in external for s in c["external_sources"]} == {"roles", "checklists", "matching", "introductions"}
    statutory = next(c for c in catalogue if c["code"] == "assessment.statutory_tasks")
    assert statutory["external_codes"] == ["roles.statutory_outside_municipality"] and "external_prefixes" not in statutory
    introductions = next(c for c in catalogue if c["code"] == "assessment.introductions")
    assert introductions["external_codes"] == [
        "introduction.due", "introduction.overdue", "introduction.not_within_deadline", "introduction.too_few",
    ]
    d = bb.Dossier.example("ikast-brande")
    all_ = d.assessment.assess_all(dt.date(2019, 6, 30))
    assert [a.agreement for a in all_] == ["ikast-vvv", "ikast-nursing-internships"]
