#!/usr/bin/env bash
# A longer fuzzing campaign than the test command's fixed budget (issue 18, item 8): runs
# crates/core/tests/fuzz.rs with CASES cases per reader (default 20000) and a new seed each time
# (or SEED), in release mode. A failure prints its seed and keeps the input in
# $TMPDIR/brobygger-fuzz-failures; add it to tests/fixtures/fuzz/ so it stays covered.
#   scripts/fuzz.sh            # 20000 cases per reader, a random seed
#   CASES=200000 SEED=42 scripts/fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/.."
seed=${SEED:-$(od -An -N8 -tu8 /dev/urandom | tr -d ' ')}
echo "fuzz: ${CASES:-20000} cases per reader, seed $seed"
BROBYGGER_FUZZ_CASES=${CASES:-20000} BROBYGGER_FUZZ_SEED=$seed \
  cargo test --locked --release -p brobygger --test fuzz -- --test-threads=2
