"""No ungated path from Python (issue 18): every function that runs a match passes the core's
consent gate and records what it withheld and what it used under which basis.

`crates/core/tests/gate_everywhere.rs` reads the binding's sources and fails when a function that
returns a run is not exercised here: match_profiles, Profiles.run, match_profiles_consented,
d.matching.match_cohort, d.matching.match_profiles and d.matching.rematch."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import datetime as dt
import json
from typing import Any

import pytest

import brobygger as bb
from conftest import FIXTURES

MATCHING = FIXTURES / "matching"
AS_OF = dt.date(2016, 4, 1)


def rules() -> bb.RuleSet:
    return bb.RuleSet.load(MATCHING / "vvv-ikast.rules.toml")


def profiles(own_columns: bool) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    n: list[dict[str, Any]] = json.loads((MATCHING / "vvv-ikast.newcomers.json").read_text(encoding="utf-8"))
    o: list[dict[str, Any]] = json.loads((MATCHING / "vvv-ikast.offers.json").read_text(encoding="utf-8"))
    if not own_columns:
        for p in n + o:
            p.pop("privacy", None)
    return n, o


def other_values(n: list[dict[str, Any]], o: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    n = [dict(x, preferences=[{"type": "volunteer_gender", "gender": "male"}]) for x in n]
    o = [{k: v for k, v in x.items() if k != "credentials"} for x in o]
    return n, o


def keys(items: Sequence[Mapping[str, Any]]) -> set[tuple[str, str]]:
    return {(json.dumps(i["subject"], sort_keys=True), i["attribute"]) for i in items}


def accounted(run: bb.MatchRun, n: int, o: int) -> None:
    """Every subject has each sensitive attribute either used (with a basis) or withheld."""
    used, withheld = keys(run.sensitive_uses), keys(run.withheld)
    assert not used & withheld
    assert len(used | withheld) == n + o
    for secret in ["female", "male", "child_protection_certificate"]:
        assert secret not in json.dumps(run.withheld)


def test_match_profiles_without_a_basis_withholds_and_ignores_the_values() -> None:
    n, o = profiles(own_columns=False)
    run = bb.match_profiles(rules(), n, o, as_of=AS_OF)
    d = run.to_dict()
    assert d["bases_from"] == "profiles"
    assert run.sensitive_uses == []
    assert len(run.withheld) == len(n) + len(o)
    accounted(run, len(n), len(o))
    n2, o2 = other_values(n, o)
    assert bb.match_profiles(rules(), n2, o2, as_of=AS_OF).to_dict() == d


def test_match_profiles_reads_the_profiles_own_columns_and_declared_bases() -> None:
    n, o = profiles(own_columns=True)
    run = bb.match_profiles(rules(), n, o, as_of=AS_OF)
    assert run.withheld == []
    assert len(run.sensitive_uses) == len(n) + len(o)
    accounted(run, len(n), len(o))
    bare_n, bare_o = profiles(own_columns=False)
    basis = {"id": "certificates", "basis": "legal_obligation", "attributes": ["offer.credentials"], "reference": "børneattestloven § 2"}
    declared = bb.match_profiles(rules(), bare_n, bare_o, as_of=AS_OF, bases=[basis])
    assert declared.to_dict()["declared_bases"] == [basis]
    assert {u["basis"]["basis"] for u in declared.sensitive_uses} == {"certificates"}  # type: ignore[typeddict-item]
    accounted(declared, len(n), len(o))
    with pytest.raises(bb.InvalidInputError):
        bb.match_profiles(rules(), bare_n, bare_o, as_of=AS_OF, bases=[dict(basis, basis="no_such_basis")])


def test_profiles_run_is_gated_like_match_profiles() -> None:
    n, o = profiles(own_columns=False)
    bulk = bb.profiles(n, o)
    run = bulk.run(rules(), AS_OF)
    assert run.to_dict() == bb.match_profiles(rules(), n, o, as_of=AS_OF).to_dict()
    assert len(run.withheld) == len(n) + len(o)
    accounted(run, len(n), len(o))


def test_match_profiles_consented_and_match_cohort_record_their_source() -> None:
    d = bb.Dossier.example("ikast-brande")
    data = d.to_dict()
    cohort = d.matching.match_cohort("ikast-2016-q1", "vvv-ikast", as_of=AS_OF)
    assert cohort.to_dict()["bases_from"] == "dossier"
    assert cohort.sensitive_uses
    accounted(cohort, len(data["cohorts"][0]["newcomers"]), len(data["offers"]))
    records = bb.match_profiles_consented(
        d.rule_sets[0], data["cohorts"][0]["newcomers"], data["offers"], AS_OF, data["privacy"], cohorts=data["cohorts"]
    )
    assert records.to_dict()["bases_from"] == "records"
    assert records.withheld == cohort.withheld and records.sensitive_uses == cohort.sensitive_uses


def test_match_profiles_beside_a_dossier_uses_its_records_not_the_profiles_columns() -> None:
    d = bb.Dossier.example("ikast-brande")
    data = d.to_dict()
    n, o = data["cohorts"][0]["newcomers"], data["offers"]
    cohort = d.matching.match_cohort("ikast-2016-q1", "vvv-ikast", as_of=AS_OF)
    beside = d.matching.match_profiles(d.rule_sets[0], n, o, AS_OF)
    assert beside.to_dict()["bases_from"] == "dossier"
    assert beside.sensitive_uses == cohort.sensitive_uses and beside.withheld == cohort.withheld
    # Consent columns on the profiles change nothing beside a dossier: its records decide.
    own_n, _ = profiles(own_columns=True)
    columns = [dict(x, privacy=own_n[0]["privacy"]) for x in n]
    assert d.matching.match_profiles(d.rule_sets[0], columns, o, AS_OF).to_dict() == beside.to_dict()


def test_rematch_is_gated_by_the_dossiers_records() -> None:
    d = bb.Dossier.example("ikast-brande")
    run = d.matching.rematch("vvv-ikast", AS_OF)
    assert run.to_dict()["bases_from"] == "dossier"
    assert run.sensitive_uses
    used, withheld = keys(run.sensitive_uses), keys(run.withheld)
    assert not used & withheld
    for secret in ["female", "male", "child_protection_certificate"]:
        assert secret not in json.dumps(run.withheld)
