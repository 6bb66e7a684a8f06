"""Shared pytest fixtures: the fixture corpus at the repository root."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def cases(folder: str) -> list[tuple[str, Path]]:
    """Input files `<case>.input.json` in a fixture folder, sorted by name."""
    found = sorted((FIXTURES / folder).glob("*.input.json"))
    assert found, f"no cases in {folder}"
    return [(p.name.removesuffix(".input.json"), p) for p in found]


def expected(input_path: Path) -> Any:
    """The `<case>.expected.json` beside an input file."""
    name = input_path.name.removesuffix(".input.json")
    return json.loads((input_path.parent / f"{name}.expected.json").read_text(encoding="utf-8"))


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
