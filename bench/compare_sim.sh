#!/bin/sh
# Times whole `baton simulate` runs on a generated 8-team 4x100 meet whose teams all use the
# full exchange model, with the tabulated exchanges and with root-finding per exchange
# (--exact-exchanges), and prints team-races per second and the speed-up.
# Usage: bench/compare_sim.sh [BATON_BINARY] [RUNS] [EXACT_RUNS]
set -eu
BATON=${1:-build/release/baton}
RUNS=${2:-4000000}
EXACT_RUNS=${3:-50000}
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
MEET="$DIR/meet.toml"
echo 'event = "4x100"' > "$MEET"
for i in 0 1 2 3 4 5 6 7; do
  printf '[[team]]\nname = "Team %s"\nseed = "38.%s0"\nmodel = "exchanges"\n' "$i" "$i" >> "$MEET"
done
seconds() {  # wall time of a command, seconds
  start=$(date +%s.%N)
  "$@" > /dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
fast=$(seconds "$BATON" simulate --meet "$MEET" --runs "$RUNS" --json)
exact=$(seconds "$BATON" simulate --meet "$MEET" --runs "$EXACT_RUNS" --exact-exchanges --json)
fast_rate=$(echo "8 * $RUNS / $fast" | bc -l)
exact_rate=$(echo "8 * $EXACT_RUNS / $exact" | bc -l)
printf 'tabulated exchanges: %d races in %.2f s = %.2f million team-races/s\n' "$RUNS" "$fast" \
  "$(echo "$fast_rate / 1000000" | bc -l)"
printf 'exact exchanges:     %d races in %.2f s = %.3f million team-races/s\n' "$EXACT_RUNS" \
  "$exact" "$(echo "$exact_rate / 1000000" | bc -l)"
printf 'speed-up: %.0fx\n' "$(echo "$fast_rate / $exact_rate" | bc -l)"
