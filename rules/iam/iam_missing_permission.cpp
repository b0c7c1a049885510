// IAM007 iam-missing-permission: the handler calls an AWS API that the
// function's role does not allow on the resource the call targets.
#include <fmt/format.h>

#include <set>

#include "engine/rule.h"
#include "iam/derived_policy.h"
#include "iam/policy_evaluator.h"

namespace lambdalint {
namespace {

class IamMissingPermission final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"IAM007", "iam-missing-permission", Severity::Error,
                            "Handler calls an AWS API that the function's role does not allow on that resource",
                            {"correctness", "iam"}};
    return m;
  }

  void check(RuleContext& ctx) const override {
    const TemplateModel& model = ctx.model();
    for (const auto& fn : model.functions) {
      if (!fn.source.facts || !fn.source.facts->handler.found || !fn.permissions.complete) continue;
      auto needs = iam::neededPermissions(model, fn);
      if (needs.empty()) continue;
      iam::PolicyEvaluator evaluator(model, fn);
      std::set<std::pair<const code::SdkCall*, std::string>> reported;
      for (const auto& need : needs) {
        iam::ResourceArn resource = need.resourceId.empty()   ? iam::ResourceArn::unknown()
                                    : need.onObjects          ? iam::ResourceArn::s3Objects(need.resourceId)
                                                              : iam::ResourceArn::of(need.resourceId);
        iam::Decision decision = evaluator.evaluate(need.action, resource);
        if (decision.access != iam::Access::ImplicitDeny && decision.access != iam::Access::ExplicitDeny) continue;
        if (!reported.insert({need.call, need.action}).second) continue;
        std::string target = need.resourceId.empty()
                                 ? std::string("any resource")
                                 : fmt::format("{}{}", need.onObjects ? "objects of " : "", need.resourceId);
        std::string why = decision.access == iam::Access::ExplicitDeny ? "is explicitly denied to" : "is not granted to";
        auto& d = ctx.reportAt(fn.source.path, need.call->range,
                               fmt::format("{} on {} {} the role of function {}, so this call fails with "
                                           "AccessDenied; grant it (Action: {}, Resource: !Sub \"{}\")",
                                           need.action, target, why, fn.id, need.action, need.resource),
                               fn.id, need.action + ":" + need.resourceId);
        RuleContext::relate(d, ctx.path(), *fn.resource->keyNode, "function " + fn.id);
        if (const Node* policies = fn.props->keyNode("Policies")) {
          RuleContext::relate(d, ctx.path(), *policies, "its policies");
        } else if (const Node* role = fn.props->keyNode("Role")) {
          RuleContext::relate(d, ctx.path(), *role, "its role");
        }
      }
    }
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(IamMissingPermission)

}  // namespace lambdalint
