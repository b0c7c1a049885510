#!/usr/bin/env bash
# Refresh the vendored tree-sitter sources in vendor/tree-sitter/ from pinned
# npm packages. Each tarball is fetched with `npm pack`, checked against the
# SHA-256 pinned below, and only the files needed to build are copied.
#
# Usage: scripts/refresh-tree-sitter.sh
#
# Idempotent: the generated subfolders (core/, javascript/, typescript/,
# python/) are deleted and rewritten; hand-written files in vendor/tree-sitter/
# (CMakeLists.txt, README.md, lambdalint_languages.h) are left alone.
#
# To bump a version: change it below, run the script once (it fails and prints
# the new SHA-256), check the new tarball, pin the hash, run again, then update
# vendor/tree-sitter/README.md and run the smoke test.
set -euo pipefail

# name          version   sha256 of the npm tarball
PACKAGES=(
  "tree-sitter            0.25.1 07aeba8dd71630e7e72b2d4ca3bd2680c3471824100cc5ebff44e78a6ed0b6d3"
  "tree-sitter-javascript 0.25.0 6214ce23d03aba525ba8edd6ca7caf365c969f2c2dbfc353e376ca54507ffb92"
  "tree-sitter-typescript 0.23.2 0fdf63c35930a75885145d75ee63cb879da2d49db9bfe454bd8e60b08ba778a1"
  "tree-sitter-python     0.25.0 63b76b3fa8181fd79eaad4abcdb21e2babcb504dbfc7710a89934fa456d26096"
)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/vendor/tree-sitter"

for tool in npm tar sha256sum; do
  command -v "$tool" >/dev/null || { echo "error: '$tool' is required" >&2; exit 1; }
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/refresh-tree-sitter.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# fetch NAME VERSION SHA256 -> extracts into $WORK/NAME/package
fetch() {
  local name="$1" version="$2" want="$3"
  local tgz="$WORK/$name-$version.tgz"
  echo "==> $name@$version"
  (cd "$WORK" && npm pack --silent "$name@$version" >/dev/null)
  [[ -f "$tgz" ]] || { echo "error: npm pack did not produce $tgz" >&2; exit 1; }
  local got
  got="$(sha256sum "$tgz" | cut -d' ' -f1)"
  if [[ "$got" != "$want" ]]; then
    echo "error: SHA-256 mismatch for $name@$version" >&2
    echo "  expected $want" >&2
    echo "  got      $got" >&2
    exit 1
  fi
  echo "    sha256 $got OK"
  mkdir -p "$WORK/$name"
  tar -xzf "$tgz" -C "$WORK/$name"
}

# copy_grammar_src SRC_DIR DEST_DIR: parser.c, scanner.c (if any), tree_sitter/*.h
copy_grammar_src() {
  local src="$1" dst="$2"
  [[ -f "$src/parser.c" ]] || { echo "error: $src/parser.c missing" >&2; exit 1; }
  mkdir -p "$dst/tree_sitter"
  cp "$src/parser.c" "$dst/"
  if [[ -f "$src/scanner.c" ]]; then cp "$src/scanner.c" "$dst/"; fi
  cp "$src"/tree_sitter/*.h "$dst/tree_sitter/"
}

copy_queries() {
  local pkg="$1" dst="$2"
  if [[ -d "$pkg/queries" ]]; then
    mkdir -p "$dst/queries"
    cp "$pkg"/queries/*.scm "$dst/queries/"
  fi
}

for entry in "${PACKAGES[@]}"; do
  # shellcheck disable=SC2086
  set -- $entry
  fetch "$1" "$2" "$3"
done

# Remove only the generated subfolders, then rebuild them.
rm -rf "$DEST/core" "$DEST/javascript" "$DEST/typescript" "$DEST/python"
mkdir -p "$DEST"

# Core runtime: lib/src (lib.c #includes the other .c files; unicode/ and
# wasm/ are referenced from there) and lib/include (tree_sitter/api.h).
pkg="$WORK/tree-sitter/package"
core_lib="$pkg/vendor/tree-sitter/lib"
[[ -f "$core_lib/src/lib.c" && -f "$core_lib/include/tree_sitter/api.h" ]] ||
  { echo "error: unexpected layout in tree-sitter tarball" >&2; exit 1; }
mkdir -p "$DEST/core"
cp -R "$core_lib/src" "$DEST/core/src"
cp -R "$core_lib/include" "$DEST/core/include"
cp "$pkg/LICENSE" "$DEST/core/LICENSE"

# JavaScript
pkg="$WORK/tree-sitter-javascript/package"
copy_grammar_src "$pkg/src" "$DEST/javascript/src"
copy_queries "$pkg" "$DEST/javascript"
cp "$pkg/LICENSE" "$DEST/javascript/LICENSE"

# TypeScript + TSX: keep typescript/src, tsx/src and common/ side by side,
# since both scanner.c files include "../../common/scanner.h".
pkg="$WORK/tree-sitter-typescript/package"
copy_grammar_src "$pkg/typescript/src" "$DEST/typescript/typescript/src"
copy_grammar_src "$pkg/tsx/src" "$DEST/typescript/tsx/src"
mkdir -p "$DEST/typescript/common"
cp "$pkg/common/scanner.h" "$DEST/typescript/common/scanner.h"
copy_queries "$pkg" "$DEST/typescript"
cp "$pkg/LICENSE" "$DEST/typescript/LICENSE"

# Python
pkg="$WORK/tree-sitter-python/package"
copy_grammar_src "$pkg/src" "$DEST/python/src"
copy_queries "$pkg" "$DEST/python"
cp "$pkg/LICENSE" "$DEST/python/LICENSE"

# Plain, reproducible permissions (tarballs may carry odd modes).
find "$DEST/core" "$DEST/javascript" "$DEST/typescript" "$DEST/python" \
  -type d -exec chmod 755 {} + -o -type f -exec chmod 644 {} +

echo "==> vendored into ${DEST#"$ROOT"/} ($(du -sh "$DEST" | cut -f1))"
