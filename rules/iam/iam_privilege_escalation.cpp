// IAM006 iam-privilege-escalation: Allow of an action that lets the role widen
// its own rights (iam:PassRole, iam:PutRolePolicy, iam:CreatePolicyVersion,
// lambda:UpdateFunctionCode, sts:AssumeRole, ...) on every resource of its type.
#include <fmt/format.h>

#include <map>
#include <memory>

#include "engine/rule.h"
#include "iam/catalog.h"
#include "policy/policy_evaluator.h"
#include "util/ascii_case.h"

namespace lambdalint {
namespace {

struct Escalation {
  std::string_view action;
  std::string_view path;   // what the function can do with it, completing "lets the function ..."
  bool boundable = false;  // a Condition on iam:PermissionsBoundary is AWS's way to delegate it safely
};

// The privilege-escalation methods of Rhino Security Labs' list that a single grant opens.
constexpr Escalation kEscalations[] = {
    {"iam:PassRole",
     "pass any role, an administrator's included, to a service it drives (a new Lambda function, an EC2 instance, a "
     "CloudFormation stack) and act with that role's rights"},
    {"iam:PutRolePolicy", "write an inline policy granting anything into any role, its own included", true},
    {"iam:AttachRolePolicy", "attach AdministratorAccess to any role, its own included", true},
    {"iam:PutUserPolicy", "write an inline policy granting anything into any IAM user", true},
    {"iam:AttachUserPolicy", "attach AdministratorAccess to any IAM user", true},
    {"iam:PutGroupPolicy", "write an inline policy granting anything into any IAM group"},
    {"iam:AttachGroupPolicy", "attach AdministratorAccess to any IAM group"},
    {"iam:CreatePolicyVersion",
     "rewrite any customer managed policy, one on its own role included, as a new default "
     "version granting anything"},
    {"iam:SetDefaultPolicyVersion", "switch any customer managed policy to an older, broader version"},
    {"iam:UpdateAssumeRolePolicy", "make any role trust it, then assume that role"},
    {"iam:CreateAccessKey", "create access keys for any IAM user, an administrator included"},
    {"iam:CreateLoginProfile", "give any IAM user a console password of its choosing"},
    {"iam:UpdateLoginProfile", "reset the console password of any IAM user"},
    {"iam:AddUserToGroup", "add an IAM user to any group, an administrators group included"},
    {"lambda:UpdateFunctionCode", "replace the code of any function and run it with that function's role"},
    {"lambda:UpdateFunctionConfiguration",
     "add a layer to any function or change its handler, and run code with that function's role"},
    {"glue:UpdateDevEndpoint",
     "put its own SSH key on any Glue development endpoint and act with that endpoint's role"},
    {"sts:AssumeRole", "assume any role whose trust policy trusts this account"},
};

// Services iam:PassRole hands a role to, that the same role may drive.
constexpr std::string_view kPassRoleTargets[] = {"lambda:CreateFunction", "ec2:RunInstances",
                                                 "cloudformation:CreateStack", "glue:CreateDevEndpoint",
                                                 "datapipeline:CreatePipeline"};

bool mentions(const Node& node, std::string_view key) {
  for (const auto& e : node.entries) {
    if (equalsIgnoreCase(e.key.value, key) || mentions(e.value, key)) return true;
  }
  for (const auto& item : node.items) {
    if (mentions(item, key)) return true;
  }
  return false;
}

class IamPrivilegeEscalation final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{
        "IAM006",
        "iam-privilege-escalation",
        Severity::Error,
        "Policy lets the role widen its own rights (iam:PassRole, iam:Put*Policy, "
        "iam:CreatePolicyVersion, lambda:UpdateFunctionCode, sts:AssumeRole, ... on every resource)",
        {"security", "iam"},
        "CWE-269",
        8.8};
    return m;
  }

  void check(RuleContext& ctx) const override {
    const auto& catalog = iam::Catalog::get();
    const TemplateModel& model = ctx.model();
    iam::ArnResolver resolver(model);
    std::map<const Function*, std::unique_ptr<iam::PolicyEvaluator>> evaluators;
    auto evaluatorOf = [&](const Function* fn) -> const iam::PolicyEvaluator& {
      auto& e = evaluators[fn];
      if (!e) e = std::make_unique<iam::PolicyEvaluator>(model, *fn);
      return *e;
    };

    for (const auto& s : model.statements) {
      if (s.source != StatementSource::Written || !s.allow || !s.node) continue;
      bool starResource = false;
      for (const auto& r : s.resources) starResource = starResource || r.isWildcard();
      std::vector<iam::ArnPattern> patterns;
      for (const auto& r : s.resources) patterns.push_back(resolver.policyResource(r));
      const auto reaching = model.functionsReaching(s.node);

      // Escalations granted, grouped by the value that grants them.
      std::map<const Node*, std::vector<const Escalation*>> byNode;
      std::map<const Node*, const FlatValue*> coveringOf;  // the Resource entry that reaches everything
      std::vector<const Node*> order;
      for (const auto& e : kEscalations) {
        const iam::ActionInfo* info = catalog.find(e.action);
        if (!info) continue;
        const Node* grantedBy = grantingNode(s, e.action, starResource);
        if (!grantedBy) continue;
        if (e.boundable && s.condition && mentions(*s.condition, "iam:PermissionsBoundary")) continue;
        const FlatValue* covering = nullptr;
        if (!s.notResource && !(covering = coversEvery(s, patterns, *info))) continue;
        // A Deny on every reaching function takes it back.
        bool deniedEverywhere = !reaching.empty();
        for (const Function* fn : reaching) {
          auto d = evaluatorOf(fn).evaluate(e.action, iam::ResourceArn::unknown());
          deniedEverywhere = deniedEverywhere && d.access == iam::Access::ExplicitDeny;
        }
        if (deniedEverywhere) continue;
        if (!byNode.count(grantedBy)) order.push_back(grantedBy);
        byNode[grantedBy].push_back(&e);
        if (covering && !coveringOf.count(grantedBy)) coveringOf[grantedBy] = covering;
      }

      for (const Node* node : order) {
        const auto& found = byNode[node];
        std::string what = s.notAction ? std::string("Allow with NotAction") : "'" + node->value + "'";
        std::string where = s.notResource || !coveringOf.count(node)
                                ? std::string("every resource but those in NotResource")
                                : "Resource '" + coveringOf[node]->text + "'";
        std::string message;
        const Escalation& first = *found.front();
        std::string combo =
            first.action == "iam:PassRole" ? passRoleTargets(ctx, resolver, s, reaching, evaluatorOf) : "";
        if (found.size() == 1 && !s.notAction && equalsIgnoreCase(node->value, first.action)) {
          message = fmt::format("{} on {} lets the function {}{}; name the exact resources it needs", first.action,
                                where, first.path, combo);
        } else {
          std::vector<std::string> names;
          for (const auto* e : found) names.emplace_back(e->action);
          std::string list;
          for (size_t i = 0; i < names.size() && i < 4; ++i) list += (i ? ", " : "") + names[i];
          if (names.size() > 4) list += fmt::format(" and {} more", names.size() - 4);
          message = fmt::format(
              "{} on {} includes {} privilege-escalation action{} ({}): with {} alone the function can {}{}; list "
              "the actions it needs and name the exact resources",
              what, where, found.size(), found.size() == 1 ? "" : "s", list, first.action, first.path, combo);
        }
        auto& d = ctx.report(*node, std::move(message), s.holderId, "escalation:" + std::string(first.action));
        for (const Function* fn : reaching) {
          RuleContext::relate(d, ctx.path(), *fn->resource->keyNode, "reaches function " + fn->id);
        }
      }
    }
  }

 private:
  // The Action value (or the NotAction key) through which the statement grants `action`; null if it does not.
  // `Action: '*'` with `Resource: '*'` is administrator access, IAM003's finding.
  static const Node* grantingNode(const Statement& s, std::string_view action, bool starResource) {
    if (s.notAction) {
      if (iam::PolicyEvaluator::coversAction(s, action) != iam::Match::Yes) return nullptr;
      const Node* key = s.node->keyNode("NotAction");
      return key ? key : s.node;
    }
    for (const auto& a : s.actions) {
      if (!a.known || !a.node || a.text.find("${") != std::string::npos) continue;
      if (a.text == "*" && starResource) continue;
      if (iam::actionMatches(a.text, action)) return a.node;
    }
    return nullptr;
  }

  // The Resource entry of the statement that is every resource the action acts on (`*`, `role/*`, `function:*`).
  static const FlatValue* coversEvery(const Statement& s, const std::vector<iam::ArnPattern>& patterns,
                                      const iam::ActionInfo& info) {
    for (size_t i = 0; i < patterns.size() && i < s.resources.size(); ++i) {
      if (patterns[i].isStar()) return &s.resources[i];
      for (const auto& rt : info.resourceTypes) {
        if (!rt.info) continue;
        for (auto format : rt.info->arnFormats) {
          if (iam::coversEveryResourceOf(patterns[i], format)) return &s.resources[i];
        }
      }
    }
    return nullptr;
  }

  // True when the statement allows `action` on every resource it acts on.
  static bool grantsEverywhere(const iam::ArnResolver& resolver, const Statement& s, std::string_view action) {
    if (!s.allow || iam::PolicyEvaluator::coversAction(s, action) != iam::Match::Yes) return false;
    if (s.notResource) return true;
    const iam::ActionInfo* info = iam::Catalog::get().find(action);
    if (!info) return false;
    std::vector<iam::ArnPattern> patterns;
    for (const auto& r : s.resources) patterns.push_back(resolver.policyResource(r));
    return coversEvery(s, patterns, *info) != nullptr;
  }

  // " (and it also has lambda:CreateFunction: ...)" when the role can hand the role it passes to a service.
  template <class EvaluatorOf>
  static std::string passRoleTargets(RuleContext& ctx, const iam::ArnResolver& resolver, const Statement& s,
                                     const std::vector<const Function*>& reaching, EvaluatorOf& evaluatorOf) {
    std::vector<std::string_view> targets;
    for (auto target : kPassRoleTargets) {
      bool granted = false;
      for (const auto& other : ctx.model().statements) {
        granted = granted || (other.holderId == s.holderId && grantsEverywhere(resolver, other, target));
      }
      for (const Function* fn : reaching) {
        granted =
            granted || evaluatorOf(fn).evaluate(target, iam::ResourceArn::unknown()).access == iam::Access::Allowed;
      }
      if (granted) targets.push_back(target);
    }
    if (targets.empty()) return {};
    std::string list;
    for (size_t i = 0; i < targets.size(); ++i) {
      list += (i == 0 ? "" : (i + 1 == targets.size() ? " and " : ", ")) + std::string(targets[i]);
    }
    return fmt::format(
        " (the role also has {} on every resource: the whole path, create something that runs with "
        "an administrator role and use it)",
        list);
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(IamPrivilegeEscalation)

}  // namespace lambdalint
