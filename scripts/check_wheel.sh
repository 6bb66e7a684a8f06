#!/usr/bin/env bash
# The Python wheel as a user gets it (ADR 0048): builds the wheel and the sdist with
# `scripts/dist.sh --dev` (the release script, dev profile, reusing target/), then proves
#   - the tag: cp39-abi3-manylinux_2_17_x86_64 in the file name and the WHEEL file, confirmed by
#     `auditwheel show`, and no symbol of the extension needs a glibc newer than 2.17;
#   - the sdist carries what a source build needs (the workspace's crates and Cargo.lock);
#   - in a fresh venv with NO compiler on PATH (no cc, gcc, cargo, rustc): `pip install` of the
#     wheel alone (no index) in < 10 s, `import brobygger` in < 200 ms (best of 5), and a clear
#     ImportError naming the extra when pandas is missing;
#   - then `pip install 'brobygger[pandas]'` from the index (wheels only, no compiler): the
#     README's Python tour runs there, and `pd.read_excel` reads the package's own workbooks.
# Prints every measured number. Run from anywhere; leaves build/wheel-check/ for inspection.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DIST=$ROOT/build/dist-check
WORK=$ROOT/build/wheel-check
VENV=$WORK/venv
PY=$ROOT/.venv/bin/python
MAX_INSTALL_S=10
MAX_IMPORT_MS=200

scripts/dist.sh --dev --out "$DIST" wheel sdist
wheel=$(ls "$DIST"/brobygger-*.whl)
sdist=$(ls "$DIST"/brobygger-*.tar.gz)
echo "wheel: $(basename "$wheel") ($(du -h "$wheel" | cut -f1)); sdist: $(basename "$sdist") ($(du -h "$sdist" | cut -f1))"

# --- The tag --------------------------------------------------------------------------------
case $(basename "$wheel") in
  brobygger-*-cp39-abi3-*manylinux_2_17_x86_64*.whl) ;;
  *) echo "FAIL: the wheel is not tagged cp39-abi3-manylinux_2_17_x86_64: $(basename "$wheel")"; exit 1 ;;
esac
tags=$(unzip -p "$wheel" '*.dist-info/WHEEL' | sed -n 's/^Tag: //p')
echo "WHEEL tags: $(echo $tags)"
grep -qx 'cp39-abi3-manylinux_2_17_x86_64' <<<"$tags" || { echo "FAIL: WHEEL has no manylinux_2_17 tag"; exit 1; }
shown=$("$PY" -m auditwheel show "$wheel")
echo "$shown" | tr '\n' ' ' | sed 's/  */ /g'; echo
grep -q 'manylinux_2_17_x86_64' <<<"$shown" || { echo "FAIL: auditwheel does not confirm manylinux_2_17"; exit 1; }
rm -rf "$WORK" && mkdir -p "$WORK/so"
(cd "$WORK/so" && unzip -q "$wheel" 'brobygger/*.so')
so=$(ls "$WORK"/so/brobygger/*.so)
glibc=$(objdump -T "$so" | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -n 1)
echo "extension: $(basename "$so"), newest glibc symbol version $glibc"
if [ "$(printf '%s\n' "$glibc" GLIBC_2.17 | sort -V | tail -n 1)" != GLIBC_2.17 ]; then
  echo "FAIL: the extension needs $glibc, newer than manylinux2014's GLIBC_2.17"; exit 1
fi

# --- The sdist ------------------------------------------------------------------------------
listing=$(tar tzf "$sdist")
for f in pyproject.toml Cargo.toml Cargo.lock crates/core/Cargo.toml crates/core/src/lib.rs \
  crates/store/src/lib.rs crates/py/src/lib.rs python/brobygger/__init__.py \
  python/brobygger/py.typed python/brobygger/_brobygger.pyi; do
  grep -q "^brobygger-[^/]*/$f$" <<<"$listing" || { echo "FAIL: the sdist lacks $f"; exit 1; }
done
echo "sdist: $(wc -l <<<"$listing") files, with the workspace's crates and Cargo.lock"

# --- A fresh venv without a compiler -----------------------------------------------------------
python3 -m venv "$VENV"
# Only the venv on PATH: pip must not find a compiler, so nothing can be built from source.
nocc=$VENV/bin
for tool in cc gcc c++ g++ clang cargo rustc zig; do
  if PATH=$nocc command -v "$tool" >/dev/null; then echo "FAIL: $tool on the clean PATH"; exit 1; fi
done
vpy() { PATH=$nocc "$VENV/bin/python" "$@"; }
seconds() { echo "$EPOCHREALTIME"; }
# Arithmetic and comparisons on decimals (awk is everywhere; bc is not).
calc() { awk "BEGIN { print $1 }"; }

t0=$(seconds)
vpy -m pip install -q --disable-pip-version-check --no-index "$wheel"
install_s=$(calc "$(seconds) - $t0")
printf 'pip install of the wheel (no index, no compiler): %.2f s (limit %s s)\n' "$install_s" "$MAX_INSTALL_S"

# Run from a scratch directory so the checkout's package cannot be imported instead.
mkdir -p "$WORK/run" && cd "$WORK/run"
imports=()
for _ in 1 2 3 4 5; do
  imports+=("$(vpy -c 'import time; t = time.perf_counter(); import brobygger; print(round((time.perf_counter() - t) * 1000, 1))')")
done
best=$(printf '%s\n' "${imports[@]}" | sort -n | head -n 1)
echo "import brobygger: ${imports[*]} ms (best $best ms, limit $MAX_IMPORT_MS ms)"

vpy - <<'PY'
import datetime as dt
import sys

import brobygger as bb

assert bb.__file__.startswith(sys.prefix), f"imported {bb.__file__}, not the installed wheel"
(assessment,) = bb.assess_many([bb.Dossier.example("aalborg")], dt.date(2017, 6, 30))[0]
assert assessment.overall is not None and "<div" in assessment._repr_html_()
try:
    bb.scores_frame(assessment)
except ImportError as e:
    assert "brobygger[pandas]" in str(e), e
else:
    raise AssertionError("pandas is not in this venv: the frame helpers must say so")
print(f"installed brobygger {bb.__version__} imports and assesses without pandas: {assessment!r}")
PY

# --- The extras, from the index (wheels only: there is no compiler) ---------------------------
t0=$(seconds)
vpy -m pip install -q --disable-pip-version-check --only-binary=:all: "$wheel[pandas]"
printf "pip install 'brobygger[pandas]' (pandas, openpyxl from the index): %.1f s\n" "$(calc "$(seconds) - $t0")"
arrow=$(unzip -p "$wheel" '*.dist-info/METADATA' | grep -c "^Requires-Dist: pyarrow.*extra == .arrow." || true)
[ "$arrow" = 1 ] || { echo "FAIL: the wheel's metadata has no arrow extra bringing pyarrow"; exit 1; }

"$PY" - "$ROOT" > tour.py <<'PY'
import sys
from pathlib import Path

sys.path.insert(0, str(Path(sys.argv[1]) / "scripts"))
import guide

(tour,) = [b for b in guide.blocks(Path("README.md"), Path(sys.argv[1])) if b.lang == "python" and b.runs]
print(tour.code)
PY
ln -sfn "$ROOT/tests" tests
vpy tour.py > tour.out
echo "README tour: $(wc -l < tour.out) lines of output, exit 0"
vpy - <<'PY'
import datetime as dt

import pandas as pd

import brobygger as bb

ikast = bb.Dossier.example("ikast-brande")
with open("nyankomne.xlsx", "wb") as f:
    f.write(bb.newcomers_to_xlsx(ikast.cohorts[0]["newcomers"], "da"))
with open("tilbud.xlsx", "wb") as f:
    f.write(bb.offers_to_xlsx(ikast.offers, "da"))
newcomers, offers = pd.read_excel("nyankomne.xlsx"), pd.read_excel("tilbud.xlsx")
run = bb.profiles(newcomers, offers).run(ikast.rule_sets[0], dt.date(2016, 4, 1))
assert len(run.matches) > 0
print(f"pd.read_excel: {len(newcomers)} households and {len(offers)} offers read, {len(run.matches)} matched")
PY

fail=0
if [ "$(calc "$install_s < $MAX_INSTALL_S")" != 1 ]; then
  echo "FAIL: pip install took ${install_s} s (limit ${MAX_INSTALL_S} s)"; fail=1
fi
if [ "$(calc "$best < $MAX_IMPORT_MS")" != 1 ]; then
  echo "FAIL: import brobygger took ${best} ms at best (limit ${MAX_IMPORT_MS} ms)"; fail=1
fi
[ "$fail" = 0 ] && echo "wheel: tag, sdist, install, import, tour and extras all good"
exit "$fail"
