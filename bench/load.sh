#!/bin/sh
# Load and slow-client check of `baton serve` on 127.0.0.1, on a temporary database holding the
# example team. Bounded: a fixed number of requests, each run stopped after 120 s.
#
#   bench/load.sh [BUILD_DIR] [CLIENTS] [REQUESTS]     (defaults: build/release 1000 20000)
#
# Prints, for GET /api/athletes and GET /api/events: req/s, latency p50/p99/max, failures; then
# the worst latency of a normal request while 20 clients trickle header lines.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build/release}
clients=${2:-1000}
requests=${3:-20000}
baton="$build/baton"
load="$build/bench/baton_load"
[ -x "$baton" ] && [ -x "$load" ] || { echo "build baton and baton_load first" >&2; exit 2; }

tmp=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT INT TERM

"$baton" --db "$tmp/team.db" roster import examples/riverside.toml >/dev/null
"$baton" --db "$tmp/team.db" serve --host 127.0.0.1 --port 0 >"$tmp/out" 2>&1 &
pid=$!
port=
for _ in $(seq 50); do
  port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$tmp/out")
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "baton serve did not start: $(cat "$tmp/out")" >&2; exit 1; }

status=0
echo "== $clients concurrent clients, GET /api/athletes (roster read from the database)"
"$load" --port "$port" --clients "$clients" --requests "$requests" --path /api/athletes \
  --time-limit-s 120 || status=1
echo "== $clients concurrent clients, GET /api/events"
"$load" --port "$port" --clients "$clients" --requests "$requests" --path /api/events \
  --time-limit-s 120 || status=1
echo "== slow clients"
"$load" --port "$port" --slow 20 --path /api/athletes || status=1
exit $status
