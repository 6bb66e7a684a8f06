#!/usr/bin/env bash
# The slow Spark target (issue 22): brobygger.spark.match_groups on PySpark in local mode must
# give the single-process tables for every partition count from 1 to 8 (tests/spark). Kept out
# of scripts/test.sh because it needs Java 17 and ~500 MB of PySpark, and a JVM start costs
# ~20 s. Installs what it needs (a JDK from apt when `java` is missing, PySpark into .venv) and
# is idempotent. Ends with one SUMMARY line; exits non-zero on failure.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=$ROOT/.venv/bin/python

scripts/setup.sh || { echo "SUMMARY: FAILED (setup)"; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi
}
if ! command -v java >/dev/null; then
  echo "== installing a JDK (apt)"
  as_root apt-get install -y -q openjdk-17-jre-headless >/dev/null 2>&1 || {
    as_root apt-get update -q >/dev/null
    as_root apt-get install -y -q openjdk-17-jre-headless >/dev/null
  } || { echo "SUMMARY: FAILED (no Java)"; exit 1; }
fi
want=$(cat requirements-dev.txt requirements-spark.txt | sha256sum | cut -c1-64)
if [ "$(cat .venv/.requirements-spark 2>/dev/null)" != "$want" ]; then
  echo "== installing PySpark (pip)"
  "$PY" -m pip install -q --disable-pip-version-check -r requirements-spark.txt || { echo "SUMMARY: FAILED (pip)"; exit 1; }
  echo "$want" > .venv/.requirements-spark
fi
echo "== building the extension"
(cd crates/py && VIRTUAL_ENV=$ROOT/.venv "$ROOT/.venv/bin/maturin" develop --locked -q) || { echo "SUMMARY: FAILED (build)"; exit 1; }
echo "== spark: local mode, partitions 1 to 8"
start=$SECONDS
if PYSPARK_PYTHON=$PY "$PY" -m pytest -q -p no:cacheprovider -W ignore::FutureWarning -W "ignore:The copy keyword" tests/spark; then
  echo "SUMMARY: ALL PASSED (spark) in $((SECONDS - start))s"
else
  echo "SUMMARY: FAILED (spark) in $((SECONDS - start))s"
  exit 1
fi
