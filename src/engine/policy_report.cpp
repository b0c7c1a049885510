#include "engine/policy_report.h"

#include <fmt/format.h>

#include "iam/derived_policy.h"

namespace lambdalint {

std::vector<PolicyReport> derivePolicyReports(const LoadOptions& options, const std::string& functionId) {
  std::vector<PolicyReport> out;
  Application app = loadApplication(options);
  for (const auto& loaded : app.files) {
    const TemplateModel* model = loaded.model.get();
    if (!model || !model->function(functionId)) continue;
    const LoadedFile& f = loaded;
    const Function& fn = *model->function(functionId);
    PolicyReport report;
    report.templatePath = f.input.path;
    report.functionId = functionId;
    if (!fn.source.facts || !fn.source.facts->handler.found) {
      report.notes.push_back("the handler's code could not be read, so no policy can be derived from it");
      out.push_back(std::move(report));
      continue;
    }
    report.handlerPath = fn.source.path;
    auto needs = iam::neededPermissions(*model, fn);
    for (const auto& n : needs) {
      if (!n.resourceId.empty()) continue;
      report.notes.push_back(
          fmt::format("{}:{}: the resource of {} could not be traced to the template; it is "
                      "scoped to '*' here: narrow it by hand",
                      fn.source.path, n.call->range.begin.line, n.action));
    }
    if (!fn.source.facts->complete) {
      report.notes.push_back("some SDK calls are dynamic or go through unknown clients: the policy may be incomplete");
    }
    report.policyJson = iam::derivedPolicyJson(needs);
    report.samYaml = iam::derivedPolicySamYaml(needs);
    out.push_back(std::move(report));
  }
  return out;
}

}  // namespace lambdalint
