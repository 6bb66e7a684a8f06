"""The Python surface against the one table of the API (tests/fixtures/api-surface.json): each
facet class has exactly the table's operations and its listed Python-only names, and the
extension module's free functions likewise. A name missing on either side, or one the table does
not know, fails; tests/kotlin/SurfaceTest.kt checks Kotlin against the same table."""

from __future__ import annotations

import inspect
import json
from pathlib import Path
from typing import Any

import pytest

import brobygger as bb
from brobygger import _brobygger as ext

TABLE = json.loads(
    (Path(__file__).resolve().parents[1] / "fixtures" / "api-surface.json").read_text(encoding="utf-8")
)


def public(names: Any) -> set[str]:
    return {n for n in names if not n.startswith("_")}


def check(what: str, entry: dict[str, Any], actual: set[str]) -> None:
    want = set(entry["operations"]) | set(entry.get("python_only", {}))
    missing = want - actual
    extra = actual - want
    assert not missing and not extra, (
        f"{what} drifted from tests/fixtures/api-surface.json: "
        f"missing in Python {sorted(missing)}, not in the table {sorted(extra)}"
    )


@pytest.mark.parametrize("facet", sorted(TABLE["facets"]))
def test_every_facet_has_the_tables_names(facet: str) -> None:
    entry = TABLE["facets"][facet]
    cls = getattr(bb, entry["python"])
    check(f"facet {facet} ({entry['python']})", entry, public(dir(cls)))


def test_the_free_functions_have_the_tables_names() -> None:
    functions = public(n for n, v in vars(ext).items() if inspect.isbuiltin(v) or inspect.isfunction(v))
    check("free functions", TABLE["functions"], functions)


def test_the_names_are_snake_case_and_every_exception_has_a_reason() -> None:
    for where, entry in [*TABLE["facets"].items(), ("functions", TABLE["functions"])]:
        for name in entry["operations"]:
            assert name == name.lower() and " " not in name, (where, name)
        for side in ("python_only", "kotlin_only"):
            for name, why in entry.get(side, {}).items():
                assert why.strip(), (where, side, name)


def test_the_drift_check_sees_a_missing_and_an_extra_name() -> None:
    entry = {"operations": ["add_basis"]}
    with pytest.raises(AssertionError):
        check("probe", entry, {"add_processing_basis"})
    check("probe", entry, {"add_basis"})
