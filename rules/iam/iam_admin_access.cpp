// IAM003 iam-admin-access: full administrator rights on a role: `*` on `*`,
// or AdministratorAccess / PowerUserAccess / IAMFullAccess attached.
#include <fmt/format.h>

#include <array>

#include "engine/rule.h"

namespace lambdalint {
namespace {

constexpr std::array<std::string_view, 3> kAdminPolicies = {"AdministratorAccess", "PowerUserAccess", "IAMFullAccess"};

class IamAdminAccess final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"IAM003",
                            "iam-admin-access",
                            Severity::Error,
                            "Role gets administrator access (`*` on `*`, AdministratorAccess, PowerUserAccess, "
                            "IAMFullAccess)",
                            {"security", "iam"},
                            "CWE-250",
                            9.0};
    return m;
  }

  void check(RuleContext& ctx) const override {
    for (const auto& s : ctx.model().statements) {
      if (!s.allow || s.notAction || s.notResource) continue;
      const FlatValue* action = nullptr;
      bool anyResource = false;
      for (const auto& a : s.actions) {
        if (a.known && a.text == "*") action = &a;
      }
      for (const auto& r : s.resources) anyResource = anyResource || r.isWildcard();
      if (!action || !anyResource) continue;
      auto& d = ctx.report(*action->node,
                           "Action '*' on Resource '*' makes this role an administrator of the account; grant the "
                           "actions and resources the function uses",
                           s.holderId, "*:*");
      for (const Function* fn : ctx.model().functionsReaching(s.node)) {
        RuleContext::relate(d, ctx.path(), *fn->resource->keyNode, "reaches function " + fn->id);
      }
    }
    for (const auto& a : ctx.model().managedAttachments) {
      if (!a.node) continue;
      for (auto admin : kAdminPolicies) {
        if (a.name != admin) continue;
        ctx.report(*a.node,
                   fmt::format("managed policy {} gives the role administrator-level access; attach a policy with "
                               "the actions and resources the function uses",
                               a.name),
                   a.holderId, a.name);
      }
    }
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(IamAdminAccess)

}  // namespace lambdalint
