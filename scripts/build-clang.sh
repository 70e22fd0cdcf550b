#!/usr/bin/env bash
# Builds the library and the `baton` command with clang into build/clang (no tests, no
# benchmarks), so that the code stays portable beyond GCC. Uses clang++-14 when present, else
# clang++; set CLANGXX to choose another. Extra arguments go to cmake --build.
set -euo pipefail
cd "$(dirname "$0")/.."
compiler=${CLANGXX:-$(command -v clang++-14 || command -v clang++ || true)}
if [ -z "$compiler" ]; then
  echo "build-clang: no clang++ found (scripts/install-deps.sh --clang installs it)" >&2
  exit 2
fi
launcher=()
if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S . -B build/clang -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER="$compiler" \
  -DBATON_BUILD_TESTS=OFF -DBATON_BUILD_BENCH=OFF "${launcher[@]}" >/dev/null
cmake --build build/clang -j "$(nproc)" "$@"
echo "build-clang: built with $("$compiler" --version | head -n 1)"
