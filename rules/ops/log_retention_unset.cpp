// OPS004 log-retention-unset: the function's log group has no retention, so
// CloudWatch keeps its logs forever: no AWS::Logs::LogGroup with
// RetentionInDays named /aws/lambda/<function name>, nor one that
// LoggingConfig.LogGroup points at.
#include <fmt/format.h>

#include "ops_support.h"

namespace lambdalint {
namespace {

constexpr std::string_view kLogGroup = "AWS::Logs::LogGroup";

class LogRetentionUnset final : public Rule {
 public:
  const RuleMeta& meta() const override {
    static const RuleMeta m{"OPS004",
                            "log-retention-unset",
                            Severity::Note,
                            "Function's CloudWatch log group has no retention: logs are kept, and billed, forever",
                            {"cost"}};
    return m;
  }

  void check(RuleContext& ctx) const override {
    const TemplateModel& model = ctx.model();
    std::vector<const Resource*> logGroups;
    for (const auto& r : model.resources) {
      if (r.type == kLogGroup) logGroups.push_back(&r);
    }
    // Log groups declared for a function but without RetentionInDays, with the functions they serve.
    std::vector<std::pair<const Resource*, std::vector<const Function*>>> withoutRetention;
    auto noteWithout = [&](const Resource* group, const Function& fn) {
      for (auto& [g, fns] : withoutRetention) {
        if (g == group) {
          fns.push_back(&fn);
          return;
        }
      }
      withoutRetention.push_back({group, {&fn}});
    };

    for (const auto& fn : model.functions) {
      if (const Node* target = fn.props->at({"LoggingConfig", "LogGroup"})) {
        const Resource* group = logGroupNamed(model, logGroups, *target);
        if (group && !group->property("RetentionInDays")) noteWithout(group, fn);
        continue;  // a log group outside this template (or unknown): its retention is not visible here
      }
      std::vector<const Resource*> own;
      for (const Resource* g : logGroups) {
        if (isDefaultLogGroupOf(fn, *g)) own.push_back(g);
      }
      if (own.empty()) {
        const Node* name = fn.property("FunctionName");
        std::string group =
            name && name->isScalar() ? "/aws/lambda/" + name->value : "/aws/lambda/ followed by its generated name";
        ctx.report(*fn.resource->keyNode,
                   fmt::format("function {} logs to its default log group ({}), which Lambda creates on first "
                               "invocation with no retention: its logs are kept, and billed, forever; declare an "
                               "AWS::Logs::LogGroup named !Sub /aws/lambda/${{{}}} with RetentionInDays (or point "
                               "LoggingConfig.LogGroup at one)",
                               fn.id, group, fn.id),
                   fn.id);
        continue;
      }
      bool retained = false;
      for (const Resource* g : own) retained = retained || g->property("RetentionInDays");
      if (!retained) noteWithout(own.front(), fn);
    }

    for (const auto& [group, fns] : withoutRetention) {
      auto& d = ctx.report(*group->keyNode,
                           fmt::format("log group {} of function{} {} has no RetentionInDays, so its logs are kept, "
                                       "and billed, forever; set RetentionInDays (e.g. 30)",
                                       group->id, fns.size() > 1 ? "s" : "", ops::joinNames(fns)),
                           group->id);
      for (const Function* fn : fns) RuleContext::relate(d, ctx.path(), *fn->resource->keyNode, "function " + fn->id);
    }
  }

 private:
  // The log group `/aws/lambda/<name>` that Lambda writes to by default: named after
  // the function's Ref (`!Sub /aws/lambda/${Fn}`) or its FunctionName.
  static bool isDefaultLogGroupOf(const Function& fn, const Resource& group) {
    const Node* nameNode = group.property("LogGroupName");
    if (!nameNode) return false;
    FlatValue name = flatten(*nameNode);
    if (name.text == "/aws/lambda/${" + fn.id + "}") return true;
    if (!name.known) {  // partly unknown (an !If, say): any mention of the function counts as its log group
      for (const auto& ref : name.refs) {
        if (ref == fn.id) return true;
      }
    }
    if (const Node* fnName = fn.property("FunctionName")) {
      FlatValue f = flatten(*fnName);
      return f.known && name.known && name.text == "/aws/lambda/" + f.text;
    }
    return false;
  }

  // The AWS::Logs::LogGroup of this template that LoggingConfig.LogGroup names, by Ref or by name.
  static const Resource* logGroupNamed(const TemplateModel& model, const std::vector<const Resource*>& groups,
                                       const Node& target) {
    FlatValue v = flatten(target);
    for (const auto& ref : v.refs) {
      const Resource* r = model.resource(ref);
      if (r && r->type == kLogGroup) return r;
    }
    if (!v.known) return nullptr;
    for (const Resource* g : groups) {
      const Node* name = g->property("LogGroupName");
      if (!name) continue;
      FlatValue n = flatten(*name);
      if (n.known && n.text == v.text) return g;
    }
    return nullptr;
  }
};

}  // namespace

LAMBDALINT_REGISTER_RULE(LogRetentionUnset)

}  // namespace lambdalint
