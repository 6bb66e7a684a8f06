"""The example analysis runs with pandas (DataFrames) and without it (plain tables), in both
languages, and prints the figures an evaluator looks for."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "examples" / "analysis.py"
WITHOUT_PANDAS = (
    "import runpy, sys; sys.modules['pandas'] = None; sys.argv = [sys.argv[1]] + sys.argv[2:]; "
    "runpy.run_path(sys.argv[0], run_name='__main__')"
)


def run(lang: str, pandas: bool) -> str:
    args = [sys.executable, str(SCRIPT), lang] if pandas else [sys.executable, "-c", WITHOUT_PANDAS, str(SCRIPT), lang]
    done = subprocess.run(args, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("pandas", [True, False], ids=["pandas", "no-pandas"])
def test_the_analysis_prints_every_section(pandas: bool) -> None:
    if pandas:
        pytest.importorskip("pandas")
    out = run("en", pandas)
    assert ("pandas is not installed" in out) != pandas
    for section in ["1. Health scores", "2. Findings by severity", "3. Checklist divergences",
                    "4. Survey shares", "5. Matching", "6. Introductions due"]:
        assert section in out
    for agreement in ["aalborg-lbb", "ikast-vvv", "ikast-nursing-internships", "horsens-lawan"]:
        assert agreement in out
    assert "20 matched, 28 unmatched" in out
    assert "nc-5120-7741" in out and "common-language" in out  # the unmatched household and why
    assert "introduce-when" in out and "major_divergence" in out
    assert "0.810" in out and "0.667" in out  # a share and its interval's lower bound


def test_the_analysis_speaks_danish() -> None:
    out = run("da", pandas=False)
    assert "Sundhed pr. dimension" in out and "matchet" in out
    assert "Aftalen har intet skriftligt fælles mål." in out

