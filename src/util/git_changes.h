#pragma once
// The lines a work tree changed since a git revision (`--changed-since REV`): committed, staged and unstaged
// changes, and untracked files (not ignored) as wholly new. Read from `git diff -U0`, run with the
// repository's diff drivers, text conversions and fsmonitor hook turned off: nothing configured in the
// checked repository is executed.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lambdalint {

struct ChangedLines {
  // Path relative to the work tree's top -> the changed line ranges of the file as it is now (1-based,
  // inclusive). An empty list: the whole file is new.
  std::map<std::string, std::vector<std::pair<uint32_t, uint32_t>>> files;

  bool contains(const std::string& relativePath, uint32_t line) const;
};

// Parses `git diff -U0` output (the part the filter needs: `+++` file headers and `@@` hunk headers).
ChangedLines parseUnifiedDiff(std::string_view diff);

// nullopt with `error` when git is missing, the folder is not a work tree or the revision is unknown.
std::optional<ChangedLines> changedLinesSince(const std::string& workTree, const std::string& revision,
                                              std::string& error);

}  // namespace lambdalint
