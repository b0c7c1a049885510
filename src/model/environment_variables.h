#pragma once
// The environment variables written for the application's functions, each once: a variable in Globals
// reaches every SAM function (merged into each) but is one line of the template.
#include <string>
#include <vector>

#include "model/app_model.h"

namespace lambdalint {

struct EnvironmentVariable {
  const MapEntry* entry = nullptr;  // name (`entry->key.value`) and value node
  std::string owner;                // "of function Api" or "in Globals (every function)", for messages
  std::string resourceId;           // the function's id; empty for Globals (suppressed template-wide)
};

std::vector<EnvironmentVariable> environmentVariables(const TemplateModel& model);

}  // namespace lambdalint
