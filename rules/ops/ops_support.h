#pragma once
// Helpers shared by the OPS rules: findings about a property that SAM
// functions inherit from `Globals` land once, on the Globals value, naming
// every function that inherits it.
#include <string>
#include <vector>

#include "engine/rule.h"

namespace lambdalint::ops {

inline bool inGlobals(const TemplateModel& model, const Node& node) {
  if (!model.globals) return false;
  const Range& g = model.globals->range;
  return node.range.begin.offset >= g.begin.offset && node.range.begin.offset < g.end.offset;
}

// One property value and the functions it applies to.
template <typename Item>
struct PropertyUse {
  const Node* node = nullptr;
  std::vector<const Function*> functions;
  std::vector<Item> items;  // per-function details, parallel to `functions`
};

// Groups findings by the position of the property value, in first-seen order.
template <typename Item>
class PropertyUses {
 public:
  void add(const Node& node, const Function& fn, Item item) {
    for (auto& use : uses_) {
      if (use.node->range.begin.offset == node.range.begin.offset) {
        use.functions.push_back(&fn);
        use.items.push_back(std::move(item));
        return;
      }
    }
    uses_.push_back({&node, {&fn}, {std::move(item)}});
  }
  const std::vector<PropertyUse<Item>>& all() const { return uses_; }

 private:
  std::vector<PropertyUse<Item>> uses_;
};

// "A", "A and B", "A, B and C".
inline std::string joinNames(const std::vector<const Function*>& functions) {
  std::string out;
  for (size_t i = 0; i < functions.size(); ++i) {
    if (i > 0) out += i + 1 == functions.size() ? " and " : ", ";
    out += functions[i]->id;
  }
  return out;
}

// The logical id a finding is suppressed with: the function when there is one,
// none when a Globals value is shared (suppress it in the template Metadata or
// with a comment on the Globals line).
inline std::string resourceIdOf(const std::vector<const Function*>& functions) {
  return functions.size() == 1 ? functions.front()->id : std::string();
}

}  // namespace lambdalint::ops
