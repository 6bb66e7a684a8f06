"""Each seed system end to end from Python (issue 23, "done when"), one test per system, named by
its seed document: S1 = 000 (KL's 2015 survey, the national reference), S2 = 001 (LBB: Aalborg's
steering group and evaluation survey), S3 = 002 (Venner Viser Vej: matching, introductions and
outcomes over time), S4 = 003 (KEM: Horsens, checklists and the association directory), S5 = 004
(the long-term place-bound partnership: Esbjerg). The same five run in crates/core/tests/seeds.rs,
tests/kotlin/SeedsTest.kt and in `brobygger demo`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import brobygger as bb


def _valid(name: str) -> bb.Dossier:
    d = bb.Dossier.example(name)
    errors = [f.code for f in d.validate() if f.severity == "error"]
    assert errors == [], (name, errors)
    return d


def _healthy(d: bb.Dossier, name: str) -> None:
    day = bb.example_reference_date(name)
    for a in d.agreements:
        assessment = d.assessment.assess(a.id, day)
        assert assessment.overall is not None
        for lang in ("da", "en"):
            assert len(d.assessment.report(a.id, day, lang=lang).markdown()) > 200


def test_s1_seed_000_kl_survey_reproduces_the_published_figures_beside_a_municipality() -> None:
    kl = bb.kl_2015()
    figures = {(q["id"], p["percent"]) for q in kl["questions"] for p in q["published"]}
    for figure in [("cooperation_change", 83), ("cooperation_change", 17), ("cooperation_degree", 80),
                   ("civil_society_attitude", 30), ("civil_society_attitude", 56), ("civil_society_attitude", 14), ("civil_society_attitude", 86),
                   ("housing_placement", 76)]:
        assert figure in figures
    d = _valid("esbjerg")
    mine = [r for r in d.assessment.compare_with_national("esbjerg") if r["own"]]
    assert [(r["question"], r["percent"]) for r in mine] == [("housing_placement", 76)]


def test_s2_seed_001_lbb_aalborg_evaluation_survey_with_changes() -> None:
    d = _valid("aalborg")
    _healthy(d, "aalborg")
    rounds = [r["id"] for r in d.surveys.rounds("aalborg-lbb")]
    assert rounds == ["aalborg-lbb-2015", "aalborg-lbb-2016"]
    shares = d.surveys.shares("aalborg-lbb-2016")
    assert any(s["reference"] is not None for s in shares)
    assert all(s["respondents"] is None or s["respondents"] >= 5 for s in shares)
    assert d.surveys.share_changes("aalborg-lbb-2015", "aalborg-lbb-2016")


def test_s3_seed_002_vvv_ikast_matches_and_follows_outcomes_without_singling_anyone_out() -> None:
    d = _valid("ikast-brande")
    _healthy(d, "ikast-brande")
    cohort = d.cohorts[0]
    run = d.matching.match_cohort(cohort["id"], "vvv-ikast", as_of=dt.date(2016, 4, 1))
    assert run.matches
    d.matching.add_run(run)
    first = cohort["newcomers"][0]["id"]
    assert [str(r["on"]) for r in d.outcomes.records(first)] == ["2017-03-01", "2018-03-01"]
    view = d.outcomes.cohort_view(cohort["id"], bb.example_reference_date("ikast-brande"))
    assert view.to_dict()["households_with_record"] == len(cohort["newcomers"]) == 48
    assert view.left_out_without_basis == 0
    for c in view.cells:
        if c["households"]:
            assert c["with_outcome"] is not None
            assert c["with_outcome"] >= 5 and c["households"] - c["with_outcome"] >= 5
    assert first not in json.dumps(view.tables("da"), default=str)


def test_s4_seed_003_kem_horsens_checklists_and_the_association_directory() -> None:
    d = _valid("horsens")
    _healthy(d, "horsens")
    assert d.checklists.summary("da")
    register = d.directory.build()
    assert register.associations
    hsds = d.directory.hsds_json("da")
    assert json.loads(hsds)
    assert all(p.name not in hsds for p in d.people)


def test_s5_seed_004_esbjerg_a_long_term_place_bound_partnership() -> None:
    d = _valid("esbjerg")
    _healthy(d, "esbjerg")
    a = d.assessment.assess(d.agreements[0].id, bb.example_reference_date("esbjerg"))
    for code in ["assessment.late_involvement", "assessment.no_place_goal", "assessment.short_term",
                 "assessment.business_not_at_table"]:
        check = a.check(code)
        assert check is not None and check["status"] == "met", code
    place = d.place("esbjerg-oesterbyen")
    assert place is not None and place["kind"] == "neighbourhood"


# The figures the Rust seed test computes (crates/core/tests/seeds.rs, `seed_figures`): the same
# rows must come out of the Python binding.
FIGURES = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "figures.json").read_text(encoding="utf-8"))


def _n(v: object) -> str:
    return "-" if v is None else str(v)


def test_s1_esbjerg_beside_kl_has_the_rust_figures() -> None:
    d = _valid("esbjerg")
    rows = [f"{r['question']}|{r['own'] or '-'}|{_n(r['percent'])}" for r in d.assessment.compare_with_national("esbjerg")]
    assert rows == FIGURES["s1_esbjerg_beside_kl_2015"]


def test_s2_the_survey_view_has_the_rust_figures() -> None:
    view = _valid("aalborg").surveys.view("aalborg-lbb-2016")
    expected = FIGURES["s2_aalborg_lbb_2016"]
    assert view.before == expected["before"] and view.min_cell == 5
    assert [f"{s['question']}|{s['group'] or '-'}|{_n(s['respondents'])}|{_n(s['positive'])}" for s in view.shares] == expected["shares"]
    got = [(c["question"], c["group"] or "-", c["change"]) for c in view.changes]
    want = [row.split("|") for row in expected["changes"]]
    assert [(q, g) for q, g, _ in got] == [(q, g) for q, g, _ in want]
    assert all(abs(c - float(w)) < 1e-6 for (_, _, c), (_, _, w) in zip(got, want))
    # What `brobygger survey --lang en` prints, from the same view.
    text = view.render("text", "en")
    assert "Change since aalborg-lbb-2015" in text and "81%" in text
    tables = [t["name"] for t in view.tables("da")]
    assert tables == ["group_shares", "group_share_changes"]


def test_s3_the_outcome_view_has_the_rust_figures() -> None:
    d = _valid("ikast-brande")
    cohort = d.cohorts[0]["id"]
    d.matching.add_run(d.matching.match_cohort(cohort, "vvv-ikast", as_of=dt.date(2016, 4, 1)))
    view = d.outcomes.cohort_view(cohort, bb.example_reference_date("ikast-brande"))
    expected = FIGURES["s3_ikast_2016_q1"]
    assert str(bb.example_reference_date("ikast-brande")) == expected["as_of"]
    assert view.to_dict()["households_with_record"] == expected["households_with_record"]
    shown = [f"{c['grouping']}|{c['timing']}|{c['measure']}|{_n(c['households'])}|{_n(c['with_outcome'])}"
             for c in view.cells if c["suppression"] is None and c["households"]]
    assert shown == expected["shown"] and shown
