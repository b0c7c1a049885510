#pragma once
#include "template/node.h"

namespace lambdalint {

// SAM's Globals rules: maps merge (the function's keys win), lists are
// concatenated (Globals first), anything else from the function replaces the
// global. Intrinsic functions count as single values, not maps.
Node mergeGlobals(const Node& global, const Node& local);

}  // namespace lambdalint
