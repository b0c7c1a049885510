#include "report/relative_path.h"

#include <filesystem>

namespace lambdalint {

std::optional<std::string> relativeTo(const std::string& path, const std::string& root) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  fs::path relative = fs::relative(absolute, root, ec);
  std::string rel = relative.generic_string();
  if (ec || rel.empty() || rel.starts_with("..")) return std::nullopt;
  return rel;
}

}  // namespace lambdalint
