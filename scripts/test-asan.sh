#!/usr/bin/env bash
# Builds a sanitizer preset and runs the whole test suite under
# AddressSanitizer + UndefinedBehaviorSanitizer. Any report aborts the test that
# triggered it, so ctest fails. See docs/fuzzing.md.
#
#   scripts/test-asan.sh [--preset asan|fuzz] [ctest arguments...]
#
#   --preset asan   (default) clang-14, -fsanitize=address,undefined, build-asan/
#   --preset fuzz   the same sanitizers plus libFuzzer's coverage instrumentation,
#                   build-fuzz/: CI uses it so that one instrumented build serves
#                   both this suite and scripts/fuzz.sh
#   Extra arguments go to ctest, e.g. -R LspServer or -E 'script\.'.
set -euo pipefail
cd "$(dirname "$0")/.."

preset=asan
if [ "${1:-}" = "--preset" ]; then
  preset=${2:?--preset needs a name}
  shift 2
fi
case "$preset" in
  asan) dir=build-asan ;;
  fuzz) dir=build-fuzz ;;
  *) echo "test-asan.sh: --preset asan or fuzz" >&2; exit 2 ;;
esac

cmake --preset "$preset" >/dev/null
cmake --build "$dir" -j2

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cd "$dir"
ctest --output-on-failure -j2 --timeout 900 "$@"
