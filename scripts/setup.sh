#!/usr/bin/env bash
# Installs everything lambdalint needs to build and test on Debian 12, as root.
# Idempotent: installs only what is missing, reinstalls npm packages only when
# third_party/package-lock.json changed.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config git ca-certificates
  libyaml-dev libyaml-cpp-dev libsimdjson-dev nlohmann-json3-dev libre2-dev libfmt-dev libcli11-dev libxxhash-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  # C++ handlers: Clang LibTooling 14 headers and libclang-cpp (libclang-14-dev), LLVM's CMake package and
  # libLLVM headers (llvm-14-dev), clang-14 for -print-resource-dir and its built-in headers
  # (libclang-common-14-dev, pulled in by libclang-14-dev).
  libclang-14-dev llvm-14-dev clang-14 libclang-common-14-dev
  # Sanitizer runtimes and libFuzzer for the asan and fuzz presets (scripts/test-asan.sh, scripts/fuzz.sh).
  libclang-rt-14-dev
  # The formatting test (tests/scripts/format.sh) and scripts/clang-tidy.sh.
  clang-format-14 clang-tidy-14
  pre-commit
  # The README's Neovim configuration, run headless by tests/scripts/neovim.sh.
  neovim
)
# Node.js runs the build-time data packages' installer (npm) and the SARIF validators in tests.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -o DPkg::Lock::Timeout=300
  apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=300 "${missing[@]}"
fi

# npm ci verifies every tarball against the sha512 integrity in the lock file.
stamp=third_party/node_modules/.lambdalint-lock.sha256
want=$(sha256sum third_party/package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: npm ci in third_party/"
  npm ci --prefix third_party --ignore-scripts --no-audit --no-fund
  echo "$want" > "$stamp"
fi
echo "setup: done"
