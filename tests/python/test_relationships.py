"""Matching over time from Python: relationships from the proposal to the end, rematching,
alternatives and why-not, with the same answers as Rust (tests/fixtures/matching/over-time.expected.json,
written by crates/core/tests/relationships.rs) and the DataFrames read from the core's tables."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

import brobygger as bb
from conftest import FIXTURES

EXPECTED: Any = json.loads((FIXTURES / "matching" / "over-time.expected.json").read_text(encoding="utf-8"))


def day(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


def over_time() -> bb.Dossier:
    return bb.Dossier.from_json((FIXTURES / EXPECTED["fixture"]).read_text(encoding="utf-8"))


def test_states_and_offer_loads_are_the_cores() -> None:
    d = over_time()
    on = day(EXPECTED["on"])
    table = bb.relationships_table(d, on)
    states = [[row[0], row[4]] for row in table["rows"]]
    assert states == EXPECTED["states"]
    loads = [[l["offer"], l["capacity"], l["held"], l["free"], l["running"]] for l in d.relationships.offer_loads(on)]
    assert loads == EXPECTED["offer_loads"]
    assert [r["id"] for r in d.relationships.all()] == [s[0] for s in EXPECTED["states"]]


def test_a_rematch_gives_the_cores_matches() -> None:
    d = over_time()
    run = d.matching.rematch(EXPECTED["rematch"]["rule_set"], day(EXPECTED["on"]))
    assert [[m["newcomer"], m["offer"], m["score"]] for m in run.matches] == EXPECTED["rematch"]["matches"]
    assert [u["newcomer"] for u in run.unmatched] == EXPECTED["rematch"]["unmatched"]
    assert run.waiting_again == EXPECTED["rematch"]["waiting_again"]


def test_alternatives_and_why_not_are_the_cores() -> None:
    e = EXPECTED["explain"]
    d = bb.Dossier.example(e["example"])
    run = d.matching.match_cohort(e["cohort"], e["rule_set"], day(e["as_of"]),
                                  alternatives=e["alternatives"], why_not=[tuple(e["why_not"])])
    got = [[a["newcomer"], a.get("matched"), [[o["offer"], o["score"], o.get("gap"), o["full"]] for o in a["offers"]]]
           for a in run.alternatives]
    assert got == EXPECTED["alternatives"]
    assert [[w["newcomer"], w["offer"], w["reason"]["type"], w["text"]["en"]] for w in run.why_not] == EXPECTED["why_not"]
    direct = d.matching.why_not(e["cohort"], e["rule_set"], day(e["as_of"]), *e["why_not"])
    assert direct == run.why_not[0]
    frame = bb.alternatives_frame(run)
    assert len(frame) == sum(len(a["offers"]) for a in run.alternatives)
    assert list(frame.columns) == [c["name"] for c in bb.empty_table("alternatives")["columns"]]
    assert (frame["rank"] >= 1).all()
    why = bb.why_not_frame(run, lang="da")
    assert why["text"].tolist() == [w["text"]["da"] for w in run.why_not]


def test_a_relationship_runs_from_proposal_to_end_and_the_household_waits_again() -> None:
    d = bb.Dossier.example("ikast-brande")
    rel = d.relationships.propose("nc-3817-2204", "vvv-cf-ikast-2", day("2016-04-08"), proposal="mp-1")
    assert d.relationships.get(rel)["proposal"] == "mp-1"  # type: ignore[index]
    assert d.relationships.record(rel, day("2016-04-20"), "started") == "started"
    assert d.relationships.record(rel, day("2016-05-04"), "check_in", outcome="going", by="ib-integration-lead") == "active"
    assert d.relationships.end(rel, day("2016-09-01"), "did_not_click") == "ended"
    [r] = d.relationships.of_household("nc-3817-2204")
    assert [e["kind"]["type"] for e in r["events"]][-1] == "ended"
    run = d.matching.rematch("vvv-ikast", day("2016-09-05"), cohort="ikast-2016-q1", only_lost=True)
    assert run.waiting_again == ["nc-3817-2204"]
    assert all(m["offer"] != "vvv-cf-ikast-2" for m in run.matches)
    preferred = d.matching.rematch("vvv-ikast", day("2016-09-05"), previous_partner="prefer", only_lost=True)
    assert [(m["newcomer"], m["offer"]) for m in preferred.matches] == [("nc-3817-2204", "vvv-cf-ikast-2")]
    # Saved and loaded: the relationship is in the file.
    again = bb.Dossier.from_json(d.to_json())
    assert again.relationships.all() == d.relationships.all()
    frame = bb.relationships_frame(d, day("2016-10-01"))
    assert frame["state"].tolist() == ["ended"]
    assert frame["end_reason"].tolist() == ["did_not_click"]
    assert int(frame["days_running"].iloc[0]) == 134
    events = bb.relationship_events_frame(d, lang="da")
    assert events["event"].tolist()[-3:] == ["started", "check_in", "ended"]
    assert events["detail"].tolist()[-1] == "kemien passede ikke"


def test_invalid_steps_raise_typed_errors_and_change_nothing() -> None:
    d = bb.Dossier.example("ikast-brande")
    rel = d.relationships.propose("nc-5120-7741", "vvv-homework-cafe", day("2016-04-10"))
    before = d.to_json()
    with pytest.raises(bb.InvalidInputError) as e:
        d.relationships.end(rel, day("2016-05-01"), "moved_away")
    assert e.value.code == "relationship.invalid_transition"
    with pytest.raises(bb.InvalidInputError) as e:
        d.relationships.record(rel, day("2016-04-01"), "started")
    assert e.value.code == "relationship.before_last_event"
    with pytest.raises(bb.NotFoundError) as missing:
        d.relationships.record("rel-404", day("2016-05-01"), "started")
    assert missing.value.code == "not_found.relationship"
    with pytest.raises(bb.InvalidInputError):
        d.relationships.end(rel, day("2016-05-01"), "no such reason")
    with pytest.raises(bb.InvalidInputError):
        d.matching.rematch("vvv-ikast", day("2016-09-05"), previous_partner="sometimes")  # type: ignore[arg-type]
    assert d.to_json() == before
