// TPL: the findings the engine itself produces while loading input, not rules over the model. Each is
// registered here with its id, name, default severity and summary, so that `lambdalint rules`, `explain`,
// configuration, suppressions and SARIF metadata treat them like any rule; engine/problems.cpp maps the
// load stage's problem kinds to these ids.
#include "engine/rule.h"

namespace lambdalint {
namespace {

[[maybe_unused]] const bool kRegistered = [] {
  auto add = [](RuleMeta meta) { return RuleRegistry::instance().add(std::make_unique<EngineRule>(std::move(meta))); };
  add({"TPL001",
       "parse-error",
       Severity::Error,
       "File cannot be read or parsed (syntax, encoding, nesting, size, permissions)",
       {"correctness"}});
  add({"TPL002",
       "yaml-alias",
       Severity::Error,
       "YAML anchors and aliases are not supported by CloudFormation",
       {"correctness"}});
  add({"TPL003",
       "duplicate-key",
       Severity::Error,
       "The same key appears twice in one mapping; one value is silently lost",
       {"correctness"}});
  add({"TPL004",
       "suppression-unknown-rule",
       Severity::Warning,
       "A suppression names a rule that does not exist",
       {"correctness"}});
  add({"TPL005",
       "internal-error",
       Severity::Error,
       "lambdalint failed on this file; the file was not fully checked (please report it)",
       {"correctness"}});
  return true;
}();

}  // namespace
}  // namespace lambdalint
