// IAM007 iam-missing-permission: the handler calls an AWS API that the
// function's role does not allow on the resource the call targets.
#include <fmt/format.h>

#include <optional>
#include <set>

#include "engine/rule.h"
#include "policy/derived_policy.h"
#include "policy/policy_evaluator.h"

namespace lambdalint {
namespace {

// A Policies entry granting the permission, inserted before the first item of
// a block-style `Policies:` list, or as a new `Policies:` of a SAM function
// without one. Nothing when the layout is not one we can edit safely.
std::optional<Fix> grantFix(const TemplateModel& model, const Function& fn, const iam::NeededPermission& need) {
  const SourceFile& file = *model.doc.file;
  std::string_view text = file.text();
  auto statement = [&](const std::string& indent) {
    std::string resource = need.resource == "*" ? "'*'" : "!Sub \"" + need.resource + "\"";
    return indent + "- Statement:\n" + indent + "    - Effect: Allow\n" + indent + "      Action: " + need.action +
           "\n" + indent + "      Resource: " + resource + "\n";
  };
  auto lineStart = [&](const Node& n) { return file.positionAtLineColumn(n.range.begin.line, 1); };
  const Node* written = fn.resource->property("Policies");
  if (written && written->isSequence() && !written->items.empty()) {
    const Node& first = written->items.front();
    uint32_t column = first.range.begin.column;
    size_t offset = first.range.begin.offset;
    if (column < 3 || offset < 2 || text.substr(offset - 2, 2) != "- ") return std::nullopt;  // flow style
    Position at = lineStart(first);
    return Fix{"grant " + need.action + " in the function's Policies",
               file.path(),
               {at, at},
               statement(std::string(column - 3, ' '))};
  }
  if (!written && fn.sam && !fn.property("Role") && fn.resource->properties && fn.resource->properties->isMapping() &&
      !fn.resource->properties->entries.empty()) {
    const Node& firstKey = fn.resource->properties->entries.front().key;
    std::string indent(firstKey.range.begin.column - 1, ' ');
    if (text.substr(lineStart(firstKey).offset, indent.size()) != indent) return std::nullopt;
    Position at = lineStart(firstKey);
    return Fix{"add Policies granting " + need.action,
               file.path(),
               {at, at},
               indent + "Policies:\n" + statement(indent + "  ")};
  }
  return std::nullopt;
}

class IamMissingPermission final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"IAM007",
                            "iam-missing-permission",
                            Severity::Error,
                            "Handler calls an AWS API that the function's role does not allow on that resource",
                            {"correctness", "iam"}};
    return m;
  }

  void check(RuleContext& ctx) const override {
    const TemplateModel& model = ctx.model();
    for (const auto& fn : model.functions) {
      const HandlerSource& source = ctx.source(fn);
      if (!source.facts || !source.facts->handler.found || !fn.permissions.complete) continue;
      auto needs = iam::neededPermissions(model, fn, source);
      if (needs.empty()) continue;
      iam::PolicyEvaluator evaluator(model, fn);
      std::set<std::pair<const code::SdkCall*, std::string>> reported;
      for (const auto& need : needs) {
        iam::ResourceArn resource = need.resourceId.empty() ? iam::ResourceArn::unknown()
                                    : need.onObjects        ? iam::ResourceArn::s3Objects(need.resourceId)
                                                            : iam::ResourceArn::of(need.resourceId);
        iam::Decision decision = evaluator.evaluate(need.action, resource);
        if (decision.access != iam::Access::ImplicitDeny && decision.access != iam::Access::ExplicitDeny) continue;
        if (!reported.insert({need.call, need.action}).second) continue;
        std::string target = need.resourceId.empty()
                                 ? std::string("any resource")
                                 : fmt::format("{}{}", need.onObjects ? "objects of " : "", need.resourceId);
        std::string why =
            decision.access == iam::Access::ExplicitDeny ? "is explicitly denied to" : "is not granted to";
        auto& d = ctx.reportAt(source.path, need.call->range,
                               fmt::format("{} on {} {} the role of function {}, so this call fails with "
                                           "AccessDenied; grant it (Action: {}, Resource: !Sub \"{}\")",
                                           need.action, target, why, fn.id, need.action, need.resource),
                               fn.id, need.action + ":" + need.resourceId);
        d.fix = grantFix(model, fn, need);
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
