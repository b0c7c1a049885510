// IAM001 iam-wildcard-action: `Action: '*'` or `service:*` in an Allow
// statement, or Allow with NotAction (everything but a list).
#include <fmt/format.h>

#include "engine/rule.h"
#include "iam/action_pattern.h"

namespace lambdalint {
namespace {

class IamWildcardAction final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"IAM001",
                            "iam-wildcard-action",
                            Severity::Warning,
                            "Policy grants every action of a service (`*`, `service:*`) or uses Allow with NotAction",
                            {"security", "iam"},
                            "CWE-732",
                            7.0};
    return m;
  }

  void check(RuleContext& ctx) const override {
    for (const auto& s : ctx.model().statements) {
      // SAM's policy templates use wildcards only where AWS offers nothing narrower.
      if (s.source != StatementSource::Written) continue;
      if (!s.allow) continue;
      if (s.notAction) {
        const Node* key = s.node->keyNode("NotAction");
        auto& d = ctx.report(key ? *key : *s.node,
                             "Allow with NotAction grants every action except those listed, including any AWS adds "
                             "later; list the allowed actions in Action instead",
                             s.holderId, "NotAction");
        relateFunctions(ctx, d, s);
        continue;
      }
      bool anyResource = false;
      for (const auto& r : s.resources) anyResource = anyResource || r.isWildcard();
      for (const auto& action : s.actions) {
        if (!action.known || !iam::isFullWildcard(action.text)) continue;
        if (action.text == "*" && anyResource) continue;  // administrator access: IAM003's finding
        std::string message =
            action.text == "*"
                ? std::string(
                      "Action '*' grants every action of every AWS service; list the actions the function "
                      "needs")
                : fmt::format("Action '{}' grants all {} of {}; list the actions the function needs", action.text,
                              iam::describeExpansion(action.text), iam::servicePrefix(action.text));
        auto& d = ctx.report(*action.node, std::move(message), s.holderId, action.text);
        relateFunctions(ctx, d, s);
      }
    }
  }

 private:
  static void relateFunctions(RuleContext& ctx, Diagnostic& d, const Statement& s) {
    for (const Function* fn : ctx.model().functionsReaching(s.node)) {
      RuleContext::relate(d, ctx.path(), *fn->resource->keyNode, "reaches function " + fn->id);
    }
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(IamWildcardAction)

}  // namespace lambdalint
