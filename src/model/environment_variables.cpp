#include "model/environment_variables.h"

#include <set>

namespace lambdalint {

std::vector<EnvironmentVariable> environmentVariables(const TemplateModel& model) {
  auto inGlobals = [&](const Node& n) {
    return model.globals && n.range.begin.offset >= model.globals->range.begin.offset &&
           n.range.begin.offset < model.globals->range.end.offset;
  };
  std::vector<EnvironmentVariable> out;
  std::set<uint32_t> seen;  // by position: a Globals variable merged into every function is one variable
  for (const auto& fn : model.functions) {
    const Node* vars = fn.environment;
    if (!vars || !vars->isMapping()) continue;
    for (const auto& e : vars->entries) {
      if (!seen.insert(e.value.range.begin.offset).second) continue;
      bool global = inGlobals(e.value);
      out.push_back({&e, global ? "in Globals (every function)" : "of function " + fn.id, global ? "" : fn.id});
    }
  }
  return out;
}

}  // namespace lambdalint
