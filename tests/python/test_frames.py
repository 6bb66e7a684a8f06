"""DataFrame helpers: rows match the library's results; without pandas, a clear ImportError."""

from __future__ import annotations

import sys

import pytest

import brobygger as bb
from conftest import FIXTURES


def test_findings_frame_has_one_row_per_finding_in_the_chosen_language() -> None:
    findings = bb.Dossier.load(FIXTURES / "validation" / "many-problems.input.json").validate()
    df = bb.findings_frame(findings, lang="da")
    assert list(df.columns) == ["severity", "code", "path", "message", "source_document", "source_section"]
    assert len(df) == len(findings)
    assert df.iloc[0]["message"] == findings[0].message_da
    counts = df["severity"].value_counts().to_dict()
    assert counts == {"error": 28, "warning": 4}


def test_to_frame_flattens_nested_fields() -> None:
    d = bb.Dossier.example("aalborg")
    df = bb.to_frame(d.organisations)
    assert set(df["kind"]) == {"national_ngo", "leisure_association", "faith_community"}
    assert "profile.area" in df.columns
    posts = bb.to_frame(d.posts, flatten=False)
    assert len(posts) == len(d.posts)
    with pytest.raises(TypeError):
        bb.to_frame([object()])


def test_without_pandas_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"brobygger\[pandas\]"):
        bb.findings_frame([])
