#pragma once
// `lambdalint policy FUNCTION`: the least-privilege policy a function's code
// needs, derived from its SDK calls (policy/derived_policy.h).
#include <string>
#include <vector>

#include "engine/load.h"

namespace lambdalint {

struct PolicyReport {
  std::string templatePath;
  std::string functionId;
  std::string handlerPath;  // empty when the handler could not be read
  std::string policyJson;
  std::string samYaml;
  std::vector<std::string> notes;  // calls whose resource could not be traced, incomplete facts
};

// One report per function named `functionId` in the templates the load stage finds.
std::vector<PolicyReport> derivePolicyReports(const LoadOptions& options, const std::string& functionId);

}  // namespace lambdalint
