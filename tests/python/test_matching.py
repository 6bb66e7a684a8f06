"""Matching through the Python binding: the shared fixtures give the same matches, findings and
introduction plan as Rust; errors are typed exceptions with paths; stable matching over explicit
preference lists has no blocking pair (Hypothesis); solving releases the GIL."""

from __future__ import annotations

from collections import UserList
from collections.abc import Mapping, Sequence

import datetime as dt
import json
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import brobygger as bb
from conftest import FIXTURES, cases

MATCHING = FIXTURES / "matching"
RUN_CASES = [c for c in cases("matching") if not c[0].startswith("intro")]


def load_rules(name: str) -> bb.RuleSet:
    return bb.RuleSet.load(MATCHING / name)


def load_list(name: str) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads((MATCHING / name).read_text(encoding="utf-8"))
    return data


def binding_row(u: Mapping[str, Any]) -> list[Any]:
    b = u["binding"]
    return [u["newcomer"], b["type"], b.get("rule")]


@pytest.mark.parametrize(("case", "path"), RUN_CASES)
def test_run_fixture_matches_rust(case: str, path: Path) -> None:
    i = json.loads(path.read_text(encoding="utf-8"))
    run = bb.match_profiles(
        load_rules(i["rules"]),
        load_list(i["newcomers"]),
        load_list(i["offers"]),
        as_of=dt.date.fromisoformat(i["as_of"]),
        solver=i["solver"],
        offer_ranking=i["offer_ranking"],
    )
    want = json.loads((MATCHING / f"{case}.expected.json").read_text(encoding="utf-8"))
    assert [list(p) for p in run.pairs()] == want["matches"], case
    assert [binding_row(u) for u in run.unmatched] == want["unmatched"], case
    assert run.statistics["total_score"] == want["total_score"], case


def test_hospital_residents_fixture_gives_both_optimal_stable_matchings() -> None:
    p = json.loads((MATCHING / "hospital-residents.preferences.json").read_text(encoding="utf-8"))
    want = json.loads((MATCHING / "hospital-residents.expected.json").read_text(encoding="utf-8"))
    residents = {r["id"]: r["prefers"] for r in p["residents"]}
    hospitals = {h["id"]: h["prefers"] for h in p["hospitals"]}
    caps = {c["id"]: c["capacity"] for c in p["capacities"]}
    for key, side in [("residents_optimal", "residents"), ("hospitals_optimal", "hospitals")]:
        result = dict(bb.stable_matching(list(residents.items()), list(hospitals.items()), list(caps.items()), optimal=side))
        pairs = [[r, h] for r, h in result.items() if h is not None]
        assert sorted(pairs) == sorted(want[key]["pairs"]), key
        assert [r for r, h in result.items() if h is None] == want[key]["unmatched_residents"]


def test_stable_matching_reports_every_bad_id() -> None:
    with pytest.raises(bb.ValidationError) as info:
        bb.stable_matching([("r1", ["h1", "hx"])], [("h1", ["r1", "ry"])], [], optimal="hospitals")
    assert [f.path for f in info.value.findings] == ["hospitals[0].id", "hospitals[0].prefers[1]", "residents[0].prefers[1]"]
    with pytest.raises(bb.InvalidInputError):
        bb.stable_matching([], [], [], optimal="sideways")


def test_ties_fixture_gives_the_same_answers_as_rust() -> None:
    p = json.loads((MATCHING / "ties.preferences.json").read_text(encoding="utf-8"))
    want = json.loads((MATCHING / "ties.expected.json").read_text(encoding="utf-8"))
    residents = [(r["id"], r["prefers"]) for r in p["residents"]]
    hospitals = [(h["id"], h["prefers"]) for h in p["hospitals"]]
    caps = [(c["id"], c["capacity"]) for c in p["capacities"]]
    for key, side in [("residents_optimal", "residents"), ("hospitals_optimal", "hospitals")]:
        assert bb.weakly_stable_matching(residents, hospitals, caps, optimal=side) == want[key], key
    largest = bb.largest_weakly_stable_matching(residents, hospitals, caps)
    assert largest == want["largest"]
    assert largest["blocking_pairs"] == 0 and largest["exact"]
    assert largest["size"] > want["residents_optimal"]["size"]


def test_ties_report_every_bad_id_with_its_group() -> None:
    with pytest.raises(bb.ValidationError) as info:
        bb.largest_weakly_stable_matching(
            [("r1", [["h1", "hx"]]), ("r2", [["h1"], ["h1"]])], [("h1", [["r1", "r2"]])], [("h1", 1)]
        )
    assert [f.path for f in info.value.findings] == ["residents[0].prefers[0][1]", "residents[1].prefers[1][0]"]
    with pytest.raises(bb.InvalidInputError):
        bb.weakly_stable_matching([], [], [], optimal="sideways")


def test_invalid_rule_set_reports_every_problem_like_rust() -> None:
    rs = load_rules("invalid.rules.toml")
    want = json.loads((MATCHING / "invalid.expected.json").read_text(encoding="utf-8"))["findings"]
    assert [{"severity": f.severity, "code": f.code, "path": f.path} for f in rs.validate()] == want
    with pytest.raises(bb.ValidationError) as info:
        rs.check()
    assert len(info.value.findings) == len(want)
    with pytest.raises(bb.ValidationError):
        bb.match_profiles(rs, [], [], as_of=dt.date(2016, 1, 1))


def test_rule_set_formats_round_trip_and_parse_errors_have_positions() -> None:
    rs = load_rules("vvv-ikast.rules.toml")
    assert bb.RuleSet.from_toml(rs.to_toml()) == rs
    assert bb.RuleSet.from_json(rs.to_json()) == rs
    assert bb.RuleSet.from_dict(rs.to_dict()) == rs
    assert bb.Dossier.example("ikast-brande").rule_sets[0] == rs
    assert rs.title("en").startswith("Venner Viser Vej")
    assert "newcomer.preferences" in rs.sensitive_attributes
    with pytest.raises(bb.ParseError) as info:
        bb.RuleSet.from_toml('schema_version = 1\nid = "x"\ntitle = { da = "a", en = "b" }\nrules = 3\n')
    assert (info.value.path, info.value.line) == ("rules", 4)


def test_profile_dicts_with_bad_fields_name_the_path_not_the_value() -> None:
    rs = load_rules("vvv-ikast.rules.toml")
    with pytest.raises(bb.InvalidInputError) as info:
        bb.match_profiles(rs, [{"id": "nc-1", "arrival": "2016-01-01", "needs": ["Fatima Hansen"]}], [], as_of=dt.date(2016, 1, 1))
    assert info.value.path == "newcomers.[0].needs[0]" or info.value.path.startswith("newcomers")
    assert "Fatima" not in str(info.value)
    with pytest.raises(bb.InvalidInputError):
        bb.match_profiles(rs, [], [], as_of=dt.date(2016, 1, 1), solver="fastest")  # type: ignore[arg-type]


def test_dossier_cohort_match_store_and_volunteer_view() -> None:
    d = bb.Dossier.example("ikast-brande")
    assert [c["id"] for c in d.cohorts] == ["ikast-2016-q1"]
    assert len(d.offers) == 11
    run = d.matching.match_cohort("ikast-2016-q1", "vvv-ikast", as_of=dt.date(2016, 4, 1))
    assert run == d.matching.match_cohort("ikast-2016-q1", "vvv-ikast", as_of=dt.date(2016, 4, 1))
    assert run.solver == "optimal" and run.statistics["matched"] == 20 and len(run.unmatched) == 28
    u = next(u for u in run.unmatched if u["newcomer"] == "nc-5120-7741")
    assert u["reasons"][0]["en"] == "No offer within 25 km speaks Tigrinya (at least A2)."
    assert any(g["demand"] == {"type": "language", "language": "ti"} for g in run.unmet_demand)
    d.matching.add_run(run)
    with pytest.raises(bb.InvalidInputError):
        d.matching.add_run(run)
    assert d.match_runs == [run]
    assert bb.MatchRun.from_dict(run.to_dict()) == run
    views = d.matching.volunteer_view(run.id, "vvv-womens-group", lang="en")
    assert len(views) == 6  # the women's group's six places
    for v in views:
        fields = {f["field"]: f["value"] for f in v["shared"]}
        assert "languages" in fields and "preferences" not in fields and "needs" not in fields
        assert "female" not in json.dumps(v)
    # In one language the view has the same keys as the {da, en} one, each text read in it:
    # what the core's VolunteerMatchView.text(lang) gives, not a shape the binding invents.
    both = d.matching.volunteer_view(run.id, "vvv-womens-group")
    for code in ("da", "en"):
        one = d.matching.volunteer_view(run.id, "vvv-womens-group", lang=code)
        assert one == [
            {
                "offer": v["offer"],
                "newcomer": v["newcomer"],
                "shared": [{"field": f["field"], "value": f["value"][code]} for f in v["shared"]],
                "explanation": [t[code] for t in v["explanation"]],
            }
            for v in both
        ]
    da = d.matching.volunteer_view(run.id, "vvv-womens-group", lang="da")
    assert "voksen" in {f["field"]: f["value"] for f in da[0]["shared"]}["household"], da[0]
    with pytest.raises(bb.InvalidInputError):
        d.matching.volunteer_view(run.id, "vvv-womens-group", lang="de")  # type: ignore[call-overload]
    assert bb.Dossier.from_json(d.to_json()) == d
    with pytest.raises(bb.NotFoundError) as info:
        d.matching.match_cohort("no-such-cohort", "vvv-ikast", as_of=dt.date(2016, 4, 1))
    assert info.value.code == "not_found.cohort"


def test_introduction_fixture_and_recording() -> None:
    i = json.loads((MATCHING / "intro-ikast.input.json").read_text(encoding="utf-8"))
    want = json.loads((MATCHING / "intro-ikast.expected.json").read_text(encoding="utf-8"))
    d = bb.Dossier.example(i["example"])
    status = d.matching.introduction_status(i["cohort"], dt.date.fromisoformat(i["status_on"]))
    assert [[s["newcomer"], s["state"], s["due_on"], s["deadline"], s["introductions"]] for s in status] == want["status"]
    view = d.matching.cohort_view(i["cohort"], dt.date.fromisoformat(i["view_on"]))
    assert view["not_offered_within_deadline"] == want["not_offered_within_deadline"]
    assert [[c["newcomer"], c["introductions"]] for c in view["fewer_than_minimum"]] == want["fewer_than_minimum"]
    due = d.matching.introductions_due("ikast-2016-q1", dt.date(2016, 3, 20))
    assert any(f.code == "introduction.overdue" and f.source_document == "001" for f in due)

    before = d.to_json()
    with pytest.raises(bb.InvalidInputError) as info:
        d.matching.record_introduction("ikast-2016-q1", "nc-5120-7741", dt.date(2015, 1, 1))
    assert info.value.code == "introduction.before_arrival"
    with pytest.raises(bb.NotFoundError):
        d.matching.record_introduction("ikast-2016-q1", "nc-5120-7741", dt.date(2016, 3, 20), offers=["no-such-offer"])
    with pytest.raises(bb.InvalidInputError):
        d.matching.record_introduction("ikast-2016-q1", "nc-5120-7741", dt.date(2016, 3, 20), setting="by_pigeon")  # type: ignore[arg-type]
    assert d.to_json() == before
    d.matching.record_introduction("ikast-2016-q1", "nc-5120-7741", dt.date(2016, 3, 20), offers=["vvv-cp-brande"])
    (s,) = [s for s in d.matching.introduction_status("ikast-2016-q1", dt.date(2016, 3, 20)) if s["newcomer"] == "nc-5120-7741"]
    assert (s["state"], s["due_on"]) == ("upcoming", "2016-04-19")


def blocking_pairs(residents: dict[str, list[str]], hospitals: dict[str, list[str]], caps: dict[str, int], result: dict[str, str | None]) -> list[tuple[str, str]]:
    out = []
    assigned: dict[str, list[str]] = {h: [] for h in hospitals}
    for r, h in result.items():
        if h is not None:
            assigned[h].append(r)
    for r, prefs in residents.items():
        current = result.get(r)
        for h in prefs:
            if h == current:
                break
            if r not in hospitals[h]:
                continue
            ranks = hospitals[h]
            held = assigned[h]
            if len(held) < caps[h] or any(ranks.index(r) < ranks.index(x) for x in held):
                out.append((r, h))
    return out


@st.composite
def hr_problems(draw: st.DrawFn) -> tuple[dict[str, list[str]], dict[str, list[str]], dict[str, int]]:
    rs = [f"r{i}" for i in range(draw(st.integers(1, 8)))]
    hs = [f"h{j}" for j in range(draw(st.integers(1, 4)))]
    residents = {r: draw(st.lists(st.sampled_from(hs), unique=True)) for r in rs}
    hospitals = {h: draw(st.lists(st.sampled_from(rs), unique=True)) for h in hs}
    caps = {h: draw(st.integers(0, 3)) for h in hs}
    return residents, hospitals, caps


@settings(max_examples=150, deadline=None)
@given(hr_problems(), st.sampled_from(["residents", "hospitals"]))
def test_stable_matching_has_no_blocking_pair(problem: tuple[dict[str, list[str]], dict[str, list[str]], dict[str, int]], side: str) -> None:
    residents, hospitals, caps = problem
    result = dict(bb.stable_matching(list(residents.items()), list(hospitals.items()), list(caps.items()), optimal=side))
    assert set(result) == set(residents)
    load: dict[str, int] = {}
    for r, h in result.items():
        if h is not None:
            assert h in residents[r] and r in hospitals[h]
            load[h] = load.get(h, 0) + 1
    assert all(load[h] <= caps[h] for h in load)
    assert blocking_pairs(residents, hospitals, caps, result) == []


@st.composite
def hr_problems_by_any_id(draw: st.DrawFn) -> tuple[list[tuple[str, list[str]]], list[tuple[str, list[str]]], list[tuple[str, int]]]:
    """Ids of any text, sometimes repeated, unknown or without a capacity: well formed or not."""
    ids = st.text(max_size=6)
    rs = draw(st.lists(ids, min_size=0, max_size=8))
    hs = draw(st.lists(ids, min_size=0, max_size=5))

    def other(known: list[str]) -> st.SearchStrategy[str]:
        # Half the problems list only known ids; the others mix in ids of any text.
        only_known: bool = draw(st.booleans())
        if known and only_known:
            return st.sampled_from(known)
        return st.one_of(st.sampled_from(known), ids) if known else ids

    residents = [(r, draw(st.lists(other(hs), max_size=4))) for r in rs]
    hospitals = [(h, draw(st.lists(other(rs), max_size=6))) for h in hs]
    caps = [(h, draw(st.integers(0, 2**32 - 1))) for h in draw(st.lists(st.sampled_from(hs), max_size=6) if hs else st.just([]))]
    return residents, hospitals, caps


@settings(max_examples=300, deadline=None)
@given(hr_problems_by_any_id(), st.sampled_from(["residents", "hospitals"]))
def test_stable_matching_by_index_answers_as_by_id(problem: tuple[list[tuple[str, list[str]]], list[tuple[str, list[str]]], list[tuple[str, int]]], side: str) -> None:
    # Lists of tuples of plain str take the path that indexes ids in Python's dicts; any other
    # sequence takes the path by id. Both must give the same pairs, or the same findings.
    residents, hospitals, caps = problem

    def run(r: Any, h: Any, c: Any) -> Any:
        try:
            return bb.stable_matching(r, h, c, optimal=side)
        except bb.ValidationError as e:
            return [(f.code, f.path) for f in e.findings]

    fast = run(residents, hospitals, caps)
    by_id = run(UserList(residents), UserList(hospitals), UserList(caps))
    assert fast == by_id
    assert run(tuple(residents), tuple(hospitals), tuple(caps)) == by_id


def test_stable_matching_answers_with_the_callers_ids() -> None:
    residents = [("r1", ["h1"]), ("r2", ["h1"])]
    got = bb.stable_matching(residents, [("h1", ["r2", "r1"])], [("h1", 1)])
    assert got == [("r2", "h1"), ("r1", None)]
    assert got[0][0] is residents[1][0]


def test_solving_releases_the_gil() -> None:
    # A larger instance keeps the solver busy; another Python thread must keep running meanwhile.
    n = 1500
    residents = [(f"r{i}", [f"h{(i * 7 + k) % 300}" for k in range(40)]) for i in range(n)]
    hospitals = [(f"h{j}", [f"r{(j * 13 + k) % n}" for k in range(n)]) for j in range(300)]
    caps = [(f"h{j}", 4) for j in range(300)]
    ticks = 0
    done = threading.Event()

    def count() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0.0005)

    t = threading.Thread(target=count)
    t.start()
    start = time.perf_counter()
    bb.stable_matching(residents, hospitals, caps)
    elapsed = time.perf_counter() - start
    done.set()
    t.join()
    # While the solver ran, the other thread got the interpreter (it would get ~0 ticks otherwise).
    assert ticks >= max(1, int(elapsed / 0.01)), (ticks, elapsed)
