#pragma once
// How much work one handler parse may take. tree-sitter's error recovery has
// no limit of its own and is quadratic on some inputs: one line of 100,000
// apostrophes kept it busy for minutes. A parse that reaches either limit is
// cancelled and the file reported as not analysed.
#include <cstddef>
#include <cstdint>

#include "util/sanitizers.h"

namespace lambdalint::code {

struct ParseBudget {
  // Parser operations (shifts, reductions, recovery steps; tree-sitter reports
  // them in steps of 100): a fixed allowance plus an allowance per input byte.
  // The same input always takes the same count, so this limit gives the same
  // result on any machine. Real code takes ~2 per byte.
  uint64_t operations = 10'000'000;
  uint64_t operationsPerByte = 100;
  // CPU time of the parsing thread, in milliseconds (0: no limit), plus an
  // allowance per MB of input. The backstop for inputs whose operations get
  // expensive (the apostrophes above: few operations, each slower than the
  // last). CPU time rather than wall time so a loaded machine does not change
  // the result; a 15 MB minified bundle parses in ~5 s on a slow machine.
  uint32_t cpuMilliseconds = 2'000;
  uint32_t cpuMillisecondsPerMegabyte = 1'000;

  uint64_t maxOperations(size_t bytes) const { return operations + operationsPerByte * bytes; }
  uint64_t maxCpuMilliseconds(size_t bytes) const {
    if (cpuMilliseconds == 0) return 0;
    return (cpuMilliseconds + uint64_t{cpuMillisecondsPerMegabyte} * (bytes >> 20)) * kSlowdown;
  }
};

}  // namespace lambdalint::code
