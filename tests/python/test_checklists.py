"""Checklists through the Python binding: the shared fixtures give the same answers as Rust,
sessions save half-done and resume through files, signing waits for critical divergences, errors
are typed with their findings, and the rendered comparison matches the golden files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import brobygger as bb
from conftest import FIXTURES

UTC = dt.timezone.utc
LAWAN = {"type": "organisation", "organisation": "DK-LOCAL-lawan-horsens"}
FRITID = {"type": "department", "municipality": "horsens", "department": "fritid"}


def at(day: int, hour: int = 10, month: int = 6) -> dt.datetime:
    return dt.datetime(2017, month, day, hour, 0, tzinfo=UTC)


def rows(findings: list[bb.Finding]) -> list[dict[str, str]]:
    return [{"severity": f.severity, "code": f.code, "path": f.path} for f in findings]


def inputs(folder: str, *exts: str) -> list[tuple[str, Path]]:
    found = sorted(p for ext in exts for p in (FIXTURES / folder).glob(f"*.input.{ext}"))
    assert found, f"no cases in {folder}"
    return [(p.name.split(".input.")[0], p) for p in found]


def expected_for(path: Path) -> Any:
    name = path.name.split(".input.")[0]
    return json.loads((path.parent / f"{name}.expected.json").read_text(encoding="utf-8"))


def holder(d: bb.Dossier, post: str) -> str:
    return next(p for p in d.posts if p.id == post).holders[-1].person


@pytest.mark.parametrize(("case", "path"), inputs("checklists/templates", "toml", "json"))
def test_template_fixture(case: str, path: Path) -> None:
    want = expected_for(path)
    if want["kind"] == "ok":
        t = bb.ChecklistTemplate.load(path)
        assert (t.id, t.version, t.item_count) == (want["id"], want["version"], want["items"])
        return
    with pytest.raises(bb.BrobyggerError) as info:
        bb.ChecklistTemplate.load(path)
    err = info.value
    assert err.code == want["code"], case
    assert "Fatima" not in str(err)
    if want["kind"] == "parse":
        assert isinstance(err, bb.ParseError)
        assert (err.path, err.line, err.column) == (want["path"], want["line"], want["column"])
        assert "Fatima" not in err.reason
    elif want["kind"] == "unsupported_version":
        assert isinstance(err, bb.UnsupportedVersionError)
    else:
        assert isinstance(err, bb.ValidationError)
        assert rows(err.findings) == want["findings"]


def outcome(d: bb.Dossier) -> dict[str, Any]:
    """The same projection the Rust fixture test writes to `<case>.expected.json`."""
    alignments: list[dict[str, Any]] = []
    readiness: list[dict[str, Any]] = []
    for a in d.agreements:
        for al in d.checklists.alignments(a.id):
            alignments.append(
                {
                    "agreement": al.agreement,
                    "template": al.template,
                    "template_version": al.template_version,
                    "score": al.score,
                    "coverage": al.coverage,
                    "counts": al.counts,
                    "columns": [
                        {k: c[k] for k in ("session", "answered", "total", "submitted")} for c in al.columns
                    ],
                    "items": [{k: i[k] for k in ("item", "status", "score", "resolved")} for i in al.items],
                    "findings": rows(al.findings),
                }
            )
        r = d.checklists.readiness(a.id)
        readiness.append(
            {
                "agreement": r.agreement,
                "ready": r.ready,
                "requirements": [
                    {
                        "template": q["template"],
                        "complete": q["complete"],
                        "open_critical": q["open_critical"],
                        "parties": [
                            {k: p[k] for k in ("session", "answered", "total", "submitted")} for p in q["parties"]
                        ],
                    }
                    for q in r.requirements
                ],
                "findings": rows(r.findings),
            }
        )
    return {"validation": rows(d.validate()), "alignments": alignments, "readiness": readiness}


@pytest.mark.parametrize(("case", "path"), inputs("checklists/dossiers", "json"))
def test_dossier_fixture_matches_rust(case: str, path: Path) -> None:
    assert outcome(bb.Dossier.load(path)) == expected_for(path), case


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize(("fmt", "ext"), [("markdown", "md"), ("html", "html")])
def test_golden_comparison_matches_rust(lang: str, fmt: str, ext: str) -> None:
    golden = (FIXTURES / "golden" / f"checklist-horsens-joint-expectations-{lang}.{ext}").read_text(encoding="utf-8")
    d = bb.Dossier.example("horsens")
    assert d.checklists.render_comparison("horsens-lawan", "joint-expectations", fmt, lang) == golden  # type: ignore[arg-type]
    assert d.checklists.alignment("horsens-lawan", "joint-expectations").render(fmt, lang) == golden  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_checklist_summary_matches_rust(lang: str) -> None:
    golden = (FIXTURES / "golden" / f"checklist-summary-horsens-{lang}.txt").read_text(encoding="utf-8")
    assert bb.Dossier.example("horsens").checklists.summary(lang) == golden  # type: ignore[arg-type]
    assert bb.Dossier.example("aalborg").checklists.summary(lang) == ""  # type: ignore[arg-type]
    form = bb.checklist_template("kem-municipal-preparation").describe(lang)  # type: ignore[arg-type]
    assert form.count("\n1. ") == 1 and "12. " in form


@pytest.mark.parametrize("lang", ["da", "en"])
def test_item_lists_match_rust(lang: str) -> None:
    golden = json.loads((FIXTURES / "golden" / f"checklist-items-joint-expectations-{lang}.json").read_text(encoding="utf-8"))
    assert bb.checklist_template("joint-expectations").items(lang) == golden  # type: ignore[arg-type]


def test_builtin_templates_round_trip_and_validate() -> None:
    templates = bb.checklist_templates()
    assert [t.id for t in templates] == [
        "kem-municipal-preparation",
        "kem-association-standpoint",
        "kem-municipality-advice",
        "kem-association-advice",
        "lbb-recommendations",
        "kem-resource-check",
        "joint-expectations",
    ]
    for t in templates:
        assert bb.ChecklistTemplate.from_toml(t.to_toml()) == t
        assert bb.ChecklistTemplate.from_json(t.to_json()) == t
        assert bb.ChecklistTemplate.from_dict(t.to_dict()) == t
        assert t.validate() == []
        assert t.title("da") != t.title("en")
    with pytest.raises(bb.NotFoundError) as missing:
        bb.checklist_template("no-such")
    assert missing.value.entity == "checklist_template"


def test_invalid_template_from_dict_reports_every_problem() -> None:
    data = bb.checklist_template("joint-expectations").to_dict()
    data["version"] = 0
    data["sections"][0]["items"][0]["weight"] = -1
    data["sections"][1]["items"][0]["answer"]["unit"]["en"] = ""  # type: ignore[typeddict-item]
    with pytest.raises(bb.ValidationError) as info:
        bb.ChecklistTemplate.from_dict(data)
    assert {f.path for f in info.value.findings} == {
        "version",
        "sections[0].items[0].weight",
        "sections[1].items[0].answer.unit.en",
    }
    data["sections"][0]["items"][0]["answer"]["kind"] = "essay"  # type: ignore[arg-type]
    with pytest.raises(bb.InvalidInputError) as bad:
        bb.ChecklistTemplate.from_dict(data)
    assert bad.value.path.startswith("template.sections[0].items[0].answer")


def test_a_party_answers_saves_half_done_resumes_and_submits(tmp_path: Path) -> None:
    d = bb.Dossier.example("horsens")
    by = holder(d, "lawan-chair")
    sid = d.checklists.start("horsens-lawan", LAWAN, "kem-association-standpoint", by, at(21, 18))
    items = d.checklists.template("kem-association-standpoint").items("en")
    values: dict[str, dict[str, Any]] = {
        "yes_no": {"type": "yes_no", "value": "yes"},
        "scale": {"type": "scale", "value": 5},
        "number": {"type": "number", "value": 45},
        "text": {"type": "text", "text": "Svar"},
    }
    answers = [
        {
            "item": i["item"],
            "value": {"type": "choice", "selected": [i["options"][0]["value"]]} if i["kind"] == "choice" else values[i["kind"]],
        }
        for i in items
    ]
    d.checklists.answer(sid, answers[:4], by, at(21, 19))
    d.save(tmp_path / "horsens.json")

    again = bb.Dossier.load(tmp_path / "horsens.json")
    session = again.checklists.session(sid)
    assert len(session.answers) == 4 and not session.submitted
    assert session.answers[0]["at"] == "2017-06-21T19:00:00Z" and session.answers[0]["by"] == by
    with pytest.raises(bb.ValidationError) as incomplete:
        again.checklists.submit(sid, by, at(21, 20))
    assert incomplete.value.code == "checklists.incomplete"
    assert len(incomplete.value.findings) == len(items) - 4
    again.checklists.answer(sid, answers[4:], by, at(21, 20))
    again.checklists.submit(sid, by, at(21, 21))
    assert again.checklists.session(sid).submitted_at == at(21, 21)

    interest = next(i for i in again.checklists.alignment("horsens-lawan", "kem-association-standpoint").items if i["item"] == "interest")
    assert (interest["status"], interest["score"]) == ("minor_divergence", 0.75)
    with pytest.raises(bb.InvalidInputError) as frozen:
        again.checklists.answer(sid, answers[:1], by, at(22))
    assert frozen.value.code == "checklists.session_submitted"
    assert again.validate() == []


def test_bad_answers_raise_with_every_problem_and_change_nothing() -> None:
    d = bb.Dossier.example("horsens")
    by = holder(d, "lawan-chair")
    sid = d.checklists.start("horsens-lawan", LAWAN, "joint-expectations", by, at(21), version=1, id="lawan-again")
    assert sid == "lawan-again"
    before = d.to_json()
    with pytest.raises(bb.ValidationError) as info:
        d.checklists.answer(
            sid,
            [
                {"item": "meetings-per-month", "value": {"type": "number", "value": -2}},
                {"item": "who-convenes", "value": {"type": "choice", "selected": ["the-mayor"]}},
                {"item": "no-such-item", "value": {"type": "dont_know"}},
            ],
            by,
            at(21, 11),
        )
    assert info.value.code == "checklists.invalid_answers"
    assert sorted(f.path for f in info.value.findings) == [
        "answers[0].value.value",
        "answers[1].value.selected[0]",
        "answers[2].item",
    ]
    assert d.to_json() == before
    with pytest.raises(bb.InvalidInputError) as bad:
        d.checklists.answer(sid, [{"item": "x", "value": {"type": "essay", "text": "Fatima"}}], by, at(21, 11))
    assert bad.value.path.startswith("answers[0].value") and "Fatima" not in str(bad.value)
    with pytest.raises(bb.InvalidInputError) as stranger:
        d.checklists.start("horsens-lawan", {"type": "organisation", "organisation": "DK-LOCAL-dansk-flygtningehjaelp"}, "joint-expectations", by, at(21))
    assert stranger.value.code == "checklists.not_a_party"
    with pytest.raises(bb.NotFoundError):
        d.checklists.session("nope")


def test_signing_waits_for_the_critical_divergence() -> None:
    d = bb.Dossier.example("horsens")
    by = holder(d, "horsens-leisure-consultant")
    readiness = d.checklists.readiness("horsens-lawan")
    assert not readiness.ready and readiness.requirements[0]["open_critical"] == 1
    with pytest.raises(bb.InvalidTransitionError) as info:
        d.lifecycle.transition("horsens-lawan", "signed", by, at(15, month=8))
    (f,) = info.value.findings
    assert f.code == "checklists.critical_divergence"
    assert (f.source_document, f.source_section) == ("001", "Hvornår skal frivilligtilbud introduceres?")
    assert "introduce-when" in f.message("en") and "Børnene" not in f.message("da")

    d.checklists.resolve(
        "horsens-lawan",
        "joint-expectations",
        "introduce-when",
        by,
        at(1, month=8),
        "Kommunen introducerer tilbuddene ved samtalen om integrationskontrakten; LAWAN deltager.",
    )
    assert d.checklists.readiness("horsens-lawan").ready
    event = d.lifecycle.transition("horsens-lawan", "signed", by, at(15, month=8))
    assert event.override_reason is None
    with pytest.raises(bb.InvalidInputError) as empty:
        d.checklists.resolve("horsens-lawan", "joint-expectations", "success", by, at(16, month=8), "  ")
    assert empty.value.code == "checklists.empty_note"


def test_requirements_and_own_templates_survive_the_file_format() -> None:
    d = bb.Dossier.example("ikast-brande")
    mine = bb.checklist_template("joint-expectations").to_dict()
    mine["id"] = "ikast-internships"
    d.checklists.add_template(bb.ChecklistTemplate.from_dict(mine))
    d.checklists.require("ikast-vvv", "ikast-internships", [{"type": "organisation", "organisation": "DK-LOCAL-roede-kors-ikast"}], note="Før fornyelse")
    assert d.checklists.template("ikast-internships").id == "ikast-internships"
    again = bb.Dossier.from_json(d.to_json())
    assert again == d and again.checklists.to_dict() == d.checklists.to_dict()
    assert [r["template"] for r in again.checklists.requirements] == ["joint-expectations", "ikast-internships"]
    assert again.checklists.remove_requirement("ikast-vvv", "ikast-internships")
    with pytest.raises(bb.InvalidInputError) as taken:
        d.checklists.add_template(bb.checklist_template("joint-expectations"))
    assert taken.value.code == "checklists.template_exists"


def test_reprs_and_debug_name_no_free_text() -> None:
    d = bb.Dossier.example("horsens")
    session = d.checklists.sessions("horsens-lawan")[1]
    assert "Børnene" not in repr(session) and "LAWAN" not in repr(d.checklists)
    alignment = d.checklists.alignment("horsens-lawan", "joint-expectations")
    assert repr(alignment).startswith('ChecklistAlignment("horsens-lawan", "joint-expectations", score=0.')
    assert "Børnene" not in " ".join(f.message("da") for f in alignment.findings)
    assert alignment.render("markdown", "en").startswith("# Joint expectation alignment")
    assert alignment._repr_markdown_() == alignment.render("markdown", "da")  # bb.options.lang


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.floats(min_value=0, max_value=31, allow_nan=False), min_size=2, max_size=2),
    st.sampled_from(["yes", "partly", "no", "not_relevant"]),
    st.sampled_from(["yes", "partly", "no", "not_relevant"]),
)
def test_scores_are_bounded_and_symmetric(hours: list[float], mine: str, theirs: str) -> None:
    def run(a: tuple[float, str], b: tuple[float, str]) -> list[tuple[str, str, float | None]]:
        d = bb.Dossier.example("ikast-brande")
        parties = [
            ({"type": "department", "municipality": "ikast-brande", "department": "jobcenter"}, "ib-jobcenter-contact", a),
            ({"type": "organisation", "organisation": "DK-LOCAL-roede-kors-ikast"}, "rk-ikast-activity-leader", b),
        ]
        for party, post, (h, yn) in parties:
            by = holder(d, post)
            sid = d.checklists.start("ikast-nursing-internships", party, "joint-expectations", by, at(1))
            d.checklists.answer(
                sid,
                [
                    {"item": "meetings-per-month", "value": {"type": "number", "value": h}},
                    {"item": "introduce-repeat", "value": {"type": "yes_no", "value": yn}},
                ],
                by,
                at(1, 11),
            )
        al = d.checklists.alignment("ikast-nursing-internships", "joint-expectations")
        assert al.score is None or 0 <= al.score <= 1
        return sorted((i["item"], i["status"], i["score"]) for i in al.items)

    forward = run((hours[0], mine), (hours[1], theirs))
    assert forward == run((hours[1], theirs), (hours[0], mine))
    for _, status, score in forward:
        assert score is None or 0.0 <= score <= 1.0
        assert status != "aligned" or score is None or score >= 0.9 - 1e-9
