#!/usr/bin/env bash
# Builds the documentation site into build/site (or DIR): the guide (docs/guide) as HTML, the
# Python API reference (pdoc, from the package's docstrings and its type stub) and the Rust API
# reference (rustdoc of the crates brobygger and brobygger-store), with an index page; then
# checks every local link and anchor of the guide, the index and the Python pages (ADR 0059).
# Open build/site/index.html. Idempotent; installs what it needs like scripts/test.sh.
#
#   scripts/docs.sh [--prebuilt] [DIR]
#
# --prebuilt: the Python extension and the Rust docs are already built (the test command's steps
# "python: build extension" and "rust: docs" ran), so neither is rebuilt.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PREBUILT=0
if [ "${1:-}" = --prebuilt ]; then PREBUILT=1; shift; fi
OUT=${1:-$ROOT/build/site}
PY=$ROOT/.venv/bin/python
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

scripts/setup.sh >/dev/null
mkdir -p "$OUT"

# The Python extension, as the test command builds it (a no-op when it is up to date); pdoc
# imports the package and takes the types from the committed stub (scripts/docs.py python).
[ "$PREBUILT" = 1 ] || (cd crates/py && VIRTUAL_ENV=$ROOT/.venv "$ROOT/.venv/bin/maturin" develop --locked -q)
"$PY" scripts/docs.py python "$OUT"

# rustdoc with the test command's own flags and packages, so inside it this is a no-op; the site
# links the pages of brobygger and brobygger_store.
[ "$PREBUILT" = 1 ] || RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps -q -p brobygger -p brobygger-store \
  -p brobygger-mobile --features brobygger-mobile/test-hooks
rm -rf "$OUT/rust"
cp -r target/doc "$OUT/rust"

"$PY" scripts/docs.py guide "$OUT"
"$PY" scripts/docs.py check "$OUT"
echo "docs: open $OUT/index.html"
