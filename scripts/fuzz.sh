#!/usr/bin/env bash
# Builds the libFuzzer targets (CMake preset `fuzz`, into build-fuzz/) and runs
# each over its seed corpus (fuzz/seeds.txt) and its regression inputs
# (fuzz/regressions/<target>/). See docs/fuzzing.md.
#
#   scripts/fuzz.sh [--seconds N] [--runs N] [--no-build] [TARGET...]
#
#   --runs N      fixed-count run (CI): every seed and regression input, then
#                 mutations up to N executions in all, from a fresh scratch
#                 corpus and a fixed seed (FUZZ_SEED, default 1)
#   --seconds N   campaign (humans): mutate for N seconds per target; the
#                 scratch corpus build-fuzz/corpus/<target>/ is kept and grows
#                 across campaigns (default: --seconds 60). With --runs, a cap
#                 on each target's time.
#   --no-build    use the binaries already in build-fuzz/fuzz/
#   TARGET        fuzz/<TARGET>.cpp names; default: every fuzz/*_fuzzer.cpp
#
# FUZZ_TIMEOUT (seconds, default 30) is libFuzzer's per-input limit. It counts
# wall time: a campaign run under `nice` beside builds needs a larger one, or a
# starved input is reported as a hang.
#
# Crashes, leaks, time-outs and out-of-memory inputs land in
# build-fuzz/crashes/<target>/; full logs in build-fuzz/logs/<target>.log.
# Exits 1 when any target failed (after running all of them).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=$root/build-fuzz

runs=
seconds=
do_build=1
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=${2:?--seconds needs a number}; shift 2 ;;
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    --no-build) do_build=0; shift ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$(basename "$1" .cpp)"); shift ;;
  esac
done
[ -n "$runs" ] || [ -n "$seconds" ] || seconds=60
if [ ${#targets[@]} -eq 0 ]; then
  for f in fuzz/*_fuzzer.cpp; do
    [ -e "$f" ] || continue
    name=$(basename "$f" .cpp)
    targets+=("$name")
  done
fi
for t in "${targets[@]}"; do
  [ -f "fuzz/$t.cpp" ] || { echo "fuzz.sh: no fuzz/$t.cpp" >&2; exit 2; }
done

if [ "$do_build" = 1 ]; then
  cmake --preset fuzz >/dev/null
  cmake --build "$build" -j2 --target "${targets[@]}"
fi

# Seeds: every `<target> seeds <glob>` line of fuzz/seeds.txt; files are named
# by content hash (so repeated copies are one input).
seed_corpus() {
  local target=$1 dir=$2 kind pattern file name
  shopt -s globstar nullglob
  while read -r name kind pattern; do
    [ "$name" = "$target" ] && [ "$kind" = seeds ] || continue
    for file in $pattern; do
      [ -f "$file" ] || continue
      cp "$file" "$dir/$(sha1sum < "$file" | cut -c1-40)"
    done
  done < <(grep -v '^\s*\(#\|$\)' fuzz/seeds.txt)
  shopt -u globstar nullglob
}
dict_of() {
  awk -v t="$1" '$1 == t && $2 == "dict" { print $3; exit }' fuzz/seeds.txt
}
options_of() {
  awk -v t="$1" '$1 == t && $2 == "option" { print $3 }' fuzz/seeds.txt
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
mkdir -p "$build/logs"
failed=()
for t in "${targets[@]}"; do
  binary=$build/fuzz/$t
  [ -x "$binary" ] || { echo "fuzz.sh: $binary was not built" >&2; failed+=("$t"); continue; }
  corpus=$build/corpus/$t
  crashes=$build/crashes/$t
  log=$build/logs/$t.log
  [ -n "$runs" ] && rm -rf "$corpus"
  mkdir -p "$corpus" "$crashes"
  seed_corpus "$t" "$corpus"
  dirs=("$corpus")
  regressions=0
  if [ -d "fuzz/regressions/$t" ]; then
    dirs+=("$root/fuzz/regressions/$t")
    regressions=$(find "fuzz/regressions/$t" -type f | wc -l)
  fi
  args=(-artifact_prefix="$crashes/" -timeout="${FUZZ_TIMEOUT:-30}" -rss_limit_mb=2560 -print_final_stats=1)
  dict=$(dict_of "$t")
  [ -n "$dict" ] && args+=(-dict="$root/$dict")
  while read -r option; do
    [ -n "$option" ] && args+=("$option")
  done < <(options_of "$t")
  [ -n "$runs" ] && args+=(-runs="$runs" -seed="${FUZZ_SEED:-1}")
  [ -n "$seconds" ] && args+=(-max_total_time="$seconds")
  seeds=$(find "$corpus" -type f | wc -l)
  start=$(date +%s)
  status=0
  # libFuzzer writes new inputs into the first folder only: regressions stay as they are.
  "$binary" "${args[@]}" "${dirs[@]}" >"$log" 2>&1 || status=$?
  elapsed=$(( $(date +%s) - start ))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  if [ "$status" = 0 ]; then
    echo "fuzz: $t: OK, ${execs:-?} executions in ${elapsed}s (corpus $seeds inputs + $regressions regressions, coverage ${cov:-?} edges)"
  else
    failed+=("$t")
    echo "fuzz: $t: FAILED (exit $status) after ${execs:-?} executions in ${elapsed}s; log $log"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error:|artifact_prefix|Test unit written to)' "$log" | head -20 || true
    tail -n 40 "$log"
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]} (crash inputs in $build/crashes/<target>/)"
  exit 1
fi
echo "fuzz: all ${#targets[@]} targets passed"
