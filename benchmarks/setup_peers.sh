#!/usr/bin/env bash
# Install the tools a user would otherwise pick, into a scratch folder (not the project's dependencies):
# alex and Joblint from npm, proselint from PyPI. Usage: bash benchmarks/setup_peers.sh [DIR]
set -euo pipefail
dir=${1:-/tmp/jdlint-peers}
mkdir -p "$dir"
npm install --silent --no-audit --no-fund --prefix "$dir" alex >/dev/null
# Joblint: the npm registry reached from here answers 404 for it; install it when the registry has it
npm install --silent --no-audit --no-fund --prefix "$dir" joblint >/dev/null 2>&1 || echo "joblint: not available from this npm registry" >&2
python3 -m venv "$dir/venv"
"$dir/venv/bin/pip" install --quiet proselint
echo "$dir"
