#!/usr/bin/env bash
# Runs every test suite: Rust (the core's layers with no import cycle, fmt, clippy, tests and
# doctests, coverage-guided fuzzing of the readers, docs, the minimum Rust version), Python
# against the freshly built extension (stub drift, stubtest, mypy, pytest, examples), the HTML
# reports and notebook displays in a real browser (chromium),
# Kotlin on the JVM against freshly generated bindings, the Swift syntax check, and every code
# block of the README and the guide (docs/guide) in its language. Ends with one summary line;
# exits non-zero if anything failed. Idempotent: run it as often as you like.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}
export RUST_BACKTRACE=0
# No incremental caches: they doubled the workspace crates' share of target/ (4.4 GB on a cold
# run) and a cold CI build gains nothing from them. Set CARGO_INCREMENTAL=1 to keep them.
export CARGO_INCREMENTAL=${CARGO_INCREMENTAL:-0}

# The disk this run has, said first: the cold run writes ~8 GB (target/, build/, .venv/,
# .tools/), and running out shows as a cascade of unrelated-looking failures.
free_gb=$(df -Pk . | awk 'NR == 2 { printf "%d", $4 / 1048576 }')
echo "disk: ${free_gb} GB free here; a cold run needs about 10 GB"
if [ "${free_gb:-0}" -lt 10 ]; then
  echo "WARNING: less free disk than a cold run needs; expect 'No space left on device' below"
fi

scripts/setup.sh || { echo "SUMMARY: FAILED (setup)"; exit 1; }

PY=$ROOT/.venv/bin/python
KOTLIN_HOME=$ROOT/.tools/kotlin
JNA=/usr/share/java/jna.jar
BUILD=$ROOT/build
mkdir -p "$BUILD"

declare -a RESULTS=()
FAILED=0
step() {
  local name=$1; shift
  printf '\n== %s\n' "$name"
  local start=$SECONDS
  if "$@"; then
    RESULTS+=("ok   $name ($((SECONDS - start))s)")
  else
    RESULTS+=("FAIL $name ($((SECONDS - start))s)")
    FAILED=1
  fi
}

rust_layers() { "$PY" scripts/check_layers.py; }
rust_fmt() { cargo fmt --all -- --check; }
rust_clippy() {
  cargo clippy --locked --workspace --exclude brobygger-py --all-targets --features brobygger-mobile/test-hooks -- -D warnings &&
    PYO3_PYTHON=$PY cargo clippy --locked -p brobygger-py --all-targets -- -D warnings
}
rust_test() { cargo test --locked --no-fail-fast --workspace --exclude brobygger-py --features brobygger-mobile/test-hooks; }
rust_doc() { RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps -p brobygger -p brobygger-store -p brobygger-mobile --features brobygger-mobile/test-hooks; }
rust_msrv() { BROBYGGER_BUILD=$BUILD "$PY" scripts/check_msrv.py; }
# Coverage-guided fuzzing of every reader with libFuzzer, a fixed budget (ADR 0054); after the
# tests, so the dependencies it shares with them are built.
rust_fuzz() { scripts/fuzz_coverage.sh; }

python_build() {
  (cd crates/py && VIRTUAL_ENV=$ROOT/.venv "$ROOT/.venv/bin/maturin" develop --locked -q)
}
python_stubs() {
  rm -rf "$BUILD/stubs"
  (cd crates/py && VIRTUAL_ENV=$ROOT/.venv "$ROOT/.venv/bin/maturin" generate-stubs --locked -q -o "$BUILD/stubs") &&
    "$PY" scripts/finish_stubs.py "$BUILD/stubs/brobygger/_brobygger.pyi" crates/py/src/errors.rs "$BUILD/stubs/_brobygger.pyi" &&
    if ! diff -u crates/py/python/brobygger/_brobygger.pyi "$BUILD/stubs/_brobygger.pyi"; then
      echo "the committed stub is out of date: cp $BUILD/stubs/_brobygger.pyi crates/py/python/brobygger/_brobygger.pyi"
      return 1
    fi &&
    "$PY" scripts/gen_types.py "$BUILD/stubs/_generated_types.py" &&
    if ! diff -u crates/py/python/brobygger/_generated_types.py "$BUILD/stubs/_generated_types.py"; then
      echo "the generated types are out of date: cp $BUILD/stubs/_generated_types.py crates/py/python/brobygger/_generated_types.py"
      return 1
    fi &&
    "$PY" scripts/check_stub_any.py crates/py/python/brobygger/_brobygger.pyi &&
    "$PY" -m mypy.stubtest brobygger._brobygger --allowlist crates/py/stubtest-allowlist.txt
}
# The tests (Python and browser), the examples (pandas without stubs is ignored) and the
# README's Python tour (extracted with scripts/guide.py) under --strict.
# tests/python/test_stub_types.py type-checks a matching tour under --disallow-any-expr: no `Any`
# leaks from what it uses.
python_mypy() {
  "$PY" -m mypy --strict tests/python &&
    "$PY" -m mypy --strict tests/browser &&
    "$PY" -m mypy --strict --ignore-missing-imports examples/*.py &&
    "$PY" scripts/readme_tour.py "$BUILD/tour.py" &&
    "$PY" -m mypy --strict "$BUILD/tour.py"
}
python_test() { "$PY" -m pytest -q tests/python --ignore=tests/python/test_guide.py; }
python_examples() {
  local f
  for f in examples/*.py; do
    [ -e "$f" ] || continue
    echo "-- $f"
    "$PY" "$f" >/dev/null || return 1
  done
}
# The release artefacts (scripts/dist.sh --dev, ADR 0048), last: the JAR's build swaps the
# test-hooks library in target/debug for the one without hooks that ships.
dist_wheel() { scripts/check_wheel.sh; }
dist_jar() { scripts/check_jar.sh; }
# Every HTML report and notebook display in Debian's chromium (playwright): no console error, no
# request outside the page, charts drawn, lang set, hidden cells shown as hidden, no overflow at
# 375 px; screenshots under build/browser/.
browser_reports() { BROBYGGER_BUILD=$BUILD "$PY" -m pytest -q tests/browser; }

# The README's and the guide's code blocks (scripts/guide.py; CONTRIBUTING.md, "Code blocks in
# the docs"). Rust blocks are doctests and run in "rust: tests". Each runner is also given a copy
# of the docs with a failing block planted in it, and must fail and name it.
guide_python() { "$PY" -m pytest -q tests/python/test_guide.py; }
guide_shell() { "$PY" scripts/guide.py shell && "$PY" scripts/guide.py shell --self-test; }
guide_kotlin() { BROBYGGER_BUILD=$BUILD "$PY" scripts/guide.py kotlin && BROBYGGER_BUILD=$BUILD "$PY" scripts/guide.py kotlin --self-test; }
guide_swift() { "$PY" scripts/guide.py swift && "$PY" scripts/guide.py swift --self-test && "$PY" scripts/guide.py inventory --self-test; }

# The documentation site (scripts/docs.sh, ADR 0059): after the Rust docs and the Python build, so
# both are reused; then the link checker's own self-test.
docs_site() { scripts/docs.sh --prebuilt "$BUILD/site" && "$PY" scripts/docs.py check --self-test; }

mobile_bindings() {
  # The same package selection and features as the test step, so nothing is rebuilt.
  cargo build --locked --workspace --exclude brobygger-py --features brobygger-mobile/test-hooks &&
    rm -rf "$BUILD/bindings" &&
    target/debug/uniffi-bindgen generate target/debug/libbrobygger_mobile.so --language kotlin --out-dir "$BUILD/bindings/kotlin" --no-format &&
    target/debug/uniffi-bindgen generate target/debug/libbrobygger_mobile.so --language swift --out-dir "$BUILD/bindings/swift" --no-format
}
kotlin_test() {
  local classes=$BUILD/kotlin-classes
  # The suspend functions (ADR 0058) need kotlinx-coroutines, which ships with the compiler.
  local coroutines=$KOTLIN_HOME/lib/kotlinx-coroutines-core-jvm.jar
  local cp=$JNA:$KOTLIN_HOME/lib/kotlin-test.jar:$coroutines
  local inputs hash
  inputs=$(find "$BUILD/bindings/kotlin" tests/kotlin -name '*.kt' | sort)
  hash=$(cat $inputs | sha256sum | cut -c1-64)
  if [ "$(cat "$classes/.hash" 2>/dev/null)" != "$hash" ]; then
    rm -rf "$classes"
    "$KOTLIN_HOME/bin/kotlinc" $inputs -cp "$cp" -d "$classes" -nowarn || return 1
    echo "$hash" > "$classes/.hash"
  else
    echo "kotlinc skipped: sources unchanged"
  fi
  java -Djna.library.path="$ROOT/target/debug" -Dbrobygger.fixtures="$ROOT/tests/fixtures" \
    -cp "$classes:$JNA:$KOTLIN_HOME/lib/kotlin-stdlib.jar:$KOTLIN_HOME/lib/kotlin-test.jar:$coroutines" dk.brobygger.tests.MainKt
}
swift_check() {
  # Both generated files are compiled into one Swift module when packaged; check each file's
  # syntax, and that the C headers compile together in one translation unit.
  local h
  grep -q "open class DossierHandle" "$BUILD/bindings/swift/Brobygger.swift" &&
    grep -q "public struct Finding" "$BUILD/bindings/swift/BrobyggerCore.swift" &&
    "$PY" scripts/swift_check.py "$BUILD"/bindings/swift/*.swift &&
    "$PY" scripts/swift_throws.py "$BUILD/bindings/swift/Brobygger.swift" &&
    for h in "$BUILD"/bindings/swift/*.h; do echo "#include \"$(basename "$h")\""; done |
    gcc -fsyntax-only -Werror -D_Nullable= -D_Nonnull= -I "$BUILD/bindings/swift" -x c - &&
    echo "swift: C headers compile together:" "$BUILD"/bindings/swift/*.h
}

step "rust: layers (no import cycle)" rust_layers
step "rust: fmt" rust_fmt
step "rust: clippy" rust_clippy
step "rust: tests" rust_test
step "rust: coverage-guided fuzzing (libFuzzer, fixed budget)" rust_fuzz
step "rust: docs" rust_doc
step "rust: MSRV (rust-version, dependencies, clippy incompatible_msrv)" rust_msrv
step "python: build extension" python_build
step "python: stubs (drift + stubtest)" python_stubs
step "python: mypy --strict" python_mypy
step "python: pytest" python_test
step "python: examples" python_examples
step "browser: reports and notebook displays in chromium" browser_reports
step "guide: python blocks and the docs' shape" guide_python
step "guide: shell blocks against the CLI" guide_shell
step "mobile: generate bindings" mobile_bindings
step "kotlin: tests on the JVM" kotlin_test
step "swift: syntax check" swift_check
step "guide: kotlin blocks on the JVM" guide_kotlin
step "guide: swift blocks parse" guide_swift
step "docs: the site builds, no broken links" docs_site
step "dist: the manylinux wheel installs and runs without a compiler" dist_wheel
step "dist: a Kotlin app runs on the JAR alone" dist_jar

printf '\n== Results\n'
echo "  disk used by this run: $(du -sch target build .venv .tools 2>/dev/null | tail -1 | cut -f1) (target/, build/, .venv/, .tools/)"
printf '  %s\n' "${RESULTS[@]}"
if [ "$FAILED" = 0 ]; then
  echo "SUMMARY: ALL PASSED (rust, python, kotlin, swift, guide) in ${SECONDS}s"
else
  echo "SUMMARY: FAILED in ${SECONDS}s"
fi
exit "$FAILED"
