#!/usr/bin/env bash
# Every SARIF lambdalint writes for the sample apps and the rule fixtures
# validates against the OASIS schema (ajv, draft-04) and passes Microsoft's
# SARIF validator with no error.
# Usage: sarif_schema.sh LAMBDALINT SOURCE_DIR
set -euo pipefail
lambdalint=$1
src=$2
schema="$src/testdata/reference/sarif-schema-2.1.0.json"
modules="$src/third_party/node_modules"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

n=0
for target in "$src"/testdata/apps/* "$src"/testdata/rules/* "$src"/testdata/malformed; do
  [ -e "$target" ] || continue
  n=$((n + 1))
  # Exit 1 (findings) is expected; 2 would mean no input.
  "$lambdalint" check "$target" --no-config --format sarif -o "$out/$n.sarif" || [ $? -eq 1 ]
done
echo "wrote $n SARIF files"
node "$src/tests/tools/validate_sarif.js" "$schema" "$out"/*.sarif

multitool="$modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ -f "$multitool" ]; then
  chmod +x "$multitool"
  # One run for all files: the validator's start-up dominates its time.
  report=$("$multitool" validate "$out"/*.sarif 2>&1) || { echo "$report"; exit 1; }
  if grep -q ": error " <<<"$report"; then
    echo "$report"
    exit 1
  fi
  grep -q "$n files scanned" <<<"$report" || { echo "$report"; exit 1; }
  echo "Microsoft SARIF validator: no errors in $n files"
fi
