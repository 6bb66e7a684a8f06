"""Tidy DataFrames for analysts: documented columns and dtypes, figures that agree with the
objects they come from, and a clear ImportError naming pandas when it is missing."""

from __future__ import annotations

import datetime as dt
import math
import sys
from collections.abc import Callable
from typing import Any

import pytest

import brobygger as bb

pd = pytest.importorskip("pandas")

STR = str(pd.Series(["x"]).dtype)  # "str" from pandas 3 on, "object" before

IKAST_RUN_DAY = dt.date(2016, 4, 1)


def dtypes(df: Any) -> dict[str, str]:
    return {c: str(t) for c, t in df.dtypes.items()}


def expect(df: Any, columns: dict[str, str]) -> None:
    want = {c: (STR if t == "str" else t) for c, t in columns.items()}
    assert dtypes(df) == want


@pytest.fixture(scope="module")
def dossiers() -> list[bb.Dossier]:
    return [bb.Dossier.example(n) for n in bb.example_names()]


@pytest.fixture(scope="module")
def assessments(dossiers: list[bb.Dossier]) -> list[list[bb.Assessment]]:
    return bb.assess_many(dossiers, dt.date(2017, 8, 1))


@pytest.fixture(scope="module")
def ikast_run() -> bb.MatchRun:
    d = bb.Dossier.example("ikast-brande")
    return d.matching.match_cohort("ikast-2016-q1", "vvv-ikast", as_of=IKAST_RUN_DAY)


def test_scores_side_by_side_agree_with_the_assessments(assessments: list[list[bb.Assessment]]) -> None:
    df = bb.scores_frame(assessments)
    expect(df, {
        "agreement": "str", "as_of": "datetime64[ns]", "dimension": "str", "score": "Int64",
        "band": "str", "met": "Int64", "applicable": "Int64", "not_assessed": "Int64", "reason": "str",
    })
    flat = [a for per_dossier in assessments for a in per_dossier]
    assert set(df["agreement"]) == {a.agreement for a in flat} == {
        "aalborg-lbb", "ikast-vvv", "ikast-nursing-internships", "horsens-lawan", "esbjerg-medvind"}
    wide = df.pivot(index="dimension", columns="agreement", values="score")
    for a in flat:
        assert wide.loc["overall", a.agreement] == a.overall
        for d in a.dimensions:
            got = wide.loc[d["dimension"], a.agreement]
            assert (got is pd.NA and d["score"] is None) or got == d["score"]
    # One row per dimension and assessment, plus the overall row.
    assert len(df) == sum(len(a.dimensions) + 1 for a in flat)
    assert df["as_of"].dt.date.eq(dt.date(2017, 8, 1)).all()
    assert set(df["band"].dropna()) <= {"strong", "fair", "weak"}
    assert (df["band"].isna() == df["score"].isna()).all()
    assert bb.scores_frame(flat[0], lang="da")["reason"].iloc[0] == flat[0].dimensions[0]["reason"]["da"]


def test_findings_by_severity_and_source(assessments: list[list[bb.Assessment]]) -> None:
    df = bb.assessment_findings_frame(assessments, lang="da")
    expect(df, {c: "str" for c in ["agreement", "severity", "code", "path", "dimension", "check",
                                   "message", "advice", "source_document", "source_section"]})
    flat = [a for per in assessments for a in per]
    assert len(df) == sum(len(a.findings) for a in flat)
    counts = df.groupby("severity").size().to_dict()
    assert counts == {s: sum(1 for a in flat for f in a.findings if f.severity == s) for s in counts}
    first = flat[0].findings[0]
    row = df.iloc[0]
    assert (row["code"], row["message"], row["advice"]) == (first.code, first.message("da"), first.advice("da"))
    assert set(df["source_document"].dropna()) <= {"000", "001", "002", "003", "004", "005"}

    checks = bb.checks_frame(flat)
    expect(checks, {"agreement": "str", "code": "str", "dimension": "str", "status": "str",
                    "weight": "float64", "credit": "float64", "note": "str"})
    assert len(checks) == sum(len(a.checks) for a in flat)
    assert set(checks["status"]) <= {"met", "partly_met", "not_met", "not_applicable", "not_assessed"}


def test_matches_and_their_reasons(ikast_run: bb.MatchRun) -> None:
    m = bb.matches_frame(ikast_run)
    expect(m, {"run": "str", "newcomer": "str", "offer": "str", "score": "float64",
               "waiting_days": "int64", "hard_rules": "int64", "soft_rules_scoring": "int64"})
    assert list(zip(m["newcomer"], m["offer"], m["score"])) == ikast_run.pairs()
    # No offer gets more households than it has free places.
    free = {o["id"]: o["capacity"] - (o.get("places_taken") or 0) for o in bb.Dossier.example("ikast-brande").offers}
    assert all(n <= free[o] for o, n in m["offer"].value_counts().items())
    rules = bb.match_rules_frame(ikast_run, lang="da")
    expect(rules, {"run": "str", "newcomer": "str", "offer": "str", "rule": "str", "hard": "bool",
                   "points": "float64", "text": "str"})
    # The score is the sum of the soft rules' points.
    per_match = rules.groupby(["newcomer", "offer"])["points"].sum()
    for _, r in m.iterrows():
        assert math.isclose(per_match[(r["newcomer"], r["offer"])], r["score"], rel_tol=1e-9)
    assert (rules.loc[rules["hard"], "points"] == 0).all()


def test_unmatched_reasons_and_unmet_demand(ikast_run: bb.MatchRun) -> None:
    u = bb.unmatched_frame(ikast_run)
    expect(u, {"run": "str", "newcomer": "str", "waiting_days": "int64", "binding": "str",
               "binding_rule": "str", "binding_offers": "Int64", "reason": "str", "reasons": "object"})
    assert len(u) == len(ikast_run.unmatched) == 28
    assert u[["newcomer", "binding", "binding_rule", "binding_offers"]].values.tolist()[0] == [
        "nc-5120-7741", "rule", "common-language", 7]
    assert u["reason"].iloc[0] == ikast_run.unmatched[0]["reasons"][0]["en"]
    assert len(u["reasons"].iloc[0]) == len(ikast_run.unmatched[0]["reasons"])
    gaps = bb.unmet_demand_frame([ikast_run], lang="da")
    assert ["language", "ti", 2, 0] in gaps[["demand_type", "demand", "households", "free_places"]].values.tolist()
    # Several runs stack, told apart by the run id.
    both = bb.unmatched_frame([ikast_run, ikast_run])
    assert len(both) == 2 * 28


def test_checklist_divergences(dossiers: list[bb.Dossier]) -> None:
    horsens = dossiers[bb.example_names().index("horsens")]
    alignments = horsens.checklists.alignments("horsens-lawan")
    df = bb.checklist_frame(alignments)
    expect(df, {"agreement": "str", "template": "str", "section": "str", "item": "str",
                "position": "int64", "question": "str", "critical": "bool", "weight": "float64",
                "status": "str", "score": "float64", "resolved": "bool", "answers": "object"})
    first = alignments[0]
    mine = df[df["template"] == first.template]
    counts = mine["status"].value_counts().to_dict()
    assert counts["major_divergence"] == first.counts["major"]
    assert counts["minor_divergence"] == first.counts["minor"]
    assert counts["aligned"] == first.counts["aligned"]
    assert mine["resolved"].sum() == first.counts["resolved"]
    # Each row's answers are in the order of the alignment's columns.
    assert all(len(a) == len(first.columns) for a in mine["answers"])
    major = mine[mine["status"] == "major_divergence"].iloc[0]
    assert major["answers"][0] != major["answers"][1]
    assert bb.checklist_frame(first, lang="da")["question"].iloc[0] == first.items[0]["text"]["da"]


def test_survey_shares_have_intervals_around_them(dossiers: list[bb.Dossier]) -> None:
    aalborg = dossiers[0]
    df = bb.survey_shares_frame(aalborg, ["aalborg-lbb-2015", "aalborg-lbb-2016"])
    expect(df, {"survey": "str", "question": "str", "group": "str", "positive": "int64",
                "respondents": "int64", "share": "float64", "low": "float64", "high": "float64",
                "reference": "float64"})
    assert ((df["low"] <= df["share"]) & (df["share"] <= df["high"])).all()
    assert (df["share"] == df["positive"] / df["respondents"]).all()
    row = df[(df.survey == "aalborg-lbb-2016") & (df.question == "know-each-other") & (df.group == "volunteer")]
    assert row[["positive", "respondents", "reference"]].values.tolist() == [[34, 42, 0.81]]
    low, high = bb.wilson_interval(34, 42, 1.959963984540054) or (0.0, 0.0)
    assert math.isclose(row["low"].iloc[0], low) and math.isclose(row["high"].iloc[0], high)
    assert "all" in set(df["group"])

    ch = bb.survey_changes_frame(aalborg, "aalborg-lbb-2015", "aalborg-lbb-2016")
    expect(ch, {"question": "str", "group": "str", "share_before": "float64", "share_after": "float64",
                "change": "float64", "low": "float64", "high": "float64", "significant": "bool"})
    assert ((ch["share_after"] - ch["share_before"] - ch["change"]).abs() < 1e-12).all()
    assert (ch["significant"] == ((ch["low"] > 0) | (ch["high"] < 0))).all()


def test_role_matrix_in_long_form(dossiers: list[bb.Dossier]) -> None:
    roles = bb.Roles(dossiers[0], "aalborg-lbb")
    m = roles.matrix()
    df = bb.role_matrix_frame(roles)
    expect(df, {"agreement": "str", "version": "int64", "task": "str", "task_name": "str",
                "statutory": "bool", "party": "str", "party_name": "str", "municipal": "bool", "role": "str"})
    for (task, party), group in df.groupby(["task", "party"]):
        assert sorted(group["role"]) == sorted(m.roles_of(task, party) or [])
    assert set(df["role"]) <= {"responsible", "accountable", "consulted", "informed"}
    # Every statutory municipal duty sits with a municipal party as accountable.
    statutory = df[df.statutory & (df.role == "accountable")]
    assert statutory["municipal"].all()
    assert bb.role_matrix_frame(m, lang="da").equals(bb.role_matrix_frame(roles, lang="da"))


def test_introductions_due_agree_with_the_findings() -> None:
    d = bb.Dossier.example("ikast-brande")
    day = dt.date(2016, 3, 20)
    df = bb.introductions_frame(d, "ikast-2016-q1", day)
    expect(df, {"cohort": "str", "newcomer": "str", "state": "str", "introductions": "int64",
                "next_number": "Int64", "last_on": "datetime64[ns]", "due_on": "datetime64[ns]",
                "deadline": "datetime64[ns]", "days_overdue": "Int64", "text": "str"})
    due = df[df.state.isin(["due", "overdue"])]
    findings = d.matching.introductions_due("ikast-2016-q1", day)
    assert len(due) == len(findings)
    assert (df.loc[df.state == "overdue", "days_overdue"] > 0).all()
    assert df["last_on"].isna().sum() == (df["introductions"] == 0).sum()
    assert set(df["state"]) <= {"upcoming", "due", "overdue", "completed"}


def test_profiles_round_trip_through_a_dataframe() -> None:
    d = bb.Dossier.example("ikast-brande")
    newcomers, offers = d.cohorts[0]["newcomers"], d.offers
    nf, of = bb.profiles_frame(newcomers), bb.profiles_frame(offers)
    assert {"lat", "lon"} <= set(nf.columns) and "location" not in nf.columns
    assert str(nf["lat"].dtype) == "float64"
    assert nf["id"].tolist() == [n["id"] for n in newcomers]
    rules = d.rule_sets[0]
    via_frames = bb.profiles(nf, of).run(rules, IKAST_RUN_DAY)
    direct = bb.match_profiles(rules, newcomers, offers, as_of=IKAST_RUN_DAY)
    assert via_frames.pairs() == direct.pairs()
    assert via_frames.unmatched == direct.unmatched


def test_empty_inputs_give_empty_frames_with_the_columns() -> None:
    assert list(bb.scores_frame([]).columns)[:3] == ["agreement", "as_of", "dimension"]
    assert len(bb.matches_frame([])) == 0
    assert str(bb.unmatched_frame([]).dtypes["binding_offers"]) == "Int64"


def test_a_bad_language_is_an_invalid_input_error(ikast_run: bb.MatchRun) -> None:
    with pytest.raises(bb.InvalidInputError) as e:
        bb.unmatched_frame(ikast_run, lang="de")
    assert e.value.code == "input.lang"


FRAMES: list[Callable[[], Any]] = [
    lambda: bb.scores_frame([]),
    lambda: bb.checks_frame([]),
    lambda: bb.assessment_findings_frame([]),
    lambda: bb.matches_frame([]),
    lambda: bb.match_rules_frame([]),
    lambda: bb.unmatched_frame([]),
    lambda: bb.unmet_demand_frame([]),
    lambda: bb.checklist_frame([]),
    lambda: bb.survey_shares_frame(bb.Dossier.example("aalborg"), "aalborg-lbb-2016"),
    lambda: bb.survey_changes_frame(bb.Dossier.example("aalborg"), "aalborg-lbb-2015", "aalborg-lbb-2016"),
    lambda: bb.role_matrix_frame(bb.Roles(bb.Dossier.example("aalborg"), "aalborg-lbb")),
    lambda: bb.introductions_frame(bb.Dossier.example("ikast-brande"), "ikast-2016-q1", dt.date(2016, 3, 20)),
    lambda: bb.profiles_frame([]),
    lambda: bb.findings_frame([]),
    lambda: bb.Findings([]).frame(),
]


@pytest.mark.parametrize("make", FRAMES)
def test_without_pandas_every_frame_says_to_install_it(make: Callable[[], Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"need pandas: pip install 'brobygger\[pandas\]'"):
        make()


def test_profiles_read_frames_as_analysts_build_them() -> None:
    # Dates as datetime64, counts with gaps as Int64, coordinates as float columns, absent cells
    # as NaN/None: what pandas gives after read_csv/to_datetime.
    d = bb.Dossier.example("ikast-brande")
    nf = bb.profiles_frame(d.cohorts[0]["newcomers"])
    nf["arrival"] = pd.to_datetime(nf["arrival"])
    nf["integration_contract_meeting"] = pd.to_datetime(nf["integration_contract_meeting"])
    of = bb.profiles_frame(d.offers)
    assert str(of["places_taken"].dtype) == "Int64" and of["places_taken"].isna().any()
    run = bb.profiles(nf, of).run(d.rule_sets[0], IKAST_RUN_DAY)
    assert run.pairs() == bb.match_profiles(d.rule_sets[0], d.cohorts[0]["newcomers"], d.offers, as_of=IKAST_RUN_DAY).pairs()
    # A bad cell names its row and field, not its value.
    nf.loc[2, "arrival"] = pd.NaT
    with pytest.raises(bb.InvalidInputError) as e:
        bb.profiles(nf, of)
    assert "newcomers[2]" in e.value.path


FRAME_TABLES: list[tuple[str, Callable[[], Any]]] = [
    ("scores", lambda: bb.scores_frame([])),
    ("checks", lambda: bb.checks_frame([])),
    ("assessment_findings", lambda: bb.assessment_findings_frame([])),
    ("matches", lambda: bb.matches_frame([])),
    ("match_rules", lambda: bb.match_rules_frame([])),
    ("unmatched", lambda: bb.unmatched_frame([])),
    ("unmet_demand", lambda: bb.unmet_demand_frame([])),
    ("checklist", lambda: bb.checklist_frame([])),
    ("findings", lambda: bb.findings_frame([])),
]


@pytest.mark.parametrize("name, make", FRAME_TABLES, ids=[n for n, _ in FRAME_TABLES])
def test_the_core_decides_the_columns(name: str, make: Callable[[], Any]) -> None:
    # Every frame has exactly the columns of the core's table of the same name, in order.
    core = bb.empty_table(name)
    assert list(make().columns) == [c["name"] for c in core["columns"]]
    assert name in bb.table_names()


def test_frames_read_the_core_tables_in_danish_too(ikast_run: bb.MatchRun) -> None:
    tables = {t["name"]: t for t in ikast_run.tables("da")}
    assert set(tables) == {"match_outcome", "matches", "match_rules", "unmatched", "unmet_demand",
                           "unused_offers", "match_statistics", "alternatives", "why_not"}
    assert tables["matches"]["title"] == {"da": "Forslag", "en": "Proposed matches"}
    reasons = bb.unmatched_frame(ikast_run, lang="da")["reason"].tolist()
    assert reasons == [u["reasons"][0]["da"] for u in ikast_run.unmatched]
    with pytest.raises(bb.NotFoundError):
        bb.empty_table("no-such-table")
