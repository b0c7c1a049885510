#!/usr/bin/env bash
# lambdalint and cfn-lint side by side on the same synthetic templates.
# Usage: bench/compare_cfn_lint.sh [TEMPLATES] [FUNCTIONS]   (after a build)
set -euo pipefail
cd "$(dirname "$0")/.."
templates=${1:-100}
functions=${2:-10}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
./build/bench/lambdalint_gen_apps "$templates" "$functions" "$dir"
echo "$templates templates x $functions functions, $(du -sh "$dir" | cut -f1)"
t0=$(date +%s.%N)
./build/lambdalint check "$dir" --no-config -j1 --format json -o /dev/null || true
t1=$(date +%s.%N)
echo "lambdalint (1 thread): $(awk "BEGIN{print $t1 - $t0}") s"
./build/lambdalint check "$dir" --no-config --format json -o /dev/null || true
t2=$(date +%s.%N)
echo "lambdalint (all cores): $(awk "BEGIN{print $t2 - $t1}") s"
if command -v cfn-lint >/dev/null; then
  cfn-lint --format json "$dir"/*.yaml >/dev/null 2>&1 || true
  t3=$(date +%s.%N)
  echo "cfn-lint: $(awk "BEGIN{print $t3 - $t2}") s"
fi
