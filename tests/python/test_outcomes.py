"""Outcomes over time from Python (issue 23, item 4): records only under a basis, typed errors
otherwise, and a cohort view that never shows a household on its own."""

from __future__ import annotations

import datetime as dt

import pytest

import brobygger as bb

COHORT = "ikast-2016-q1"


def _dossier() -> bb.Dossier:
    d = bb.Dossier.example("ikast-brande")
    for i, n in enumerate(d.cohorts[0]["newcomers"]):
        d.outcomes.record(
            n["id"], COHORT, dt.date(2016, 12, 1),
            employment="employed" if i < 6 else "unemployed", self_supporting=i < 6, danish="b1", network="wider",
        )
    return d


def test_records_round_trip_and_show_no_outcome_in_errors() -> None:
    d = _dossier()
    first = d.cohorts[0]["newcomers"][0]["id"]
    assert d.outcomes.records(first)[0]["employment"] == "employed"
    assert bb.Dossier.from_json(d.to_json()) == d
    with pytest.raises(bb.InvalidInputError) as e:
        d.outcomes.record(first, COHORT, dt.date(2016, 12, 1), employment="unemployed")
    assert e.value.code == "outcome.duplicate_record" and "unemployed" not in str(e.value)
    with pytest.raises(bb.InvalidInputError):
        d.outcomes.record(first, COHORT, dt.date(2017, 1, 1), employment="astronaut")
    with pytest.raises(bb.NotFoundError):
        d.outcomes.record("nc-nobody", COHORT, dt.date(2017, 1, 1))


def test_the_view_hides_every_cell_that_could_single_out_a_household() -> None:
    view = _dossier().outcomes.cohort_view(COHORT, dt.date(2017, 1, 1))
    assert len(view.cells) == 32
    for c in view.cells:
        if c["households"]:
            assert c["with_outcome"] is not None
            assert c["with_outcome"] >= 5 and c["households"] - c["with_outcome"] >= 5
    table = view.tables("da")[0]
    assert table["name"] == "outcomes" and len(table["rows"]) == 32
    assert view.left_out_without_basis == 0
    assert 'lang="da"' in view._repr_html_()  # bb.options.lang, Danish by default
    bb.options.lang = "en"
    try:
        assert "Outcomes" in view._repr_html_()
    finally:
        bb.options.lang = "da"
