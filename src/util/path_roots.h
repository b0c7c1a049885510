#pragma once
// The folders a run may read: each checked folder (the folder of a checked
// file), widened to the git work tree that contains it, so a template in
// `infra/` may point its CodeUri at `../src`. A path that leaves every root
// (`CodeUri: ../../elsewhere`, an absolute Handler, an #include of
// `/etc/passwd`) is not read: lambdalint never reads outside what it was
// asked to check. Symlinks are resolved before the comparison.
#include <string>
#include <vector>

namespace lambdalint {

// `path` absolute, with symlinks of its existing part resolved and `.`/`..` removed.
std::string canonicalPath(const std::string& path);

// The top of the git work tree that holds `folder` (a folder with `.git`), or `folder` itself; canonical.
std::string gitWorkTreeOf(const std::string& folder);

class PathRoots {
 public:
  PathRoots() = default;
  // Roots for the paths given on the command line.
  static PathRoots forCheckedPaths(const std::vector<std::string>& paths);

  void add(const std::string& folder);  // made absolute and canonical
  bool contains(const std::string& path) const;
  bool empty() const { return roots_.empty(); }
  const std::vector<std::string>& folders() const { return roots_; }  // canonical, sorted

 private:
  std::vector<std::string> roots_;
};

}  // namespace lambdalint
