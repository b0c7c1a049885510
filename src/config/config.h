#pragma once
// `.lambdalint.yaml`: found upward from the scanned path, or given with --config.
//
//   rules:
//     IAM002: off          # or error | warning | note: overrides the default severity
//     iam-admin-access: error
//   exclude:
//     - "legacy/**"        # globs, relative to the config file's folder
//   fail-on: warning
//   max-file-size-mb: 16
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "util/glob.h"  // the `exclude` globs

namespace lambdalint {

struct RuleSetting {
  bool enabled = true;
  std::optional<Severity> severity;
};

struct Config {
  std::string path;  // empty when no config file was found
  std::string baseDir;
  std::map<std::string, RuleSetting, std::less<>> rules;  // by id or name
  std::vector<std::string> exclude;
  std::optional<Severity> failOn;  // nullopt with failOnNone = never fail
  bool failOnNone = false;
  std::optional<size_t> maxFileSizeMb;
  std::vector<Diagnostic> problems;  // config errors, reported as TPL001 in the config file
};

// Nearest `.lambdalint.yaml` (or `.lambdalint.yml`) in `start` or its parents.
std::optional<std::string> findConfig(const std::string& start);
Config loadConfig(const std::string& path);
// The configuration in `text`, as if read from `path` (which sets baseDir and the problems' file).
Config parseConfig(const std::string& path, std::string text);

}  // namespace lambdalint
