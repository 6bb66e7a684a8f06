#!/usr/bin/env bash
# Installs what the test command needs, idempotently: JNA (apt), the Kotlin compiler (npm
# package, unpacked under .tools/), and a Python venv (.venv/) with the pinned tools.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
KOTLIN_VERSION=2.4.20

log() { printf '== %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi
}

# JNA for Kotlin on the JVM (Debian's jar uses the system libjnidispatch).
if [ ! -f /usr/share/java/jna.jar ]; then
  log "installing libjna-java (apt)"
  as_root apt-get install -y -q libjna-java >/dev/null 2>&1 || {
    as_root apt-get update -q >/dev/null
    as_root apt-get install -y -q libjna-java >/dev/null
  }
fi

# A real browser for the HTML reports and notebook displays (tests/browser): Debian's chromium,
# driven by Python's playwright (in requirements-dev.txt) through its executable path, so
# `playwright install` and its browser download are never needed.
if ! command -v chromium >/dev/null 2>&1; then
  log "installing chromium (apt)"
  as_root apt-get install -y -q chromium >/dev/null 2>&1 || {
    as_root apt-get update -q >/dev/null
    as_root apt-get install -y -q chromium >/dev/null
  }
fi

# The Kotlin compiler from the npm registry (the whole JVM kotlinc).
if [ ! -x .tools/kotlin/bin/kotlinc ] || [ "$(cat .tools/kotlin/.version 2>/dev/null)" != "$KOTLIN_VERSION" ]; then
  log "fetching kotlin-compiler $KOTLIN_VERSION (npm)"
  rm -rf .tools/kotlin .tools/package && mkdir -p .tools
  (cd .tools && npm pack -q "kotlin-compiler@$KOTLIN_VERSION" >/dev/null && tar xzf "kotlin-compiler-$KOTLIN_VERSION.tgz" && rm "kotlin-compiler-$KOTLIN_VERSION.tgz")
  mv .tools/package .tools/kotlin
  echo "$KOTLIN_VERSION" > .tools/kotlin/.version
fi

# Python tools in a venv, reinstalled only when requirements-dev.txt changes.
if [ ! -x .venv/bin/python ]; then
  log "creating .venv"
  python3 -m venv .venv
fi
want=$(sha256sum requirements-dev.txt | cut -c1-64)
if [ "$(cat .venv/.requirements 2>/dev/null)" != "$want" ]; then
  log "installing Python tools (pip)"
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
  echo "$want" > .venv/.requirements
fi
log "setup done ($ROOT)"
