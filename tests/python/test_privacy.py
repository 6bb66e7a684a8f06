"""Privacy through the Python binding: the shared fixtures in `tests/fixtures/privacy/` give the
same consent gate, disclosure states and errors, audience views, safe tables, retention,
anonymisation and pseudonyms as Rust; errors are typed exceptions that change nothing; keys never
show; a Hypothesis property: no release before both acceptances."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import datetime as dt
import json
from pathlib import Path
from typing import Any, Optional

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import brobygger as bb
from conftest import FIXTURES, cases, expected

PRIVACY = FIXTURES / "privacy"


def read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def day(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


def instant(s: str) -> dt.datetime:
    return dt.datetime.fromisoformat(s.replace("Z", "+00:00"))


def subject_key(s: Optional[Mapping[str, Any]]) -> Optional[str]:
    if s is None:
        return None
    kind = s["type"]
    return f"{kind}:{s[kind]}"


def basis_key(b: Optional[Mapping[str, Any]]) -> Optional[str]:
    if b is None:
        return None
    return f"consent:{b['consent']}" if b["type"] == "consent" else f"basis:{b['basis']}"


def recipient_key(r: Mapping[str, Any]) -> str:
    kind = r["type"]
    if kind == "household":
        return f"newcomer:{r['newcomer']}"
    if kind == "volunteer":
        return f"offer:{r['offer']}"
    return f"audience:{r['audience']}"


def viewer_key(v: dict[str, Any]) -> str:
    return f"volunteer:{v['offer']}" if v["type"] == "volunteer" else str(v["type"])


def key_from(i: dict[str, Any]) -> Optional[bb.PseudonymKey]:
    if "key_hex" not in i:
        return None
    return bb.PseudonymKey.from_hex(i["key_domain"], i["key_hex"])


def disclosures(ds: Sequence[Mapping[str, Any]]) -> list[Any]:
    return [[subject_key(d["subject"]), recipient_key(d["recipient"]), d["fields"], basis_key(d["basis"])] for d in ds]


def ikast_request(d: bb.Dossier, on: dt.date) -> bb.MatchRun:
    return d.matching.match_cohort("ikast-2016-q1", "vvv-ikast", as_of=on)


@pytest.mark.parametrize(("case", "path"), [c for c in cases("privacy") if c[0].startswith("gate-")])
def test_gate_fixtures(case: str, path: Path) -> None:
    i = read(path)
    d = bb.Dossier.example(i["example"])
    for w in i.get("withdraw", []):
        d.privacy.withdraw_consent(w["consent"], day(w["on"]))
    run = d.matching.match_cohort(i["cohort"], i["rule_set"], as_of=day(i["as_of"]), solver=i["solver"])
    got = {
        "matches": [[m["newcomer"], m["offer"], m["score"]] for m in run.matches],
        "unmatched": [[u["newcomer"], u["binding"]["type"]] for u in run.unmatched],
        "withheld": [[subject_key(w["subject"]), w["attribute"], w["rules"]] for w in run.withheld],
        "uses": [[subject_key(u["subject"]), u["attribute"], basis_key(u["basis"])] for u in run.sensitive_uses],
        "not_applied": [
            [m["newcomer"], o["rule"]] for m in run.matches for o in m["explanation"] if "was not applied" in o["text"]["en"]
        ],
    }
    assert got == expected(path), case


def step(d: bb.Dossier, s: dict[str, Any]) -> Any:
    p = d.privacy
    op = s["op"]
    if op == "propose":
        return p.propose(s["newcomer"], s["offer"], instant(s["at"]), expires_on=day(s["expires_on"]) if "expires_on" in s else None, id=s.get("id"))
    if op == "accept":
        return p.accept(s["proposal"], s["side"], instant(s["at"]))
    if op == "decline":
        return p.decline(s["proposal"], s["side"], instant(s["at"]))
    if op == "withdraw_proposal":
        return p.withdraw_proposal(s["proposal"], instant(s["at"]))
    if op == "release":
        ds = p.release(s["proposal"], instant(s["at"]), to_volunteer=s.get("to_volunteer", []), to_household=s.get("to_household", []))
        return disclosures(ds)
    if op == "withdraw_consent":
        r = p.withdraw_consent(s["consent"], day(s["on"]))
        return {"closed": r["closed_proposals"], "runs": r["dependent_runs"], "findings": [[f["code"], f["path"]] for f in r["findings"]]}
    if op == "expire":
        return p.expire(day(s["on"]))
    raise AssertionError(op)


@pytest.mark.parametrize(("case", "path"), [c for c in cases("privacy") if c[0].startswith("disclosure-")])
def test_disclosure_scripts(case: str, path: Path) -> None:
    i = read(path)
    d = bb.Dossier.example(i["example"])
    results: list[Any] = []
    for s in i["steps"]:
        before = d.to_json()
        try:
            results.append({"ok": step(d, s)})
        except bb.BrobyggerError as e:
            assert d.to_json() == before, f"{case}: a failed step changed the dossier"
            results.append({"error": e.code})
    assert not [f for f in d.validate() if f.severity == "error"]
    states = {p["id"]: d.privacy.proposal_state(p["id"]) for p in d.privacy.proposals}
    manifest = [
        [e.get("at"), subject_key(e["subject"]), recipient_key(e["recipient"]), e["fields"], basis_key(e.get("basis")), e["reason"]["en"]]
        for e in d.privacy.manifest()
    ]
    assert {"results": results, "states": states, "manifest": manifest} == expected(path), case


def fields(view: Mapping[str, Any]) -> list[Any]:
    return [[f["field"], f["treatment"], basis_key(f.get("basis"))] for f in view["fields"]]


@pytest.mark.parametrize(("case", "path"), [c for c in cases("privacy") if c[0].startswith("view-")])
def test_view_fixtures(case: str, path: Path) -> None:
    i = read(path)
    d = bb.Dossier.example(i["example"])
    on = day(i["on"])
    v = viewer_key(i["viewer"])
    key = key_from(i)
    got: Any
    view: Mapping[str, Any]  # a newcomer's, an offer's or a proposal's view
    try:
        if "newcomer" in i:
            view = d.privacy.view_newcomer(i["newcomer"], v, on, key=key)
            n = view["newcomer"]
            got = {
                "id": n["id"],
                "arrival": n["arrival"],
                "area": n.get("area"),
                "children_ages": n["household"].get("children_ages", []),
                "fields": fields(view),
                "withheld": view["withheld"],
            }
        elif "offer" in i:
            view = d.privacy.view_offer(i["offer"], v, on)
            got = {"title": view["offer"]["title"], "fields": fields(view), "withheld": view["withheld"]}
        else:
            view = d.privacy.view_proposal(i["proposal"], v, on, key=key)
            got = {
                "state": view.get("state"),
                "score": view.get("score"),
                "shared": [[f["field"], f["value"]["en"]] for f in view["shared"]],
                "explanation": [t["en"] for t in view["explanation"]],
                "released": view["released"],
                "fields": fields(view),
            }
    except bb.BrobyggerError as e:
        got = {"error": e.code}
    assert got == expected(path), case


@pytest.mark.parametrize(("case", "path"), [c for c in cases("privacy") if c[0].startswith("table-")])
def test_table_fixtures(case: str, path: Path) -> None:
    i = read(path)
    d = bb.Dossier.example(i["example"])
    r = i["request"]
    got: Any
    try:
        t = d.privacy.safe_table(r["cohort"], r["by"], day(r["on"]), run=r.get("run"), min_cell=r.get("min_cell", 5))
        got = {
            "cells": [c["keys"] + [c.get("count"), c.get("suppression")] for c in t["cells"]],
            "total": t.get("total"),
            "suppressed": t["suppressed"],
            "left_out": t["left_out"],
            "note": t["note"]["en"],
        }
    except bb.BrobyggerError as e:
        got = {"error": e.code}
    assert got == expected(path), case


@pytest.mark.parametrize(("case", "path"), [c for c in cases("privacy") if c[0].startswith("survey-")])
def test_survey_fixtures(case: str, path: Path) -> None:
    i = read(path)
    d = bb.Dossier.example(i["example"])
    shares = d.privacy.safe_survey_results(i["survey"], min_cell=i["min_cell"])
    got = [
        [
            s["question"],
            s.get("group"),
            estimate["respondents"] if estimate else None,
            estimate["positive"] if estimate else None,
            s.get("suppression"),
        ]
        for s in shares
        for estimate in [s.get("estimate")]
    ]
    assert got == expected(path), case


def target_key(t: Mapping[str, Any]) -> str:
    field = "newcomer" if t["type"] == "household" else str(t["type"])
    return f"{field}:{t[field]}"


@pytest.mark.parametrize(("case", "path"), [c for c in cases("privacy") if c[0].startswith("retention-")])
def test_retention_fixtures(case: str, path: Path) -> None:
    i = read(path)
    d = bb.Dossier.example(i["example"])
    on = day(i["on"])
    report = d.privacy.retention_report(on)
    items = [[it["policy"], target_key(it["target"]), it["since"], it["due_on"], it["state"]] for it in report["items"]]
    applied: Any = None
    if i.get("apply"):
        out = d.privacy.apply_retention(on)
        again = d.privacy.apply_retention(on)
        assert again["deleted"] == [] and again["anonymised"] == 0
        applied = {
            "deleted": [target_key(t) for t in out["deleted"]],
            "anonymised": out["anonymised"],
            "proposals_left": len(d.privacy.proposals),
            "households_left": sum(len(c.get("newcomers", [])) for c in d.cohorts),
        }
    assert {"items": items, "applied": applied} == expected(path), case


@pytest.mark.parametrize(("case", "path"), [c for c in cases("privacy") if c[0].startswith("anonymise-")])
def test_anonymise_fixtures(case: str, path: Path) -> None:
    i = read(path)
    d = bb.Dossier.example(i["example"])
    d.matching.add_run(ikast_request(d, dt.date(2016, 4, 1)))
    o = i["options"]
    copy, report = d.privacy.anonymised(o["scope"], day(o["on"]), min_area_households=o.get("min_area_households", 5), key=key_from(i))
    newcomers = copy.cohorts[0]["newcomers"]
    got = {
        "report": report,
        "ids": [n["id"] for n in newcomers],
        "areas": [n.get("area") for n in newcomers],
        "arrivals": [n["arrival"] for n in newcomers],
        "people": [p.id for p in copy.people],
    }
    assert got == expected(path), case
    if o["scope"]["type"] == "everyone":
        text = copy.to_json()
        for old in [n["id"] for n in d.cohorts[0]["newcomers"]] + [p.id for p in d.people]:
            assert old not in text
        for p in d.people:
            for part in p.name.split():
                if len(part) >= 3:
                    assert part not in text


def test_pseudonym_vectors_match_rust_and_pythons_hmac() -> None:
    v = read(PRIVACY / "pseudonyms.json")
    for c in v["cases"]:
        k = bb.PseudonymKey.from_hex(c["domain"], c["key_hex"])
        assert k.pseudonym(c["kind"], c["id"]) == c["pseudonym"]
        assert k.pseudonym_of(f"{c['kind']}:{c['id']}") == c["pseudonym"]
    k = bb.PseudonymKey.generate("analysis")
    for c in v["refused"]:
        with pytest.raises(bb.InvalidInputError) as info:
            k.pseudonym("person", c["id"])
        assert info.value.code == c["code"]
        assert c["id"] == "" or c["id"] not in str(info.value)


def test_keys_never_show() -> None:
    k = bb.PseudonymKey.from_hex("analysis", "ab" * 32)
    assert "ab" * 4 not in repr(k) and "analysis" in repr(k)
    assert k.export_secret_hex() == "ab" * 32
    with pytest.raises(bb.InvalidInputError) as info:
        bb.PseudonymKey.from_hex("analysis", "ab" * 8)
    assert info.value.code == "privacy.invalid_key"


def test_unknown_purpose_viewer_and_fields_are_clear_errors() -> None:
    d = bb.Dossier.example("ikast-brande")
    before = d.to_json()
    with pytest.raises(bb.InvalidInputError) as info:
        d.privacy.covering_basis("newcomer:nc-6402-1185", "marketing", dt.date(2016, 4, 1))  # type: ignore[arg-type]
    assert info.value.code == "privacy.unknown_purpose" and "contact_disclosure" in str(info.value)
    with pytest.raises(bb.InvalidInputError) as info:
        d.privacy.view_newcomer("nc-6402-1185", "neighbour", dt.date(2016, 4, 1))
    assert info.value.code == "privacy.unknown_viewer"
    with pytest.raises(bb.InvalidInputError) as info:
        d.privacy.release("mp-1", instant("2016-05-01T10:00:00Z"), to_volunteer=["shoe_size"])
    assert info.value.code == "input.unknown_value"
    with pytest.raises(bb.ValidationError) as vinfo:
        d.privacy.add_consent(
            {"id": "c-x", "subject": {"type": "newcomer", "newcomer": "nc-nobody"}, "purposes": [], "given_on": "2016-01-01", "text_version": "v1"}
        )
    assert {f.code for f in vinfo.value.findings} >= {"validation.dangling_reference", "privacy.no_purpose"}
    with pytest.raises(bb.InvalidInputError) as info:
        d.privacy.add_consent({"id": "c-x", "subject": {"type": "newcomer", "newcomer": "nc-1"}, "purposes": ["marketing"], "given_on": "2016-01-01", "text_version": "v1"})
    assert info.value.path == "consent.purposes[0]"
    assert d.to_json() == before


def test_consents_bases_and_policies_are_added_and_the_review_reads_them() -> None:
    d = bb.Dossier.example("ikast-brande")
    d.privacy.add_consent(
        {
            "id": "c-renewed",
            "subject": {"type": "newcomer", "newcomer": "nc-4720-6613"},
            "purposes": ["matching"],
            "given_on": "2016-05-20",
            "text_version": "vvv-samtykke-2016-01",
            "language": "ti",
        }
    )
    d.privacy.add_basis(
        {
            "id": "b-football",
            "applies_to": {"type": "individual", "subject": {"type": "offer", "offer": "vvv-football-kids"}},
            "purpose": "matching",
            "basis": "legal_obligation",
            "attributes": ["offer.credentials"],
            "reference": "Børneattest indhentet efter reglerne for foreninger",
            "from": "2016-05-01",
        }
    )
    review = {f.code for f in d.privacy.review(dt.date(2016, 6, 1))}
    assert "privacy.no_basis_for_matching" not in review
    assert "privacy.sensitive_data_without_basis" not in review
    assert d.privacy.covering_basis("offer:vvv-football-kids", "matching", dt.date(2016, 6, 1), attribute="offer.credentials") == {"type": "legal", "basis": "b-football"}
    with pytest.raises(bb.ValidationError):
        d.privacy.add_retention_policy({"id": "r-x", "record": "inactive_person", "action": "delete", "keep_months": 12})
    d.privacy.add_retention_policy({"id": "r-people", "record": "inactive_person", "action": "anonymise", "keep_months": 12})
    assert len(d.privacy.retention_policies) == 5
    assert bb.Dossier.from_json(d.to_json()) == d


def test_consented_profile_runs_and_run_properties() -> None:
    d = bb.Dossier.example("ikast-brande")
    run = ikast_request(d, dt.date(2016, 4, 1))
    data = d.to_dict()
    again = bb.match_profiles_consented(
        d.rule_sets[0], data["cohorts"][0]["newcomers"], data["offers"], dt.date(2016, 4, 1), data["privacy"], cohorts=data["cohorts"]
    )
    assert again.pairs() == run.pairs() and again.withheld == run.withheld
    none = bb.match_profiles_consented(d.rule_sets[0], data["cohorts"][0]["newcomers"], data["offers"], dt.date(2016, 4, 1), {})
    # Without any consent every household and every offer is left out.
    assert none.pairs() == [] and len(none.withheld) == len(data["cohorts"][0]["newcomers"]) + len(data["offers"]) == 59
    assert bb.MatchRun.from_dict(run.to_dict()) == run
    text = json.dumps(run.to_dict())
    for secret in ["female", "volunteer_gender"]:
        assert secret not in text


def test_analyst_export_and_manifest() -> None:
    d = bb.Dossier.example("ikast-brande")
    d.matching.add_run(ikast_request(d, dt.date(2016, 4, 1)))
    e = d.privacy.analyst_export("ikast-2016-q1", dt.date(2016, 6, 1), run=d.match_runs[0].id)
    assert len(e["tables"]) == 10
    for t in e["tables"]:
        for c in t["cells"]:
            count = c.get("count")
            assert count is None or count >= 5
    assert all(m["purpose"] == "statistics" for m in e["manifest"]["entries"])
    md = d.privacy.manifest_markdown("en")
    assert md.startswith("| when |") and "contact.address" in md
    k = bb.PseudonymKey.from_hex("analysis-2016", "09" * 32)
    view = d.privacy.view_newcomer("nc-5583-2290", "analyst", dt.date(2016, 6, 1), key=k)
    assert view["newcomer"]["id"] == k.pseudonym("newcomer", "nc-5583-2290")


def test_anonymise_in_place_changes_nothing_on_unknown_scope() -> None:
    d = bb.Dossier.example("ikast-brande")
    before = d.to_json()
    with pytest.raises(bb.NotFoundError):
        d.privacy.anonymise({"type": "newcomers", "newcomers": ["nc-nobody"]}, dt.date(2020, 1, 1))
    assert d.to_json() == before
    report = d.privacy.anonymise({"type": "cohort", "cohort": "ikast-2016-q1"}, dt.date(2020, 1, 1))
    assert report["households"] == len(d.cohorts[0]["newcomers"]) == 48
    assert "nc-3817-2204" not in d.to_json()


steps = st.lists(st.tuples(st.integers(0, 5), st.sampled_from(["newcomer", "volunteer"]), st.integers(0, 30)), min_size=1, max_size=12)


@settings(max_examples=40, deadline=None)
@given(steps)
def test_no_release_before_both_acceptances(seq: list[tuple[int, str, int]]) -> None:
    d = bb.Dossier.example("ikast-brande")
    pid = d.privacy.propose("nc-1176-9902", "vvv-cp-brande", instant("2016-04-05T09:00:00Z"), expires_on=dt.date(2016, 4, 25))
    at = instant("2016-04-05T09:00:00Z")
    for op, side, hours in seq:
        at += dt.timedelta(hours=hours)
        before = d.to_json()
        try:
            if op <= 1:
                d.privacy.accept(pid, side, at)  # type: ignore[arg-type]
            elif op == 2:
                d.privacy.decline(pid, side, at)  # type: ignore[arg-type]
            elif op == 3:
                d.privacy.withdraw_proposal(pid, at)
            else:
                d.privacy.release(pid, at, to_volunteer=["phone"], to_household=["name"])
        except bb.BrobyggerError:
            assert d.to_json() == before
    events = [p for p in d.privacy.proposals if p["id"] == pid][0].get("events", [])
    kinds = [e["kind"]["type"] for e in events]
    if "released" in kinds:
        assert kinds.index("accepted_by_newcomer") < kinds.index("accepted_by_volunteer") < kinds.index("released")
        assert kinds[-1] == "released"
