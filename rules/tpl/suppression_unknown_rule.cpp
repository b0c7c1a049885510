// TPL004 suppression-unknown-rule: a suppression naming no rule. The finding is produced while reading input;
// the rule gives it an id, documentation and a severity users can configure.
#include "engine/rule.h"

namespace lambdalint {
namespace {

class SuppressionUnknownRule final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"TPL004", "suppression-unknown-rule", Severity::Warning,
                            "A suppression names a rule that does not exist", {"correctness"}};
    return m;
  }
  // Reported by the parser, discovery or suppression handling, not from the model.
  void check(RuleContext&) const override {}
};

}  // namespace

LAMBDALINT_REGISTER_RULE(SuppressionUnknownRule)

}  // namespace lambdalint
