// IAM002 iam-wildcard-resource: `Resource: '*'` (or Allow with NotResource)
// for actions that can be scoped to specific resources.
#include <fmt/format.h>

#include "engine/rule.h"
#include "iam/action_pattern.h"

namespace lambdalint {
namespace {

class IamWildcardResource final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"IAM002",
                            "iam-wildcard-resource",
                            Severity::Warning,
                            "Policy uses Resource '*' for actions that support resource-level permissions",
                            {"security", "iam"},
                            "CWE-732",
                            5.0};
    return m;
  }

  void check(RuleContext& ctx) const override {
    for (const auto& s : ctx.model().statements) {
      // SAM's policy templates use wildcards only where AWS offers nothing narrower.
      if (s.source != StatementSource::Written) continue;
      if (!s.allow || s.notAction) continue;
      // Action '*' on Resource '*' is IAM003's finding; one report is enough.
      bool allActions = false;
      for (const auto& a : s.actions) allActions = allActions || (a.known && a.text == "*");
      if (allActions) continue;

      std::vector<std::string> scopable;
      for (const auto& a : s.actions) {
        if (a.known && iam::supportsResourceScoping(a.text)) scopable.push_back(a.text);
      }
      if (scopable.empty()) continue;  // e.g. ec2:DescribeInstances accepts only '*'
      std::string actions = scopable.front();
      if (scopable.size() > 1) actions += fmt::format(" and {} more", scopable.size() - 1);

      if (s.notResource) {
        const Node* key = s.node->keyNode("NotResource");
        ctx.report(key ? *key : *s.node,
                   fmt::format("Allow with NotResource grants {} on every resource except those listed; name the "
                               "resources in Resource instead",
                               actions),
                   s.holderId, "NotResource");
        continue;
      }
      for (const auto& r : s.resources) {
        if (!r.isWildcard()) continue;
        auto& d = ctx.report(*r.node,
                             fmt::format("Resource '*' lets {} act on every resource in the account; scope it to "
                                         "the ARNs the function uses",
                                         actions),
                             s.holderId, "Resource*:" + scopable.front());
        for (const Function* fn : ctx.model().functionsReaching(s.node)) {
          RuleContext::relate(d, ctx.path(), *fn->resource->keyNode, "reaches function " + fn->id);
        }
      }
    }
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(IamWildcardResource)

}  // namespace lambdalint
