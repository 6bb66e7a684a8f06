#!/usr/bin/env bash
# Builds the Python wheel the way `pip install ./crates/py` does (maturin, abi3 for CPython
# >= 3.9) but in the dev profile, reusing the artefacts `maturin develop` left in target/ (no
# recompile), installs it into a fresh throwaway venv without network or other packages, and
# imports it and runs one call there: what a user gets from the wheel alone, outside the repo.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/build/wheels
VENV=$ROOT/build/wheel-venv
rm -rf "$OUT" "$VENV"
(cd crates/py && VIRTUAL_ENV=$ROOT/.venv "$ROOT/.venv/bin/maturin" build --locked --profile dev --strip -q -o "$OUT")
wheel=$(ls "$OUT"/brobygger-*-cp39-abi3-*.whl)
echo "wheel: $(basename "$wheel") ($(du -h "$wheel" | cut -f1))"
python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-index --no-deps "$wheel"
# Run from / so the checkout's package cannot be imported instead of the installed one.
(cd / && "$VENV/bin/python" - <<'PY'
import datetime as dt
import sys

import brobygger as bb

assert bb.__file__.startswith(sys.prefix), f"imported {bb.__file__}, not the installed wheel"
(assessment,) = bb.assess_many([bb.Dossier.example("aalborg")], dt.date(2017, 6, 30))[0]
assert assessment.overall is not None and "<div" in assessment._repr_html_()
try:
    bb.scores_frame(assessment)
except ImportError as e:
    assert "pandas" in str(e)
else:
    raise AssertionError("pandas is not in this venv: the frame helpers must say so")
print(f"installed brobygger {bb.__version__} imports and assesses: {assessment!r}")
PY
)
rm -rf "$VENV"
