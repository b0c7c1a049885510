#include "commands/policy_report.h"

#include <fmt/format.h>

#include "policy/derived_policy.h"

namespace lambdalint {

std::vector<PolicyReport> derivePolicyReports(const LoadOptions& options, const std::string& functionId) {
  std::vector<PolicyReport> out;
  Application app = loadApplication(options);
  for (const auto& loaded : app.files) {
    const TemplateModel* model = loaded.model.get();
    if (!model || !model->function(functionId)) continue;
    const LoadedFile& f = loaded;
    const Function& fn = *model->function(functionId);
    const HandlerSource& source = loaded.handlers.of(fn);
    PolicyReport report;
    report.templatePath = f.input.path;
    report.functionId = functionId;
    if (!source.facts || !source.facts->handler.found) {
      report.notes.push_back("the handler's code could not be read, so no policy can be derived from it");
      out.push_back(std::move(report));
      continue;
    }
    report.handlerPath = source.path;
    auto needs = iam::neededPermissions(*model, fn, source);
    for (const auto& n : needs) {
      if (!n.resourceId.empty()) continue;
      report.notes.push_back(
          fmt::format("{}:{}: the resource of {} could not be traced to the template; it is "
                      "scoped to '*' here: narrow it by hand",
                      source.path, n.call->range.begin.line, n.action));
    }
    if (!source.facts->complete) {
      report.notes.push_back("some SDK calls are dynamic or go through unknown clients: the policy may be incomplete");
    }
    report.policyJson = iam::derivedPolicyJson(needs);
    report.samYaml = iam::derivedPolicySamYaml(needs);
    out.push_back(std::move(report));
  }
  return out;
}

}  // namespace lambdalint
