// TPL003 duplicate-key: a key repeated in one mapping. The finding is produced while reading input;
// the rule gives it an id, documentation and a severity users can configure.
#include "engine/rule.h"

namespace lambdalint {
namespace {

class DuplicateKey final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"TPL003", "duplicate-key", Severity::Error,
                            "The same key appears twice in one mapping; one value is silently lost",
                            {"correctness"}};
    return m;
  }
  // Reported by the parser, discovery or suppression handling, not from the model.
  void check(RuleContext&) const override {}
};

}  // namespace

LAMBDALINT_REGISTER_RULE(DuplicateKey)

}  // namespace lambdalint
