// GitLab Code Quality report: a JSON array of issues (description, check_name, fingerprint, severity,
// location.path relative to the repository, location.lines.begin), shown in merge requests.
#include <map>
#include <nlohmann/json.hpp>

#include "engine/rule.h"
#include "report/relative_path.h"
#include "report/report.h"

namespace lambdalint {
namespace {

// Code Quality severities: info, minor, major, critical, blocker.
std::string_view codeQualitySeverity(Severity s) {
  switch (s) {
    case Severity::Error:
      return "major";
    case Severity::Warning:
      return "minor";
    case Severity::Note:
      return "info";
  }
  return "info";
}

}  // namespace

void writeGitlab(std::ostream& out, const RunResult& result, const ReportOptions& options) {
  nlohmann::json issues = nlohmann::json::array();
  std::map<std::string, int> seen;  // GitLab needs unique fingerprints; repeats get a suffix
  for (const auto& d : result.diagnostics) {
    const Rule* rule = RuleRegistry::instance().find(d.ruleId);
    std::string fp = fingerprint(d);
    if (int n = seen[fp]++; n > 0) fp += "-" + std::to_string(n);
    std::string path = relativeTo(d.location.path, options.srcRoot).value_or(d.location.path);
    issues.push_back(
        {{"description", d.message},
         {"check_name", rule ? d.ruleId + " " + std::string(rule->meta().name) : d.ruleId},
         {"fingerprint", fp},
         {"severity", std::string(codeQualitySeverity(d.severity))},
         {"location", {{"path", path}, {"lines", {{"begin", std::max<uint32_t>(1, d.location.range.begin.line)}}}}}});
  }
  out << issues.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace lambdalint
