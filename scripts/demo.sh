#!/usr/bin/env bash
# The main job on the bundled example team: builds Baton, imports examples/ into a fresh
# embedded database and shows what a coach came for.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh >/dev/null
baton=build/release/baton
db=$(mktemp -d)/riverside.db
trap 'rm -rf "$(dirname "$db")"' EXIT
run() { echo; echo "\$ baton $*"; "$baton" --db "$db" "$@"; }

run roster import examples/riverside.toml
run roster import examples/jv-roster.csv
run roster list
run events --roster
