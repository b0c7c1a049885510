#include "engine/policy_report.h"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "code/handler_sources.h"
#include "engine/discovery.h"
#include "iam/derived_policy.h"
#include "util/path_roots.h"
#include "util/read_file.h"

namespace lambdalint {

std::vector<PolicyReport> derivePolicyReports(const std::vector<std::string>& paths, const std::string& functionId) {
  std::vector<PolicyReport> out;
  constexpr uint64_t kMaxBytes = 16u * 1024 * 1024;
  code::CodeCache cache(kMaxBytes, code::inProcessExtractor(), PathRoots::forCheckedPaths(paths));
  Discovery discovery = discover(paths, {}, {});
  for (const auto& f : discovery.files) {
    auto read = readRegularFileText(f.path, kMaxBytes);
    if (!read) continue;
    std::string text = std::move(*read);
    if (!mentionsCloudFormation(text)) continue;
    Document doc = parseDocument(std::make_shared<SourceFile>(f.path, std::move(text)));
    if (!looksLikeTemplate(doc.root)) continue;
    auto model = buildModel(std::move(doc));
    if (!model->function(functionId)) continue;
    code::attachHandlerSources(*model, cache);
    const Function& fn = *model->function(functionId);
    PolicyReport report;
    report.templatePath = f.path;
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
