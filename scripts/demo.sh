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
# The best lineups for the whole meet at once: girls' and boys' 4x100, 4x400 and sprint medley,
# each athlete in at most two relays.
run lineup --events 4x100/F,4x400/F,smr/F,4x100/M,4x400/M,smr/M --max-relays-per-athlete 2
# The girls' 4x100 on its own, with the next-best orders and what each costs.
run lineup --event 4x100 --sex F --top 3
# Its hand-offs: hands, technique, go-marks in metres and foot lengths, where the baton passes.
run plan --event 4x100 --best --sex F
# Race odds in the county final against seven seeded opponents.
run simulate --meet examples/meet-girls-4x100.toml --runs 1000000 --seed 2026
# Which of the fastest orders wins that final most often (the same simulated races for each).
run lineup --objective win --meet examples/meet-girls-4x100.toml --candidates 6 --seed 2026
# The girls' best 4x100 with each runner's targets and start time, then the full report.
run pacing --team examples/riverside.toml --event 4x100 --sex F
out=$(mktemp -d)
run report --team examples/riverside.toml --event 4x100 --sex F \
  --meet examples/meet-girls-4x100.toml --html "$out/girls-4x100.html"
echo "open $out/girls-4x100.html in a browser"
