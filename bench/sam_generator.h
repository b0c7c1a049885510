#pragma once
// Synthetic SAM applications for benchmarks: realistic shapes (Globals,
// events of every invocation model, policy templates, inline statements,
// roles, conditions with nested !If) at any size.
#include <string>

namespace lambdalint::bench {

// One template with `functions` functions (about 60 lines each).
std::string generateSamTemplate(int functions, int seed);

}  // namespace lambdalint::bench
