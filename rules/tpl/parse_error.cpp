// TPL001 parse-error: a file that cannot be read or parsed. The finding is produced while reading input;
// the rule gives it an id, documentation and a severity users can configure.
#include "engine/rule.h"

namespace lambdalint {
namespace {

class ParseError final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"TPL001", "parse-error", Severity::Error,
                            "File cannot be read or parsed (syntax, encoding, nesting, size, permissions)",
                            {"correctness"}};
    return m;
  }
  // Reported by the parser, discovery or suppression handling, not from the model.
  void check(RuleContext&) const override {}
};

}  // namespace

LAMBDALINT_REGISTER_RULE(ParseError)

}  // namespace lambdalint
