#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite: first clang-tidy over the
# project's sources (.clang-tidy), then the sanitizer stages
# (the suite under ASan + UBSan, then every fuzz target for a fixed number of
# runs over its seeds and regression inputs; see docs/fuzzing.md), then the
# normal build's ctest, whose summary is the last thing printed.
# LAMBDALINT_SANITIZERS=0 skips the sanitizer stages and LAMBDALINT_TIDY=0 the
# clang-tidy stage (quick local runs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh

# Runs a stage with its output in a log; prints a summary line, or the log's tail and fails.
stage() {
  local name=$1 log=$2 summary=$3
  shift 3
  local start=$SECONDS status=0
  mkdir -p "$(dirname "$log")"
  "$@" >"$log" 2>&1 || status=$?
  if [ "$status" -ne 0 ]; then
    tail -n 150 "$log"
    echo "$name: FAILED (exit $status) after $((SECONDS - start))s; full log: $log"
    exit "$status"
  fi
  grep -E "$summary" "$log" || true
  echo "$name: passed in $((SECONDS - start))s (log: $log)"
}

if [ "${LAMBDALINT_TIDY:-1}" != 0 ]; then
  stage "clang-tidy" build/clang-tidy-stage.log '^clang-tidy: ' bash scripts/clang-tidy.sh build
fi

if [ "${LAMBDALINT_SANITIZERS:-1}" != 0 ]; then
  # One instrumented tree (build-fuzz/, the `fuzz` preset: ASan + UBSan + libFuzzer coverage) serves both stages.
  stage "asan+ubsan test suite" build-fuzz/logs/asan-ctest.log '^(Total Test time|[0-9]+% tests passed)' \
    bash scripts/test-asan.sh --preset fuzz
  stage "fuzz regression runs" build-fuzz/logs/fuzz-runs.log '^fuzz: ' \
    bash scripts/fuzz.sh --no-build --runs "${LAMBDALINT_FUZZ_RUNS:-2000}" --seconds "${LAMBDALINT_FUZZ_SECONDS:-60}"
fi

cd build
ctest --output-on-failure -j"$(nproc)" --timeout 600
