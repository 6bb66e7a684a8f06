"""The association directory's Open Referral HSDS export validates against the published HSDS
3.0.1 JSON Schema (vendored in tests/fixtures/hsds/schema-3.0.1 with its licence, CC BY-SA 4.0,
from github.com/openreferral/specification, branch 3.0, commit 279fd2e).

The export files are the Rust test's golden files (crates/core/tests/directory.rs), so the
schema judges exactly what the core writes. Each organization is checked against
organization.json and each of its services against service.json (the schema's `$ref`s reach
schedules, languages, locations, addresses, contacts and attributes); formats such as `uuid`
and `date` are checked too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

ROOT = Path(__file__).resolve().parents[2]
HSDS = ROOT / "tests" / "fixtures" / "hsds"
SCHEMA = HSDS / "schema-3.0.1"
EXPORTS = sorted(HSDS.glob("*.json"))


def _registry() -> Registry[Any]:
    resources = [
        (p.name, Resource.from_contents(json.loads(p.read_text("utf-8")), default_specification=DRAFT202012))
        for p in SCHEMA.glob("*.json")
    ]
    return Registry().with_resources(resources)


def _validator(table: str) -> Draft202012Validator:
    schema = json.loads((SCHEMA / f"{table}.json").read_text("utf-8"))
    return Draft202012Validator(
        schema, registry=_registry(), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def _errors(validator: Draft202012Validator, instance: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(instance)]


def test_the_schema_is_vendored_with_its_licence() -> None:
    assert (SCHEMA / "LICENSE").read_text("utf-8").startswith("The Human Services Data Specification")
    assert len(list(SCHEMA.glob("*.json"))) >= 20
    assert EXPORTS, "no export files: run the Rust directory test with BROBYGGER_BLESS=1"


@pytest.mark.parametrize("path", EXPORTS, ids=lambda p: p.name)
def test_the_export_validates_against_hsds(path: Path) -> None:
    organizations = json.loads(path.read_text("utf-8"))
    assert isinstance(organizations, list) and organizations
    org_v = _validator("organization")
    service_v = _validator("service")
    services = 0
    for org in organizations:
        assert _errors(org_v, org) == []
        for service in org.get("services", []):
            services += 1
            assert _errors(service_v, service) == []
            assert service["organization_id"] == org["id"]
    assert services > 0


def test_the_validator_catches_a_broken_export() -> None:
    # A validation that passes everything proves nothing: break the golden export and see it fail.
    org = json.loads((HSDS / "horsens.json").read_text("utf-8"))[0]
    service = dict(org["services"][0])
    service["status"] = "open every day"
    service["id"] = "not-a-uuid"
    del service["name"]
    errors = _errors(_validator("service"), service)
    assert any("status" in e or "open every day" in e for e in errors), errors
    assert any("uuid" in e for e in errors), errors
    assert any("name" in e for e in errors), errors
