#!/usr/bin/env bash
# The main job on the built-in examples: load, validate and summarise each one with its
# checklists and its health (assessment scores, role split, checklists), Danish by default.
# Usage: scripts/demo.sh [--example NAME] [--lang da|en] [--as-of YYYY-MM-DD] [--out DIR]
#   --out DIR also writes every agreement's report (Markdown and HTML) into DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo run --locked --quiet -p brobygger-cli -- demo "$@"
