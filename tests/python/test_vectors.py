"""Cross-language golden vectors (tests/fixtures/vectors/): each case runs through the Python API
and its result is projected into the same JSON shape Rust and Kotlin build, then compared with
the expected file structurally (parsed), not as text."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from collections.abc import Mapping
from typing import Any

import pytest

import brobygger as bb
from brobygger.types import TextDict
from conftest import FIXTURES, cases, expected

VECTORS = FIXTURES / "vectors"
CASES = cases("vectors")
OPERATIONS = {
    "validate",
    "party_duties",
    "checklist_alignment",
    "match_run",
    "volunteer_view",
    "introductions_due",
    "assessment",
    "report_sections",
}


def _text(t: TextDict) -> dict[str, str]:
    return {"da": t["da"], "en": t["en"]}


def _finding(f: bb.Finding) -> dict[str, Any]:
    return {
        "severity": f.severity,
        "code": f.code,
        "path": f.path,
        "da": f.message_da,
        "en": f.message_en,
    }


def _findings(fs: list[bb.Finding]) -> list[dict[str, Any]]:
    return [_finding(f) for f in fs]


def _date(case: dict[str, Any], key: str) -> dt.date:
    return dt.date.fromisoformat(case[key])


def _dossier(case: dict[str, Any]) -> bb.Dossier:
    name: str = case["dossier"]
    if name.startswith("example:"):
        return bb.Dossier.example(name.removeprefix("example:"))
    return bb.Dossier.load(VECTORS / name)


def _file(case: dict[str, Any], key: str) -> Path:
    name: str = case[key]
    return VECTORS / name


def _block(b: Mapping[str, Any]) -> dict[str, Any]:
    kind = b["type"]
    size = {"bullets": "items", "table": "rows"}.get(kind)
    return {
        "type": kind,
        "text": _text(b["text"]) if kind in ("paragraph", "heading") else None,
        "size": len(b["map"]["rows"]) if kind == "matrix" else len(b[size]) if size else None,
    }


def _run_of(run: bb.MatchRun) -> dict[str, Any]:
    return {
        "matches": [
            {"newcomer": m["newcomer"], "offer": m["offer"], "score": m["score"]} for m in run.matches
        ],
        "unmatched": [u["newcomer"] for u in run.unmatched],
        "total_score": run.statistics["total_score"],
    }


def run(case: dict[str, Any]) -> dict[str, Any]:
    """Runs one case through the Python API and projects its result into the vector shape."""
    op = case["operation"]
    if op == "validate":
        return {"findings": _findings(_dossier(case).validate())}
    if op == "party_duties":
        duties = bb.Roles(_dossier(case), case["agreement"]).duties(case["party"])
        return {
            "duties": [
                {
                    "task": d.task.key,
                    "role": d.assignment.role,
                    "carried_by": d.assignment.carried_by,
                }
                for d in duties
            ]
        }
    if op == "checklist_alignment":
        a = _dossier(case).checklists.alignment(case["agreement"], case["template"])
        return {
            "score": a.score,
            "coverage": a.coverage,
            "open_critical": a.counts["open_critical"],
            "items": [
                {"item": i["item"], "status": i["status"], "score": i["score"]} for i in a.items
            ],
            "findings": _findings(a.findings),
        }
    if op == "match_run":
        newcomers = json.loads(_file(case, "newcomers").read_text(encoding="utf-8"))
        offers = json.loads(_file(case, "offers").read_text(encoding="utf-8"))
        result = bb.match_profiles(
            bb.RuleSet.load(_file(case, "rules")),
            newcomers,
            offers,
            _date(case, "as_of"),
            solver=case["solver"],
            offer_ranking=case["offer_ranking"],
        )
        return _run_of(result)
    if op == "volunteer_view":
        d = _dossier(case)
        r = d.matching.match_cohort(
            case["cohort"],
            case["rule_set"],
            _date(case, "as_of"),
            solver=case["solver"],
            offer_ranking=case["offer_ranking"],
            id=case.get("run_id"),
        )
        d.matching.add_run(r)
        views = d.matching.volunteer_view(r.id, case["offer"])
        return {
            "views": [
                {
                    "newcomer": v["newcomer"],
                    "shared": [
                        {"field": f["field"], "da": f["value"]["da"], "en": f["value"]["en"]}
                        for f in v["shared"]
                    ],
                    "explanation": [_text(t) for t in v["explanation"]],
                }
                for v in views
            ]
        }
    if op == "introductions_due":
        due = _dossier(case).matching.introductions_due(case["cohort"], _date(case, "on"))
        return {"findings": _findings(due)}
    if op == "assessment":
        assessment = _dossier(case).assessment.assess(case["agreement"], _date(case, "as_of"))
        return {
            "overall": assessment.overall,
            "dimensions": [
                {
                    "dimension": x["dimension"],
                    "score": x["score"],
                    "met": x["met"],
                    "applicable": x["applicable"],
                    "not_assessed": x["not_assessed"],
                }
                for x in assessment.dimensions
            ],
            "checks": [
                {"code": c["code"], "status": c["status"], "credit": c["credit"]} for c in assessment.checks
            ],
        }
    if op == "report_sections":
        sections = _dossier(case).assessment.report_sections(case["agreement"], _date(case, "as_of"))
        return {
            "sections": [
                {"slot": s["slot"], "blocks": [_block(b) for b in s["blocks"]]} for s in sections
            ]
        }
    raise AssertionError(f"unknown operation {op}")


def test_every_main_operation_has_a_vector() -> None:
    assert len(CASES) >= 12
    ops = {json.loads(p.read_text(encoding="utf-8"))["operation"] for _, p in CASES}
    assert ops == OPERATIONS


@pytest.mark.parametrize(("case", "path"), CASES)
def test_vector(case: str, path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert run(data) == expected(path), case
