// TPL001-TPL004: problems with the input itself. The parser, discovery and
// suppression handling produce these findings; the rules exist so that they
// have ids, documentation, severities and can be configured like any other.
#include "engine/rule.h"

namespace lambdalint {
namespace {

class InputRule : public Rule {
 public:
  void check(RuleContext&) const override {}  // reported by the engine, not from the model
};

class ParseError final : public InputRule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"TPL001", "parse-error", Severity::Error,
                            "File cannot be read or parsed (syntax, encoding, nesting, size, permissions)",
                            {"correctness"}};
    return m;
  }
};

class YamlAlias final : public InputRule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"TPL002", "yaml-alias", Severity::Error,
                            "YAML anchors and aliases are not supported by CloudFormation", {"correctness"}};
    return m;
  }
};

class DuplicateKey final : public InputRule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"TPL003", "duplicate-key", Severity::Error,
                            "The same key appears twice in one mapping; one value is silently lost",
                            {"correctness"}};
    return m;
  }
};

class SuppressionUnknownRule final : public InputRule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"TPL004", "suppression-unknown-rule", Severity::Warning,
                            "A suppression names a rule that does not exist", {"correctness"}};
    return m;
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(ParseError)
LAMBDALINT_REGISTER_RULE(YamlAlias)
LAMBDALINT_REGISTER_RULE(DuplicateKey)
LAMBDALINT_REGISTER_RULE(SuppressionUnknownRule)

}  // namespace lambdalint
