#pragma once
// Paths as CI systems look them up: relative to the repository's top (ReportOptions::srcRoot).
#include <optional>
#include <string>

namespace lambdalint {

// `path` relative to `root` with '/' separators, or nullopt when it lies outside `root`.
std::optional<std::string> relativeTo(const std::string& path, const std::string& root);

}  // namespace lambdalint
