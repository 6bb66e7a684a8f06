"""The exception hierarchy: one base class, a subclass per kind a caller can act on, each
raised by real operations across the library with a stable code and structured findings; bad
input of any shape is an error, never a panic."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import brobygger as bb
from conftest import FIXTURES

KINDS = [
    bb.ParseError,
    bb.UnsupportedVersionError,
    bb.ValidationError,
    bb.NotFoundError,
    bb.InvalidTransitionError,
    bb.InvalidInputError,
    bb.InfeasibleError,
    bb.CancelledError,
    bb.InternalError,
]


def test_one_base_class_and_a_subclass_per_kind() -> None:
    assert issubclass(bb.BrobyggerError, Exception)
    exported = {n for n in bb.__all__ if n.endswith("Error")}
    assert exported == {k.__name__ for k in KINDS} | {"BrobyggerError", "MissingFileError"}
    for kind in KINDS:
        # The first base is ours; a second is the built-in a caller catches (ValueError, ...).
        assert kind.__bases__[0] is bb.BrobyggerError and len(kind.__bases__) <= 2, kind
        assert all(b.__module__ == "builtins" for b in kind.__bases__[1:]), kind
        assert kind.__module__ == "brobygger"
        assert kind.__doc__ and kind.__doc__.strip()
    # Kinds are distinct: catching one never catches another.
    for a in KINDS:
        for b in KINDS:
            assert issubclass(a, b) == (a is b)


def horsens() -> bb.Dossier:
    return bb.Dossier.example("horsens")


def transition_blocked() -> Any:
    d = bb.Dossier.example("ikast-brande")
    by = next(p for p in d.posts if p.id == "ib-integration-lead").holders[-1].person
    at = dt.datetime(2019, 7, 1, 9, 0, tzinfo=dt.timezone.utc)
    d.lifecycle.transition("ikast-nursing-internships", "negotiating", by, at)
    return d.lifecycle.transition("ikast-nursing-internships", "signed", by, at)


# Each kind raised by real operations in different areas: (kind, code, operation).
RAISED: list[tuple[type[BaseException], str, Callable[[], Any]]] = [
    (bb.ParseError, "load.syntax", lambda: bb.Dossier.from_json("{")),
    (bb.ParseError, "load.syntax", lambda: bb.RuleSet.from_toml("id = [ nope")),
    (bb.UnsupportedVersionError, "load.newer_schema_version",
     lambda: bb.Dossier.from_json(json.dumps({**horsens().to_dict(), "schema_version": 99}))),
    (bb.ValidationError, "validation.failed",
     lambda: bb.Dossier.load(FIXTURES / "validation" / "many-problems.input.json").check()),
    (bb.NotFoundError, "not_found.agreement", lambda: horsens().agreement("nope")),
    (bb.NotFoundError, "not_found.agreement", lambda: bb.Roles(horsens(), "nope")),
    (bb.NotFoundError, "not_found.checklist_session", lambda: horsens().checklists.session("nope")),
    (bb.NotFoundError, "not_found.checklist_template", lambda: bb.checklist_template("nope")),
    (bb.NotFoundError, "not_found.survey", lambda: horsens().surveys.results("nope")),
    (bb.NotFoundError, "not_found.cohort",
     lambda: horsens().matching.match_cohort("nope", "nope", as_of=dt.date(2017, 1, 1))),
    (bb.NotFoundError, "not_found.agreement",
     lambda: bb.assess_many([horsens()], dt.date(2017, 1, 1)) and horsens().assessment.report("nope", dt.date(2017, 1, 1))),
    (bb.InvalidTransitionError, "lifecycle.blocked", transition_blocked),
    (bb.InvalidInputError, "input.bad_field", lambda: bb.RuleSet.from_dict({"id": 3})),
    (bb.InvalidInputError, "input.lang", lambda: bb.vocabulary("de")),  # type: ignore[arg-type]
    (bb.InvalidInputError, "input.lang", lambda: bb.scores_frame([], lang="fr")),
    (bb.InvalidInputError, "assessment.unknown_source",
     lambda: horsens().assessment.assess("horsens-lawan", dt.date(2017, 1, 1), external={"nope": []})),
    (bb.InfeasibleError, "assignment.infeasible", lambda: bb.linear_sum_assignment([[float("inf")]])),
    (bb.CancelledError, "work.cancelled",
     lambda: bb.Dossier.example("ikast-brande").matching.match_cohort(
         "ikast-2016-q1", "vvv-ikast", dt.date(2016, 4, 1), progress=lambda p: False)),
]


@pytest.mark.parametrize("kind, code, operation", RAISED, ids=[f"{k.__name__}:{c}" for k, c, _ in RAISED])
def test_each_kind_is_raised_by_real_operations(kind: type[BaseException], code: str, operation: Callable[[], Any]) -> None:
    with pytest.raises(kind) as info:
        operation()
    err: Any = info.value
    assert isinstance(err, bb.BrobyggerError)
    assert err.code == code
    assert str(err).startswith(code)
    assert isinstance(err.findings, list)
    assert all(isinstance(f, bb.Finding) for f in err.findings)


def test_every_kind_but_internal_is_covered() -> None:
    assert {k for k, _, _ in RAISED} == set(KINDS) - {bb.InternalError}


@pytest.mark.parametrize(
    "operation",
    [lambda: bb.Dossier.load(FIXTURES / "validation" / "many-problems.input.json").check(), transition_blocked],
)
def test_findings_carry_code_path_severity_and_both_languages(operation: Callable[[], Any]) -> None:
    with pytest.raises(bb.BrobyggerError) as info:
        operation()
    findings = info.value.findings
    assert findings
    for f in findings:
        assert f.code and "." in f.code
        assert f.severity in {"error", "warning", "info"}
        assert isinstance(f.path, str)
        assert f.message_da.strip() and f.message_en.strip()
        assert f.message("da") == f.message_da and f.message("en") == f.message_en
    assert any(f.path for f in findings)


def test_kind_specific_attributes() -> None:
    with pytest.raises(bb.ParseError) as parse:
        bb.Dossier.from_json('{\n  "title": }')
    assert (parse.value.line, parse.value.column) == (2, 12) and parse.value.reason
    with pytest.raises(bb.NotFoundError) as missing:
        horsens().agreement("nope")
    assert (missing.value.entity, missing.value.id) == ("agreement", "nope")
    with pytest.raises(bb.InvalidTransitionError) as blocked:
        transition_blocked()
    assert (blocked.value.from_status, blocked.value.to_status) == ("negotiating", "signed")
    with pytest.raises(bb.InvalidInputError) as bad:
        bb.RuleSet.from_dict({"id": 3})
    assert bad.value.path == "rule_set.id" and "3" not in bad.value.reason


def test_a_failed_operation_changes_nothing() -> None:
    d = bb.Dossier.example("ikast-brande")
    before = d.to_json()
    with pytest.raises(bb.NotFoundError):
        d.matching.record_introduction("ikast-2016-q1", "nc-nobody", dt.date(2016, 3, 1))
    assert d.to_json() == before


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**40), 2**40) | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=20,
)
profile_keys = st.sampled_from(["id", "arrival", "languages", "needs", "location", "household", "availability",
                                "capacity", "kind", "serves", "listed_on", "provider", "area", "lat"])
profiles = st.lists(st.dictionaries(profile_keys, json_values, max_size=6), max_size=3)


def only_library_errors(operation: Callable[[], Any]) -> None:
    try:
        operation()
    except bb.BrobyggerError:
        pass
    # A pyo3 PanicException derives from BaseException: it would escape this and fail the test.


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_any_text_is_read_or_rejected_without_panic(text: str) -> None:
    only_library_errors(lambda: bb.Dossier.from_json(text))
    only_library_errors(lambda: bb.RuleSet.from_toml(text))
    only_library_errors(lambda: bb.RuleSet.from_json(text))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_values)
def test_any_data_is_read_or_rejected_without_panic(data: Any) -> None:
    only_library_errors(lambda: bb.Dossier.from_dict(data))
    only_library_errors(lambda: bb.RuleSet.from_dict(data))
    only_library_errors(lambda: bb.MatchRun.from_dict(data))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles, profiles)
def test_any_profiles_are_matched_or_rejected_without_panic(newcomers: list[dict[str, Any]], offers: list[dict[str, Any]]) -> None:
    rules = bb.Dossier.example("ikast-brande").rule_sets[0]
    only_library_errors(lambda: bb.match_profiles(rules, newcomers, offers, as_of=dt.date(2016, 4, 1)))
    only_library_errors(lambda: bb.profiles(newcomers, offers))
