"""The national picture from Python (issue 23, item 2): KL's 2015 survey of the municipalities
(seed 000) as published aggregates, the same figures as Rust, and a municipality's own answers
beside them."""

from __future__ import annotations

import pytest

import brobygger as bb


def test_the_reference_gives_the_seeds_figures_without_an_n() -> None:
    kl = bb.kl_2015()
    assert kl["respondents"] is None
    figures = [(q["id"], p["categories"], p["percent"]) for q in kl["questions"] for p in q["published"]]
    assert ("cooperation_change", ["more"], 83) in figures
    assert ("civil_society_attitude", ["very_positive", "mostly_positive"], 86) in figures
    assert ("housing_placement", ["very_high", "high"], 76) in figures
    assert len(figures) == 8
    assert all(p["source"]["document"] == "kl2015" for q in kl["questions"] for p in q["published"])


def test_own_answers_sit_beside_the_national_shares() -> None:
    rows = bb.compare_with_national({"housing_placement": "high", "cooperation_degree": "low"})
    mine = [(r["question"], r["percent"], r["own"]) for r in rows if r["own"]]
    assert mine == [("cooperation_degree", None, "low"), ("housing_placement", 76, "high")]
    tables = bb.national_comparison_table({"housing_placement": "high"}, "da")
    assert not isinstance(tables, str)
    table = tables[0]
    assert table["name"] == "national_comparison" and len(table["rows"]) == 8
    md = bb.national_comparison_table({"housing_placement": "high"}, "en", markdown=True)
    assert "76 %" in md or "76%" in md


@pytest.mark.parametrize(
    ("answers", "code"),
    [({"weather": "sunny"}, "not_found.question"), ({"housing_placement": "maybe"}, "survey.unknown_category")],
)
def test_bad_answers_raise_with_their_code(answers: dict[str, str], code: str) -> None:
    with pytest.raises(bb.InvalidInputError) as e:
        bb.compare_with_national(answers)
    assert e.value.code == code


def test_a_housing_organisations_placement_cooperation_answers_for_the_municipality() -> None:
    d = bb.Dossier.example("esbjerg")
    assert d.assessment.national_answers("esbjerg") == {"housing_placement": "high"}
    rows = d.assessment.compare_with_national("esbjerg")
    assert [(r["question"], r["percent"]) for r in rows if r["own"]] == [("housing_placement", 76)]
    rows = d.assessment.compare_with_national("esbjerg", {"housing_placement": "low"})
    assert [(r["question"], r["percent"]) for r in rows if r["own"]] == [("housing_placement", None)]
    with pytest.raises(bb.NotFoundError):
        d.assessment.national_answers("aalborg")
