"""Role splits through the Python binding: the same answers as Rust on the shared fixtures
(analysis, structural validation, operations, golden matrices and diffs), conversions of keys,
dicts, dates and roles, typed exceptions that change nothing, and no personal data in reports."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import brobygger as bb
from conftest import FIXTURES, cases, expected

GOLDEN = FIXTURES / "golden"
AS_OF = dt.date(2019, 6, 30)
MATRICES = [
    ("aalborg", "aalborg-lbb"),
    ("ikast-brande", "ikast-vvv"),
    ("ikast-brande", "ikast-nursing-internships"),
    ("horsens", "horsens-lawan"),
]
ERRORS: dict[str, type[bb.BrobyggerError]] = {
    "not_found": bb.NotFoundError,
    "invalid_input": bb.InvalidInputError,
    "validation": bb.ValidationError,
}


def rows(findings: list[bb.Finding]) -> list[dict[str, str]]:
    return [{"severity": f.severity, "code": f.code, "path": f.path} for f in findings]


def rows_with_source(findings: list[bb.Finding]) -> list[dict[str, Any]]:
    return [{**row, "source": f.citation} for row, f in zip(rows(findings), findings)]


# ------------------------------------------------------------------ shared fixtures


@pytest.mark.parametrize(("case", "path"), cases("roles/analysis"))
def test_analysis_fixture(case: str, path: Path) -> None:
    d = bb.Dossier.load(path)
    want = expected(path)
    assert rows(d.validate()) == want["validation"], case
    got = [
        {"agreement": a.id, "findings": rows_with_source(bb.Roles(d, a.id).analyse())}
        for a in d.agreements
    ]
    assert got == want["analysis"], case


@pytest.mark.parametrize(("case", "path"), cases("roles/operations"))
def test_operation_fixture(case: str, path: Path) -> None:
    spec = json.loads(path.read_text(encoding="utf-8"))
    want = expected(path)
    d = bb.Dossier.example(spec["example"])
    before = d.to_json()
    roles = bb.Roles(d, spec["agreement"])
    if want["error"] is None:
        roles.change(spec["changes"])
        assert roles.split() == want["roles"], case
        return
    error = want["error"]
    with pytest.raises(ERRORS[error["kind"]]) as info:
        roles.change(spec["changes"])
    err = info.value
    assert err.code == error["code"], case
    if isinstance(err, bb.InvalidInputError):
        assert err.path == error["path"], case
    if isinstance(err, bb.NotFoundError):
        assert err.entity == error["entity"], case
    assert d.to_json() == before, f"{case}: a failed change must change nothing"


@pytest.mark.parametrize(("example", "agreement"), MATRICES)
@pytest.mark.parametrize("lang", ["da", "en"])
def test_golden_matrices_match_rust(example: str, agreement: str, lang: str) -> None:
    m = bb.Roles(bb.Dossier.example(example), agreement).matrix(as_of=AS_OF)
    md = (GOLDEN / f"roles-{agreement}-{lang}.md").read_text(encoding="utf-8")
    html = (GOLDEN / f"roles-{agreement}-{lang}.html").read_text(encoding="utf-8")
    assert m.markdown(lang) == md  # type: ignore[arg-type]
    assert m.html(lang) == html  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_golden_diff_matches_rust(lang: str) -> None:
    roles = bb.Roles(bb.Dossier.example("aalborg"), "aalborg-lbb")
    golden = (GOLDEN / f"roles-diff-aalborg-lbb-{lang}.md").read_text(encoding="utf-8")
    assert roles.describe_diff(1, 2, lang) == golden  # type: ignore[arg-type]
    diff = roles.diff(1, 2)
    want = json.loads((GOLDEN / "roles-diff-aalborg-lbb.json").read_text(encoding="utf-8"))
    assert diff.to_dict() == want
    assert (diff.from_version, diff.to_version) == (1, 2)
    assert [a.to_dict() for a in diff.added] == want["added"]
    assert [(b.to_dict(), a.to_dict()) for b, a in diff.changed] == [
        (c["before"], c["after"]) for c in want["changed"]
    ]
    assert not diff.is_empty() and roles.diff(2, 2).is_empty()


# ------------------------------------------------------------------ conversions


def test_views_carry_typed_attributes() -> None:
    roles = bb.Roles(bb.Dossier.example("ikast-brande"), "ikast-vvv")
    assert roles.agreement == "ikast-vvv" and repr(roles) == 'Roles("ikast-vvv")'
    tasks = roles.tasks()
    first = tasks[0]
    assert first.key == "integration_contract" and first.statutory
    assert first.task == {"type": "catalogue", "id": "integration_contract"}
    assert first.name("en") == "Integration contract and plan"
    assert first.name("da") == "Integrationskontrakt og integrationsplan"
    assert first.typical_department == "integration"
    assert first.citation == '001 "Hvornår skal frivilligtilbud introduceres?"'
    activity = next(t for t in tasks if t.key == "activity:act-sport")
    assert not activity.statutory and activity.citation is None
    assert activity.name("en") == activity.name("da") == "Børn i idrætsforeninger"

    a = roles.assignments()[0]
    assert (a.task_key, a.party_key, a.role) == (
        "integration_contract",
        "department:ikast-brande/integration",
        "responsible",
    )
    assert a.carried_by is None and a.hours_per_month is None
    carried = next(x for x in roles.assignments() if x.hours_per_month == 6.0)
    assert carried.carried_by == {"type": "post", "post": "rk-ikast-activity-leader"}
    assert carried.note == "Kontaktfamilier og -personer i Ikast."

    m = roles.matrix()
    assert m.agreement == "ikast-vvv" and m.version == 1
    assert m.party_keys[0] == "department:ikast-brande/integration"
    assert m.party_names[2] == "Røde Kors Ikast"
    assert [t.key for t in m.tasks] == [t.key for t in tasks]
    assert m.roles_of("match_volunteers", "organisation:DK-LOCAL-roede-kors-ikast") == [
        "responsible",
        "accountable",
    ]
    assert m.roles_of("match_volunteers", "organisation:DK-LOCAL-nobody") is None
    assert m.findings == roles.analyse()
    assert "<table>" in m._repr_html_()
    assert m.to_dict()["rows"][0]["task"]["key"] == "integration_contract"


def test_tasks_and_parties_are_keys_or_dicts() -> None:
    roles = bb.Roles(bb.Dossier.example("ikast-brande"), "ikast-vvv")
    by_key = roles.carriers("match_volunteers", as_of=AS_OF)
    by_dict = roles.carriers({"type": "catalogue", "id": "match_volunteers"}, as_of=AS_OF)
    assert by_key == by_dict
    assert [(c.party_key, c.role) for c in by_key][:3] == [
        ("organisation:DK-LOCAL-roede-kors-ikast", "responsible"),
        ("organisation:DK-LOCAL-roede-kors-noerre-snede", "responsible"),
        ("organisation:DK-LOCAL-roede-kors-brande", "responsible"),
    ]
    accountable = next(c for c in by_key if c.role == "accountable")
    assert accountable.post == "rk-ikast-activity-leader"
    assert accountable.person is not None and accountable.person.startswith("p-")
    assert accountable.party_name == "Røde Kors Ikast"

    jobcentre = {"type": "department", "municipality": "ikast-brande", "department": "jobcenter"}
    duties = roles.duties(jobcentre)
    assert duties == roles.duties("department:ikast-brande/jobcenter")
    assert ("employment_measures", "accountable") in [
        (x.task.key, x.assignment.role) for x in duties
    ]
    whole = roles.duties("municipality:ikast-brande")
    assert len(whole) > len(duties)

    for bad, field in [("nope:x", "task"), ("", "task")]:
        with pytest.raises(bb.InvalidInputError) as info:
            roles.carriers(bad)
        assert (info.value.code, info.value.path) == ("input.bad_key", field)
    with pytest.raises(bb.InvalidInputError) as info:
        roles.duties("department:ikast-brande")
    assert (info.value.code, info.value.path) == ("input.bad_key", "party")
    with pytest.raises(bb.InvalidInputError) as info:
        roles.duties({"type": "club", "id": "x"})
    assert info.value.code == "input.bad_field" and info.value.path.startswith("party")
    with pytest.raises(bb.NotFoundError) as nf:
        roles.carriers("activity:act-none")
    assert (nf.value.code, nf.value.entity) == ("not_found.task", "task")


def test_operations_raise_typed_errors_and_change_nothing() -> None:
    d = bb.Dossier.example("horsens")
    before = d.to_json()
    roles = bb.Roles(d, "horsens-lawan")
    with pytest.raises(bb.InvalidInputError) as info:
        roles.assign("activity:act-festival", "organisation:DK-LOCAL-lawan-horsens", "accountable")
    assert (info.value.code, info.value.path) == ("roles.second_accountable", "assignment.role")
    assert "department:horsens/fritid" in info.value.reason
    with pytest.raises(bb.InvalidInputError) as info:
        roles.assign("coordinate", "department:horsens/fritid", "boss")
    assert info.value.path == "role" and "responsible" in info.value.reason
    with pytest.raises(bb.InvalidInputError) as info:
        roles.assign("evaluate", "department:horsens/fritid", "responsible", post="x", person="y")
    assert info.value.code == "input.post_and_person"
    with pytest.raises(bb.NotFoundError) as nf:
        roles.assign("evaluate", "department:horsens/fritid", "responsible", post="no-post")
    assert nf.value.entity == "post"
    with pytest.raises(bb.NotFoundError) as nf:
        roles.unassign("evaluate", "department:horsens/fritid", "responsible")
    assert nf.value.code == "not_found.assignment"
    with pytest.raises(bb.InvalidInputError) as info:
        roles.change([{"type": "assign", "assignment": {"task": "coordinate"}}])
    assert info.value.code == "input.bad_field" and info.value.path.startswith("changes")
    assert d.to_json() == before

    roles.assign(
        "evaluate",
        "department:horsens/fritid",
        "responsible",
        post="horsens-leisure-consultant",
        hours_per_month=1.5,
        note="Evaluering efter festivalen",
    )
    assert roles.matrix().roles_of("evaluate", "department:horsens/fritid") == ["responsible"]
    removed = roles.unassign("evaluate", {"type": "department", "municipality": "horsens", "department": "fritid"}, "responsible")
    assert removed.hours_per_month == 1.5 and removed.note == "Evaluering efter festivalen"
    assert d.to_json() == before

    with pytest.raises(bb.NotFoundError) as nf:
        bb.Roles(d, "no-such-agreement")
    assert nf.value.code == "not_found.agreement"


def test_binding_agreements_change_by_amendment_into_a_new_version() -> None:
    d = bb.Dossier.example("ikast-brande")
    roles = bb.Roles(d, "ikast-vvv")
    change = [
        {
            "type": "assign",
            "assignment": {
                "task": {"type": "catalogue", "id": "evaluate"},
                "party": {"type": "department", "municipality": "ikast-brande", "department": "integration"},
                "role": "responsible",
            },
        }
    ]
    with pytest.raises(bb.InvalidInputError) as info:
        roles.change(change)
    assert info.value.code == "lifecycle.binding_terms"
    by = next(p for p in d.posts if p.id == "ib-integration-lead").holders[0].person
    assert roles.amend(change, dt.date(2019, 9, 1), by, "Evaluering placeres") == 2
    assert d.agreement("ikast-vvv").version == 2
    diff = roles.diff(1, 2)
    assert [a.task_key for a in diff.added] == ["evaluate"] and not diff.removed
    assert len(roles.assignments(version=1)) + 1 == len(roles.assignments())
    with pytest.raises(bb.NotFoundError) as nf:
        roles.diff(1, 7)
    assert nf.value.code == "not_found.version"


def test_a_statutory_task_outside_the_municipality_blocks_signing() -> None:
    d = bb.Dossier.example("horsens")
    roles = bb.Roles(d, "horsens-lawan")
    roles.assign("school_daycare_placement", "organisation:DK-LOCAL-lawan-horsens", "responsible")
    (f,) = [f for f in roles.analyse() if f.code == "roles.statutory_outside_municipality"]
    assert f.severity == "error" and f.citation == '001 "Anerkendelse og respekt"'
    by = next(p for p in d.posts if p.id == "horsens-leisure-consultant").holders[0].person
    at = dt.datetime(2017, 8, 15, tzinfo=dt.timezone.utc)
    with pytest.raises(bb.InvalidTransitionError) as info:
        d.lifecycle.transition("horsens-lawan", "signed", by, at)
    assert "roles.statutory_outside_municipality" in [x.code for x in info.value.findings]
    assert d.agreement("horsens-lawan").status == "negotiating"


def test_the_catalogue_is_bilingual_and_statutory_first() -> None:
    catalogue = bb.task_catalogue()
    assert len(catalogue) == 17
    statutory = [t["id"] for t in catalogue if t["statutory"]]
    assert statutory == [t["id"] for t in catalogue[: len(statutory)]]
    assert "official_interpreting" in statutory and "match_volunteers" not in statutory
    for t in catalogue:
        assert t["name"]["da"] and t["name"]["en"] and t["description"]["da"]
    labels = {e["value"]: e["label"] for e in bb.vocabulary("da") if e["vocabulary"] == "raci"}
    assert labels == {
        "responsible": "udfører",
        "accountable": "ansvarlig",
        "consulted": "konsulteres",
        "informed": "informeres",
    }


def test_reports_and_reprs_name_no_person() -> None:
    d = bb.Dossier.example("aalborg")
    roles = bb.Roles(d, "aalborg-lbb")
    names = [part for p in d.people for part in p.name.split() if len(part) > 2]
    m = roles.matrix()
    texts = [m.markdown("da"), m.html("en"), repr(m), json.dumps(m.to_dict(), ensure_ascii=False)]
    texts += [repr(c) for c in roles.carriers("coordinate")]
    for text in texts:
        for name in names:
            assert name not in text


# ------------------------------------------------------------------ properties

TASKS = ["coordinate", "evaluate", "school_daycare_placement", "activity:act-festival", "custom:t-project-plan", "nope"]
PARTIES = [
    "department:horsens/fritid",
    "department:horsens/integration",
    "organisation:DK-LOCAL-lawan-horsens",
    "organisation:DK-LOCAL-dansk-flygtningehjaelp",
]
ROLES = ["responsible", "accountable", "consulted", "informed"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.booleans(), st.sampled_from(TASKS), st.sampled_from(PARTIES), st.sampled_from(ROLES)),
        max_size=6,
    )
)
def test_any_sequence_of_assignments_keeps_the_split_valid(ops: list[tuple[bool, str, str, str]]) -> None:
    d = bb.Dossier.example("horsens")
    roles = bb.Roles(d, "horsens-lawan")
    for assign, task, party, role in ops:
        before = d.to_json()
        try:
            if assign:
                roles.assign(task, party, role)
            else:
                roles.unassign(task, party, role)
        except (bb.NotFoundError, bb.InvalidInputError):
            assert d.to_json() == before
    assert not [f for f in d.validate() if f.severity == "error"]
    assert not [f for f in roles.analyse() if f.code == "roles.multiple_accountable"]
