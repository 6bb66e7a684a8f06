#!/usr/bin/env bash
# Coverage-guided fuzzing of every reader of outside input with libFuzzer (issue 18, item 8;
# ADR 0054): dossier JSON (read, then validated, summarised, reviewed, exported as consent
# records, written and read back), rule sets and checklist templates (TOML, JSON), newcomer,
# offer and association spreadsheets (CSV in any encoding, .xlsx), JSON lists and tables, DPV
# consent records, and what the bindings hand the core (plain values read into the core's types,
# tables of plain cells, arguments parsed by the core). One target binary, fuzz/fuzz_targets/
# readers.rs, with the reader chosen by BROBYGGER_FUZZ_READER. Invariants: no panic, no crash,
# no unbounded work (-timeout, -rss_limit_mb), no message that repeats the canary of the corpus
# and the dictionary. The corpus is fuzz/corpus/<reader>/, kept in the repository.
#
#   scripts/fuzz_coverage.sh                 # the test command's fixed budget: a fixed number of
#                                            # runs per reader (RUNS scales it), seed 1; the
#                                            # committed corpus is read, never changed
#   scripts/fuzz_coverage.sh --minutes 10    # a campaign: 10 minutes per reader, a new seed, new
#                                            # inputs added to fuzz/corpus (then --merge, commit)
#   scripts/fuzz_coverage.sh --merge         # minimise the corpus in place
#
# Built on the stable toolchain: RUSTC_BOOTSTRAP=1 unlocks the nightly-only parts, cargo's
# `profile-rustflags` (so only the core and the target are instrumented for coverage and every
# dependency is the one `cargo test` already built in target/) and the sanitizer-coverage pass.
# cargo-fuzz is not needed (it instruments every crate in a target dir of its own: several times
# the build; ADR 0054 has the numbers). No sanitizer: the code is safe Rust and a
# panic is what we look for. A crash leaves its input in fuzz/artifacts/: add it to the corpus
# once fixed, so it stays covered.
set -euo pipefail
cd "$(dirname "$0")/.."
export RUSTC_BOOTSTRAP=1
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}
# reader:runs for the test command's budget (the CSV reader runs slowest: it tries each kind).
readers=(dossier:3000 rules:3000 templates:3000 csv:600 xlsx:1500 tables:3000 dpv:3000 ffi:3000)
mode=budget
minutes=0
case "${1:-}" in
  --minutes) mode=campaign; minutes=${2:?minutes}; shift 2 ;;
  --merge) mode=merge; shift ;;
  "") ;;
  *) echo "usage: $0 [--minutes N | --merge]" >&2; exit 2 ;;
esac
start=$SECONDS
cargo build --manifest-path fuzz/Cargo.toml --target-dir target --bin readers
echo "fuzz: target built in $((SECONDS - start)) s"
bin=target/debug/readers
common=(-dict=fuzz/brobygger.dict -max_len=65536 -timeout=20 -rss_limit_mb=2048 -print_final_stats=1)
mkdir -p fuzz/artifacts
failed=0
for entry in "${readers[@]}"; do
  r=${entry%%:*}
  runs=$(( ${entry##*:} * ${RUNS:-100} / 100 ))
  corpus=fuzz/corpus/$r
  t=$SECONDS
  case $mode in
    budget)
      # New inputs go to a scratch folder: the committed corpus is only read.
      scratch=$(mktemp -d)
      log=$scratch.log
      rc=0
      BROBYGGER_FUZZ_READER=$r "$bin" "${common[@]}" -runs="$runs" -seed=1 \
        -artifact_prefix="fuzz/artifacts/$r-" "$scratch" "$corpus" >"$log" 2>&1 || rc=$?
      cov=$(grep -E "^#[0-9]+[[:space:]]+DONE" "$log" | grep -oE "cov: [0-9]+ ft: [0-9]+" || true)
      echo "fuzz $r: $runs runs, seed 1, ${cov:-no stats}, $((SECONDS - t)) s"
      if [ "$rc" != 0 ]; then
        grep -E "panicked|repeats|ERROR|deadly|Test unit written|timeout|out-of-memory" "$log" | head -20
        echo "fuzz $r FAILED (exit $rc): the input is in fuzz/artifacts/$r-*"
        failed=1
      fi
      rm -rf "$scratch" "$log"
      ;;
    campaign)
      echo "== fuzz $r: $minutes minute(s)"
      BROBYGGER_FUZZ_READER=$r "$bin" "${common[@]}" -max_total_time=$((minutes * 60)) \
        -artifact_prefix="fuzz/artifacts/$r-" "$corpus" || failed=1
      ;;
    merge)
      merged=$(mktemp -d)
      BROBYGGER_FUZZ_READER=$r "$bin" "${common[@]}" -merge=1 "$merged" "$corpus"
      rm -rf "$corpus" && mv "$merged" "$corpus"
      ;;
  esac
done
if [ "$failed" = 0 ]; then
  echo "fuzz: ${#readers[@]} readers in $((SECONDS - start)) s: no panic, no crash, no echoed canary"
fi
exit "$failed"
