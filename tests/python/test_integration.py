"""Roles, checklists and the health assessment together through the Python binding: the same
health overview and report slots as Rust (golden files), the role split and checklists weighed
by default, champions never named, free text never quoted in errors, and findings in numeric
path order."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import brobygger as bb
from conftest import FIXTURES

GOLDEN = FIXTURES / "golden"
LAWAN = {"type": "organisation", "organisation": "DK-LOCAL-lawan-horsens"}
UTC = dt.timezone.utc


@pytest.mark.parametrize("example", ["aalborg", "ikast-brande", "horsens", "esbjerg"])
@pytest.mark.parametrize("lang", ["da", "en"])
def test_health_summary_matches_rust(example: str, lang: str) -> None:
    d = bb.Dossier.example(example)
    day = bb.example_reference_date(example)
    assert isinstance(day, dt.date)
    want = (GOLDEN / f"health-{example}-{lang}.txt").read_text(encoding="utf-8")
    assert d.assessment.health_summary(day, lang) == want  # type: ignore[arg-type]


def test_reference_dates_and_errors() -> None:
    assert bb.example_reference_date("horsens") == dt.date(2017, 8, 1)
    with pytest.raises(bb.NotFoundError):
        bb.example_reference_date("odense")
    with pytest.raises(bb.InvalidInputError):
        bb.Dossier.example("horsens").assessment.health_summary(dt.date(2017, 8, 1), "de")  # type: ignore[arg-type]


def test_roles_and_checklists_are_weighed_by_default() -> None:
    d = bb.Dossier.example("horsens")
    a = d.assessment.assess("horsens-lawan", dt.date(2017, 8, 1))
    assert a.external_sources == ["roles", "checklists"]
    for dim in ("roles", "expectations"):
        score = a.dimension(dim)
        assert score is not None and score["not_assessed"] == 0
    check = a.check("assessment.expectation_alignment")
    assert check is not None and check["status"] == "not_met"
    critical = [f for f in a.findings if f.code == "checklists.critical_divergence"]
    assert len(critical) == 1 and critical[0].dimension == "expectations"
    # The same role findings as the roles module gives for the version judged.
    roles = {f.code for f in bb.Roles(d, "horsens-lawan").analyse()}
    assert {f.code for f in a.findings if f.check == "assessment.role_split"} == roles


def test_report_sections_round_trip_into_the_report() -> None:
    d = bb.Dossier.example("horsens")
    day = dt.date(2017, 8, 1)
    sections = d.assessment.report_sections("horsens-lawan", day)
    assert [s["slot"] for s in sections] == ["role_split", "checklist_alignment"]
    heat = next(b for b in sections[0]["blocks"] if b["type"] == "matrix")["map"]
    assert heat["columns"][2] == {"da": "LAWAN Horsens", "en": "LAWAN Horsens"}
    festival = heat["rows"].index({"da": "Festival", "en": "Festival"})
    cells = {c["column"]: c for c in heat["cells"] if c["row"] == festival}
    detail = cells[0]["detail"]
    assert cells[0]["label"]["en"] == "R, A" and detail is not None and detail["en"] == "Fritidskonsulent"
    # Given back unchanged, they make the same report as the defaults.
    default = d.assessment.report("horsens-lawan", day, "en").markdown()
    assert d.assessment.report("horsens-lawan", day, "en", sections=sections).markdown() == default
    golden = (FIXTURES / "assessment" / "golden" / "report-horsens-lawan-en.md").read_text(encoding="utf-8")
    assert default == golden
    # Replacing one slot keeps the other's default content.
    mine = [{"slot": "role_split", "blocks": [{"type": "paragraph", "text": {"da": "Egen.", "en": "Own."}}]}]
    md = d.assessment.report("horsens-lawan", day, "en", sections=mine).markdown()
    assert "Own." in md and "Who does what in version" not in md
    assert "within the first 3 months" in md


def championed() -> bb.Dossier:
    data = json.loads(bb.Dossier.example("horsens").to_json())
    org = next(o for o in data["organisations"] if o["id"] == "DK-LOCAL-lawan-horsens")
    org["kind"] = "champion"
    org["name"] = "Hajar Ildsjæl"
    return bb.Dossier.from_json(json.dumps(data))


def test_a_champion_is_never_named() -> None:
    d = championed()
    day = dt.date(2017, 8, 1)
    texts = [
        d.summary("da"),
        d.summary("en"),
        d.assessment.health_summary(day, "da"),
        d.assessment.report("horsens-lawan", day, "en").markdown(),
        d.assessment.report("horsens-lawan", day, "da").html(),
        bb.Roles(d, "horsens-lawan").matrix().markdown("en"),
        d.checklists.render_comparison("horsens-lawan", "joint-expectations", "markdown", "da"),
        d.checklists.summary("en"),
        json.dumps(d.assessment.report_sections("horsens-lawan", day)),
        d.assessment.assess("horsens-lawan", day).to_json(),
    ]
    for text in texts:
        assert "Hajar" not in text
    assert "ildsjæl DK-LOCAL-lawan-horsens" in texts[0]
    assert "champion DK-LOCAL-lawan-horsens" in texts[3]


def test_free_text_is_never_quoted_in_findings_errors_or_the_report() -> None:
    d = bb.Dossier.example("horsens")
    by = next(p for p in d.posts if p.id == "lawan-chair").holders[-1].person
    secret = 'Fatima "Bibi" Hansen `Qwz`'
    sid = d.checklists.start("horsens-lawan", LAWAN, "kem-association-standpoint", by, dt.datetime(2017, 6, 21, 18, tzinfo=UTC))
    items = d.checklists.template("kem-association-standpoint").items("en")
    text_item = next(i["item"] for i in items if i["kind"] == "text")
    d.checklists.answer(sid, [{"item": text_item, "value": {"type": "text", "text": secret}, "comment": secret}], by, dt.datetime(2017, 6, 21, 19, tzinfo=UTC))
    day = dt.date(2017, 8, 1)
    shared = [
        d.assessment.report("horsens-lawan", day, "da").markdown(),
        d.assessment.report("horsens-lawan", day, "en").html(),
        d.assessment.health_summary(day, "en"),
        d.assessment.assess("horsens-lawan", day).to_json(),
        json.dumps([f.to_dict() for f in d.validate()]),
    ]
    for text in shared:
        for part in ("Fatima", "Bibi", "Qwz"):
            assert part not in text
    # The parties' own comparison does show their words.
    assert "Fatima" in d.checklists.render_comparison("horsens-lawan", "kem-association-standpoint", "markdown", "da")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=30))
def test_a_wrongly_placed_free_text_is_never_quoted_in_the_error(middle: str) -> None:
    # Markers at both ends: a redaction that stops early (at a quote or backtick inside the
    # text) would show the tail.
    text = f"Zqx{middle}Xqz"
    d = bb.Dossier.example("horsens")
    by = next(p for p in d.posts if p.id == "lawan-chair").holders[-1].person
    sid = d.checklists.start("horsens-lawan", LAWAN, "kem-association-standpoint", by, dt.datetime(2017, 6, 21, 18, tzinfo=UTC))
    at = dt.datetime(2017, 6, 21, 19, tzinfo=UTC)
    for value in ({"type": "scale", "value": text}, {"type": text}, {"type": "choice", "selected": text}):
        with pytest.raises(bb.BrobyggerError) as info:
            d.checklists.answer(sid, [{"item": "interest", "value": value}], by, at)
        err = info.value
        shown = " ".join([str(err), str(getattr(err, "reason", "")), " ".join(f.message("en") for f in err.findings)])
        assert "Zqx" not in shown and "Xqz" not in shown, shown


def test_findings_are_in_numeric_path_order() -> None:
    data = json.loads(bb.Dossier.example("aalborg").to_json())
    assignments = data["agreements"][0]["versions"][1]["terms"]["roles"]["assignments"]
    for i in (2, 12):
        assignments[i]["hours_per_month"] = -1
    d = bb.Dossier.from_json(json.dumps(data))
    paths = [f.path for f in d.validate() if f.code == "validation.negative_number"]
    assert paths == [
        "agreements[0].versions[1].terms.roles.assignments[2].hours_per_month",
        "agreements[0].versions[1].terms.roles.assignments[12].hours_per_month",
    ]
