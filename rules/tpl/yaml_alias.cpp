// TPL002 yaml-alias: YAML anchors and aliases. The finding is produced while reading input;
// the rule gives it an id, documentation and a severity users can configure.
#include "engine/rule.h"

namespace lambdalint {
namespace {

class YamlAlias final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"TPL002", "yaml-alias", Severity::Error,
                            "YAML anchors and aliases are not supported by CloudFormation", {"correctness"}};
    return m;
  }
  // Reported by the parser, discovery or suppression handling, not from the model.
  void check(RuleContext&) const override {}
};

}  // namespace

LAMBDALINT_REGISTER_RULE(YamlAlias)

}  // namespace lambdalint
