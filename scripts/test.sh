#!/usr/bin/env bash
# Builds and runs every test (unit, CLI, and browser tests when a browser is installed).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
ctest --preset release -j "$(nproc)" --timeout 300
