#!/usr/bin/env bash
# Runs clang-tidy-14 with the repository's .clang-tidy over the project's own sources (src/, rules/, tools/),
# using build/compile_commands.json. Exits non-zero on any finding.
# usage: scripts/clang-tidy.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
if [ ! -f "$build/compile_commands.json" ]; then
  echo "clang-tidy: no $build/compile_commands.json; run scripts/build.sh first" >&2
  exit 2
fi
mapfile -t files < <(git ls-files 'src/*.cpp' 'rules/*.cpp' 'tools/lambdalint/*.cpp')
# The resource dir of clang 14 gives clang-tidy the compiler's own headers (stddef.h and friends).
resource=$(clang-14 -print-resource-dir)
run-clang-tidy-14 -quiet -p "$build" -j "$(nproc)" -extra-arg="-resource-dir=$resource" "${files[@]}" >"$build/clang-tidy.log" 2>&1 ||
  status=$?
if [ "${status:-0}" -ne 0 ] || grep -q "error:" "$build/clang-tidy.log"; then
  grep -E "error:|warning:" "$build/clang-tidy.log" | sort -u | head -50
  echo "clang-tidy: findings above (full log: $build/clang-tidy.log)"
  exit 1
fi
echo "clang-tidy: ${#files[@]} files clean"
