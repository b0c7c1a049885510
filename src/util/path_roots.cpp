#include "util/path_roots.h"

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace lambdalint {

std::string canonicalPath(const std::string& path) {
  std::error_code ec;
  fs::path out = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) out = fs::absolute(path, ec).lexically_normal();
  return out.string();
}

namespace {

fs::path canonicalOrNormal(const fs::path& p) { return canonicalPath(p.string()); }

// The git work tree that holds `folder`, or `folder` itself.
fs::path workTreeOf(const fs::path& folder) {
  std::error_code ec;
  for (fs::path dir = folder; !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", ec)) return dir;
    if (dir == dir.parent_path()) break;
  }
  return folder;
}

}  // namespace

std::string gitWorkTreeOf(const std::string& folder) { return workTreeOf(canonicalOrNormal(folder)).string(); }

PathRoots PathRoots::forCheckedPaths(const std::vector<std::string>& paths) {
  PathRoots roots;
  for (const auto& given : paths) {
    std::error_code ec;
    fs::path p = canonicalOrNormal(given);
    fs::path folder = fs::is_directory(p, ec) ? p : p.parent_path();
    roots.add(workTreeOf(folder).string());
  }
  return roots;
}

void PathRoots::add(const std::string& folder) {
  std::string root = canonicalOrNormal(folder).string();
  while (root.size() > 1 && root.back() == '/') root.pop_back();
  if (std::find(roots_.begin(), roots_.end(), root) == roots_.end()) roots_.push_back(root);
  std::sort(roots_.begin(), roots_.end());
}

bool PathRoots::contains(const std::string& path) const {
  const std::string target = canonicalOrNormal(path).string();
  for (const auto& root : roots_) {
    if (root == "/") return true;
    if (target == root) return true;
    if (target.size() > root.size() && target.compare(0, root.size(), root) == 0 && target[root.size()] == '/') {
      return true;
    }
  }
  return false;
}

}  // namespace lambdalint
