#pragma once
// `lambdalint check`, and the language server's checks: the load stage
// (engine/load.h), then the rules, suppressions and configuration. One file's
// failure never hides another's findings; output order does not depend on the
// thread count.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "config/config.h"
#include "engine/load.h"
#include "util/date.h"
#include "util/source_provider.h"

namespace lambdalint {

struct RunOptions {
  std::vector<std::string> paths;
  Config config;
  std::vector<std::string> select;  // rule ids, names or id prefixes (IAM); empty = all
  std::vector<std::string> ignore;
  unsigned jobs = 0;  // 0 = hardware concurrency
  size_t maxFileSizeMb = 16;
  // How handler sources are analysed: empty runs the frontends in this process; otherwise the command that
  // starts an analysis worker (`{"/proc/self/exe", "__analysis-worker"}`), so a crash or hang on one file
  // becomes an internal-error finding on it (code/facts_extractor.h).
  std::vector<std::string> workerCommand;
  unsigned fileTimeoutSeconds = 60;         // per handler file, with workers
  size_t workerMemoryMb = 4096;             // per worker, with workers
  const SourceProvider* sources = nullptr;  // null: the disk; the language server passes its unsaved buffers
  std::optional<Date> today;                // "today" for date-dependent rules (OPS002); default: the system date (UTC)
};

struct RunResult {
  std::vector<Diagnostic> diagnostics;  // sorted
  std::vector<std::string> files;       // every file read, sorted
  size_t templates = 0;                 // files recognised as templates
  size_t unreadable = 0;                // files or folders that could not be read
  bool anyInput = false;                // false when no path existed
};

RunResult runCheck(const RunOptions& options);

// The load stage's share of the options (engine/load.h).
LoadOptions loadOptionsOf(const RunOptions& options);

// Whether a rule id runs under these options (select/ignore/config).
bool ruleEnabled(const RunOptions& options, std::string_view id, std::string_view name);

}  // namespace lambdalint
