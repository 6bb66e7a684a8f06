"""Surveys of any shape from Python (issue 23, item 2): a round of the municipalities in KL's
2015 shape, answers in its categories, shares with Wilson intervals beside KL's published
figures and hidden under the threshold; LBB's rounds give the same shares as before."""

from __future__ import annotations

import pytest

import brobygger as bb


def municipalities_round(round_id: str) -> dict[str, object]:
    shape = bb.kl_2015_shape()
    return {
        "id": round_id,
        "title": "Regionens rundspørge til kommunerne",
        "closed_on": "2017-12-01",
        "questions": [
            {"id": m["id"], "text": m["label"], "measure_key": m["id"]} for m in shape["measures"]
        ],
        "shape": shape,
    }


def test_a_round_of_the_municipalities_sits_beside_kls_shares() -> None:
    d = bb.Dossier.example("aalborg")
    d.surveys.add(municipalities_round("region-2017"))
    for category in ["very_high", "high", "high", "high", "very_high", "high", "high", "high", "some", "low", "some"]:
        d.surveys.record_answers("region-2017", "municipality", {"housing_placement": category})
    [everyone] = [s for s in d.surveys.shares("region-2017") if s["group"] is None]
    assert (everyone["positive"], everyone["respondents"], everyone["reference"]) == (8, 11, 0.76)
    interval = everyone["interval"]
    assert interval is not None and interval["low"] < 0.76 < interval["high"]
    assert all(s["share"] is None for s in d.surveys.shares("region-2017", min_cell=12))
    with pytest.raises(bb.InvalidInputError):
        d.surveys.record_answers("region-2017", "volunteer", {"housing_placement": "high"})


def test_lbbs_rounds_give_the_same_shares_as_before() -> None:
    d = bb.Dossier.example("aalborg")
    for r in d.surveys.to_dict():
        old = d.surveys.results(r["id"])
        new = d.surveys.shares(r["id"], min_cell=1)
        assert [(o["question"], o["group"], o["positive"], o["respondents"]) for o in old] == [
            (n["question"], n["group"], n["positive"], n["respondents"]) for n in new
        ]
