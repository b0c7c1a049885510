#include "sam/globals.h"

namespace lambdalint {

Node mergeGlobals(const Node& global, const Node& local) {
  bool globalMap = global.isMapping() && global.intrinsic().empty();
  bool localMap = local.isMapping() && local.intrinsic().empty();
  if (globalMap && localMap) {
    Node merged = local;
    for (const auto& g : global.entries) {
      bool overridden = false;
      for (auto& l : merged.entries) {
        if (l.key.value == g.key.value) {
          l.value = mergeGlobals(g.value, l.value);
          overridden = true;
          break;
        }
      }
      if (!overridden) merged.entries.push_back(g);
    }
    return merged;
  }
  if (global.isSequence() && local.isSequence()) {
    Node merged = global;
    merged.range = local.range;
    merged.items.insert(merged.items.end(), local.items.begin(), local.items.end());
    return merged;
  }
  return local;
}

}  // namespace lambdalint
