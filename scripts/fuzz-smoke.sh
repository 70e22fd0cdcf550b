#!/usr/bin/env bash
# Builds the libFuzzer harnesses of fuzz/ with clang into build/fuzz (the harnesses only: no
# tests, benchmarks or command) and runs each in turn for a bounded time, starting from its seed
# corpus in fuzz/corpus/NAME/. Exits non-zero when any harness crashes, breaks a check, leaks,
# hangs or runs out of memory; the input that did it is kept in build/fuzz/artifacts/NAME/.
#
#   scripts/fuzz-smoke.sh                 every harness, 10 s each (what CI runs)
#   FUZZ_SECONDS=3600 scripts/fuzz-smoke.sh team_toml meet_toml    a campaign of named harnesses
#
# FUZZ_SECONDS: seconds per harness (default 10). FUZZ_ARGS: more libFuzzer options. Inputs the
# fuzzer finds accumulate in build/fuzz/corpus/NAME/ (delete it for a fresh start); a summary
# line per harness (runs, execs/s, coverage) goes to build/fuzz/summary.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
compiler=${CLANGXX:-$(command -v clang++-14 || command -v clang++ || true)}
if [ -z "$compiler" ]; then
  echo "fuzz-smoke: no clang++ found (scripts/install-deps.sh --clang installs it)" >&2
  exit 2
fi
launcher=()
if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
build=build/fuzz
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER="$compiler" \
  -DBATON_FUZZ=ON -DBATON_BUILD_TESTS=OFF -DBATON_BUILD_BENCH=OFF -DBATON_BUILD_CLI=OFF \
  "${launcher[@]}" >/dev/null
cmake --build "$build" -j "$(nproc)" --target fuzz

seconds=${FUZZ_SECONDS:-10}
if [ $# -gt 0 ]; then targets=("$@"); else mapfile -t targets < "$build/fuzz/targets.txt"; fi
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
summary=$build/summary.txt
: > "$summary"
failed=()
for t in "${targets[@]}"; do
  [ -n "$t" ] || continue
  work=$build/corpus/$t
  artifacts=$build/artifacts/$t
  mkdir -p "$work" "$artifacts"
  dict=()
  if [ -e "fuzz/dict/$t.dict" ]; then dict=(-dict="fuzz/dict/$t.dict"); fi
  log=$build/logs/$t.log
  mkdir -p "$(dirname "$log")"
  echo "fuzz-smoke: $t for ${seconds} s"
  status=0
  # shellcheck disable=SC2086
  "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "${dict[@]}" ${FUZZ_ARGS:-} \
    "$work" "fuzz/corpus/$t" > "$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  cov=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' "$log" | tail -n 1 || true)
  line="$t: ${runs:-?} runs, ${speed:-?} execs/s, ${cov:-no coverage line}, exit $status"
  echo "$line" | tee -a "$summary"
  if [ "$status" -ne 0 ]; then
    failed+=("$t")
    grep -E 'ERROR|fuzz check failed|runtime error|Test unit written' "$log" | head -n 20 >&2 || true
    echo "fuzz-smoke: $t failed; log $log, input in $artifacts/" >&2
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz-smoke: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz-smoke: ${#targets[@]} harnesses ran ${seconds} s each without a failure"
