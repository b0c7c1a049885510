#pragma once
// Globs as `.lambdalint.yaml` writes them in `exclude`, like .gitignore's.
#include <string_view>

namespace lambdalint {

// Glob with `*`, `**` and `?` (through re2), matched against a '/'-separated relative path.
bool globMatch(std::string_view pattern, std::string_view path);

}  // namespace lambdalint
