#!/usr/bin/env bash
# Configures and builds the optimised preset (build/release). Extra arguments go to cmake --build.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f build/release/build.ninja ]; then cmake --preset release >/dev/null; fi
cmake --build --preset release -j "$(nproc)" "$@"
