#!/usr/bin/env bash
# `cmake --install` puts a working lambdalint (rules, docs and data inside the
# binary) under a prefix; nothing it needs stays behind in the source tree.
# Usage: install.sh LAMBDALINT SOURCE_DIR
set -euo pipefail
build=$(dirname "$(realpath "$1")")
src=$(realpath "$2")
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
installed="$prefix/bin/lambdalint"
[ -x "$installed" ] || { echo "FAIL: no $installed"; exit 1; }
cd "$prefix"  # away from the source tree
"$installed" --version | grep -q "IAM actions" || { echo "FAIL: --version"; exit 1; }
"$installed" explain IAM001 | grep -q "## Why is this bad?" || { echo "FAIL: explain"; exit 1; }
status=0
"$installed" check "$src/testdata/apps/thumbnail" --no-config --format json -o out.json || status=$?
[ "$status" -eq 1 ] || { echo "FAIL: check exited $status"; exit 1; }
grep -q '"IAM007"' out.json || { echo "FAIL: the installed binary misses IAM007 on the thumbnail sample"; exit 1; }
echo "ok: installed lambdalint works from $prefix"
