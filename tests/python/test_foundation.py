"""Foundation through the Python binding: the same answers as Rust on the shared fixtures,
typed exceptions with findings, lossless round trips, and no crash on a Rust panic."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import brobygger as bb
from conftest import FIXTURES, cases, expected

UTC = dt.timezone.utc


def rows(findings: list[bb.Finding]) -> list[dict[str, str]]:
    return [{"severity": f.severity, "code": f.code, "path": f.path} for f in findings]


def test_examples_are_listed_and_valid() -> None:
    assert bb.example_names() == ["aalborg", "ikast-brande", "horsens", "esbjerg"]
    for name in bb.example_names():
        d = bb.Dossier.example(name)
        assert d.schema_version == bb.SCHEMA_VERSION == 1
        assert not [f for f in d.validate() if f.severity == "error"]


@pytest.mark.parametrize("name", ["aalborg", "ikast-brande", "horsens", "esbjerg"])
@pytest.mark.parametrize("lang", ["da", "en"])
def test_golden_summary_matches_rust(name: str, lang: str) -> None:
    golden = (FIXTURES / "golden" / f"summary-{name}-{lang}.txt").read_text(encoding="utf-8")
    assert bb.Dossier.example(name).summary(lang, as_of=dt.date(2019, 6, 30)) == golden  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["aalborg", "ikast-brande", "horsens", "esbjerg"])
def test_golden_findings_match_rust(name: str) -> None:
    golden = json.loads((FIXTURES / "golden" / f"validate-{name}.json").read_text(encoding="utf-8"))
    assert [f.to_dict() for f in bb.Dossier.example(name).validate()] == golden


@pytest.mark.parametrize(("case", "path"), cases("validation"))
def test_validation_fixture(case: str, path: Path) -> None:
    d = bb.Dossier.load(path)
    assert rows(d.validate()) == expected(path)["findings"], case


@pytest.mark.parametrize(("case", "path"), cases("load-errors"))
def test_load_error_fixture(case: str, path: Path) -> None:
    want = expected(path)
    with pytest.raises(bb.BrobyggerError) as info:
        bb.Dossier.load(path)
    err = info.value
    assert err.code == want["code"], case
    if want["kind"] == "parse":
        assert isinstance(err, bb.ParseError)
        assert err.path == want["path"]
    else:
        assert isinstance(err, bb.UnsupportedVersionError)
        assert err.supported == 1


def test_check_raises_validation_error_with_every_finding() -> None:
    d = bb.Dossier.load(FIXTURES / "validation" / "many-problems.input.json")
    with pytest.raises(bb.ValidationError) as info:
        d.check()
    assert info.value.code == "validation.failed"
    paths = {f.path for f in info.value.findings}
    assert "agreements[0].versions[0].terms.term.end" in paths
    assert "people[3].id" in paths
    assert len(info.value.findings) == len(expected(FIXTURES / "validation" / "many-problems.input.json")["findings"])


def test_round_trip_is_lossless_through_json_and_dicts(tmp_path: Path) -> None:
    for name in bb.example_names():
        d = bb.Dossier.example(name)
        assert bb.Dossier.from_json(d.to_json()) == d
        assert bb.Dossier.from_dict(d.to_dict()) == d
        d.save(tmp_path / f"{name}.json")
        assert bb.Dossier.load(tmp_path / f"{name}.json") == d


def test_objects_have_attributes_and_real_dates() -> None:
    d = bb.Dossier.example("aalborg")
    (m,) = d.municipalities
    assert (m.name, m.code) == ("Aalborg Kommune", 851)
    assert {dep.kind for dep in m.departments} == {"integration", "jobcentre", "children_and_schools"}
    a = d.agreement("aalborg-lbb")
    assert a.status == "active" and a.version == 2
    assert [v.number for v in a.versions] == [1, 2]
    assert a.versions[0].terms.stage == "project" and a.terms is not None and a.terms.stage == "operation"
    assert a.terms.start == dt.date(2014, 9, 1)
    assert a.history[0].at == dt.datetime(2014, 6, 10, 10, 0, tzinfo=UTC)
    assert a.status_on(dt.date(2017, 2, 1)) == "under_review"
    post = next(p for p in d.posts if p.id == "aalborg-lbb-project-lead")
    assert post.holders[0].until == dt.date(2016, 2, 1)
    assert d.holder_of("aalborg-lbb-project-lead", dt.date(2016, 6, 1)) == post.holders[1].person
    assert "Person(" in repr(d.people[0]) and d.people[0].name not in repr(d.people[0])


def test_lifecycle_errors_are_typed_and_change_nothing() -> None:
    d = bb.Dossier.example("ikast-brande")
    by = next(p for p in d.posts if p.id == "ib-integration-lead").holders[-1].person
    at = dt.datetime(2019, 7, 1, 9, 0, tzinfo=UTC)
    d.lifecycle.transition("ikast-nursing-internships", "negotiating", by, at)
    with pytest.raises(bb.InvalidTransitionError) as info:
        d.lifecycle.transition("ikast-nursing-internships", "signed", by, at)
    err = info.value
    assert (err.code, err.from_status, err.to_status) == ("lifecycle.blocked", "negotiating", "signed")
    assert any(f.code == "signing.no_shared_goal" and f.source_document == "001" for f in err.findings)
    assert d.agreement("ikast-nursing-internships").status == "negotiating"
    with pytest.raises(bb.InvalidInputError) as bad:
        d.lifecycle.transition("ikast-nursing-internships", "sined", by, at)
    assert bad.value.path == "to"
    with pytest.raises(bb.NotFoundError):
        d.lifecycle.transition("nope", "ended", by, at)
    event = d.lifecycle.transition("ikast-nursing-internships", "signed", by, at, override_reason="Pilot")
    assert "signing.no_shared_goal" in event.overridden and event.override_reason == "Pilot"


def test_amend_and_handover() -> None:
    d = bb.Dossier.example("aalborg")
    a = d.agreement("aalborg-lbb")
    assert a.terms is not None
    terms = a.terms.to_dict()
    terms["title"] = "Ny titel"
    by = d.people[0].id
    assert d.lifecycle.amend("aalborg-lbb", terms, dt.date(2018, 1, 1), by, "Ny titel") == 3
    assert d.agreement("aalborg-lbb").title == "Ny titel"
    terms["term"]["end"] = "2000-01-01"
    with pytest.raises(bb.ValidationError) as info:
        d.lifecycle.amend("aalborg-lbb", terms, dt.date(2018, 1, 1), by, "Ugyldig")
    assert any(f.code == "validation.end_before_start" for f in info.value.findings)
    terms["stage"] = "eternal"  # type: ignore[typeddict-item]
    with pytest.raises(bb.InvalidInputError) as bad:
        d.lifecycle.amend("aalborg-lbb", terms, dt.date(2018, 1, 1), by, "Ugyldig")
    assert bad.value.path == "terms.stage"

    new = d.add_person("Ny Koordinator")
    old = next(p for p in d.posts if p.id == "rk-aalborg-coordinator").holders[-1].person
    report = d.handover(old, new, dt.date(2018, 1, 1))
    assert report.posts == ["rk-aalborg-coordinator"] and report.agreements == ["aalborg-lbb"]
    assert d.holder_of("rk-aalborg-coordinator", dt.date(2018, 1, 2)) == new
    with pytest.raises(bb.InvalidInputError):
        d.handover(old, new, dt.date(2018, 1, 1))
    with pytest.raises(bb.InvalidInputError):
        d.add_person("Fatima Hansen", id="fatima-hansen")


def test_a_rust_panic_is_an_exception_not_a_crash() -> None:
    from brobygger import _brobygger

    with pytest.raises(BaseException) as info:
        _brobygger._self_test_panic()
    assert type(info.value).__name__ == "PanicException"
    assert bb.Dossier.example("horsens").validate() == []


def test_errors_never_quote_personal_values() -> None:
    d = bb.Dossier.example("aalborg").to_dict()
    d["people"][0]["email"] = ["Mette Lund"]  # type: ignore[typeddict-item]
    with pytest.raises(bb.ParseError) as info:
        bb.Dossier.from_json(json.dumps(d))
    assert "Mette" not in str(info.value) and "Mette" not in info.value.reason


def test_vocabulary_is_bilingual() -> None:
    da = bb.vocabulary("da")
    en = bb.vocabulary("en")
    assert len(da) == len(en) > 50
    pick = [e for e in da if e["vocabulary"] == "organisation_kind" and e["value"] == "champion"]
    assert pick[0]["label"] == "ildsjæl"
    with pytest.raises(bb.InvalidInputError):
        bb.vocabulary("de")  # type: ignore[arg-type]
    assert "x-sensitivity" in bb.dossier_schema_json()
