#!/usr/bin/env bash
# The main job on the built-in examples: load, validate and summarise (Danish by default).
# Usage: scripts/demo.sh [--example NAME] [--lang da|en]
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo run --locked --quiet -p brobygger-cli -- demo "$@"
