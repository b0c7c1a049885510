#pragma once
// The check pipeline: discover files, parse, build models, run rules, apply
// suppressions and configuration. One file's failure never hides another's
// findings; output order does not depend on the thread count.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "config/config.h"
#include "engine/diagnostic.h"
#include "util/date.h"

namespace lambdalint {

struct RunOptions {
  std::vector<std::string> paths;
  Config config;
  std::vector<std::string> select;  // rule ids, names or id prefixes (IAM); empty = all
  std::vector<std::string> ignore;
  unsigned jobs = 0;  // 0 = hardware concurrency
  size_t maxFileSizeMb = 16;
  std::optional<Date> today;  // "today" for date-dependent rules (OPS002); default: the system date (UTC)
};

struct RunResult {
  std::vector<Diagnostic> diagnostics;  // sorted
  std::vector<std::string> files;       // every file read, sorted
  size_t templates = 0;                 // files recognised as templates
  size_t unreadable = 0;                // files or folders that could not be read
  bool anyInput = false;                // false when no path existed
};

RunResult runCheck(const RunOptions& options);

// Whether a rule id runs under these options (select/ignore/config).
bool ruleEnabled(const RunOptions& options, std::string_view id, std::string_view name);

}  // namespace lambdalint
