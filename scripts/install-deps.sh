#!/usr/bin/env bash
# Installs the Debian 12 packages Baton needs to build and test. Idempotent: installs only what is
# missing and does nothing when everything is present. Works as root or through sudo.
#   --browser   also install what the browser tests need (Debian's chromium, npm's playwright-core
#               and axe-core)
#   --clang     also install clang 14 and its sanitizer and libFuzzer runtimes
#               (scripts/build-clang.sh, scripts/fuzz-smoke.sh)
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libfmt-dev nlohmann-json3-dev libtomlplusplus-dev libcli11-dev
  libsqlite3-dev libcpp-httplib-dev libboost-math-dev libeigen3-dev libpcg-cpp-dev
  coinor-libcbc-dev libglpk-dev
  libsodium-dev libssl-dev libqrencode-dev
  libgtest-dev libgmock-dev libbenchmark-dev
)
browser=0
clang=0
for arg in "$@"; do
  case "$arg" in
    --browser) browser=1 ;;
    --clang) clang=1 ;;
    *) echo "install-deps: unknown option $arg" >&2; exit 2 ;;
  esac
done
if [ "$browser" = 1 ]; then
  packages+=(chromium)
  # Some machines carry a newer Node.js (with its own npm) than Debian's; use it when present.
  command -v node >/dev/null 2>&1 || packages+=(nodejs)
  command -v npm >/dev/null 2>&1 || packages+=(npm)
fi

if [ "$clang" = 1 ]; then
  # libclang-rt-14-dev: the sanitizer and libFuzzer runtimes (scripts/fuzz-smoke.sh), only
  # recommended by clang-14, so not installed by --no-install-recommends.
  packages+=(clang-14 libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then sudo=(); else sudo=(sudo); fi
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

if [ "$browser" = 1 ]; then
  here=$(cd "$(dirname "$0")/.." && pwd)
  if [ ! -d "$here/tests/web/node_modules/playwright-core" ] ||
     [ ! -d "$here/tests/web/node_modules/axe-core" ]; then
    echo "install-deps: installing playwright-core and axe-core for the browser tests"
    (cd "$here/tests/web" && npm install --no-audit --no-fund --silent)
  fi
fi
echo "install-deps: all dependencies present"
