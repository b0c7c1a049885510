#!/usr/bin/env bash
# Every C++ file the repository tracks (vendored code aside) is formatted with the repository's .clang-format.
# Fix with: git ls-files '*.cpp' '*.h' | grep -v '^vendor/\|^third_party/' | xargs clang-format-14 -i
# usage: format.sh LAMBDALINT SOURCE_DIR
set -uo pipefail
cd "$2"
if ! command -v clang-format-14 >/dev/null; then
  echo "format: clang-format-14 is not installed (scripts/setup.sh installs it)"
  exit 1
fi
mapfile -t files < <(git ls-files '*.cpp' '*.h' | grep -v '^vendor/\|^third_party/')
if clang-format-14 --dry-run --Werror "${files[@]}"; then
  echo "format: ${#files[@]} files formatted"
else
  echo "format: the files above are not formatted; run clang-format-14 -i on them"
  exit 1
fi
