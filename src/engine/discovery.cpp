#include "engine/discovery.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <tuple>

#include "engine/problems.h"
#include "util/glob.h"

namespace fs = std::filesystem;

namespace lambdalint {
namespace {

constexpr std::array<std::string_view, 8> kSkippedFolders = {"node_modules", ".aws-sam", "cdk.out", ".serverless",
                                                             "__pycache__",  "venv",     ".venv",   ".terraform"};

bool skippedFolder(const fs::path& p) {
  std::string name = p.filename().string();
  if (name.size() > 1 && name[0] == '.') return true;
  return std::find(kSkippedFolders.begin(), kSkippedFolders.end(), name) != kSkippedFolders.end();
}

Diagnostic pathProblem(const std::string& path, std::string message) {
  return problemDiagnostic(ProblemKind::Syntax, path, {}, std::move(message));
}

bool excluded(const fs::path& p, const std::vector<std::string>& exclude, const std::string& base) {
  if (exclude.empty()) return false;
  std::error_code ec;
  std::string relative = base.empty() ? p.generic_string() : fs::relative(p, base, ec).generic_string();
  if (ec) relative = p.generic_string();
  for (const auto& glob : exclude) {
    if (globMatch(glob, relative)) return true;
  }
  return false;
}

}  // namespace

bool hasTemplateExtension(std::string_view path) {
  for (std::string_view ext : {".yaml", ".yml", ".json", ".template"}) {
    if (path.size() >= ext.size() && path.substr(path.size() - ext.size()) == ext) return true;
  }
  return false;
}

bool hasHandlerExtension(std::string_view path) {
  for (std::string_view ext :
       {".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx", ".py", ".cpp", ".cc", ".cxx"}) {
    if (path.size() >= ext.size() && path.substr(path.size() - ext.size()) == ext) return true;
  }
  return false;
}

namespace {

// Templates in the folders above a handler, up to the repository root.
std::vector<std::string> templatesAbove(const fs::path& handler) {
  std::vector<std::string> out;
  std::error_code ec;
  fs::path dir = fs::absolute(handler, ec).parent_path();
  for (int depth = 0; depth < 32 && !dir.empty(); ++depth) {
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      std::error_code typeEc;
      if (entry.is_regular_file(typeEc) && hasTemplateExtension(entry.path().string())) {
        out.push_back(fs::relative(entry.path(), fs::current_path(), ec).string());
      }
    }
    if (fs::exists(dir / ".git", ec) || dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  return out;
}

}  // namespace

bool mentionsCloudFormation(std::string_view text) {
  return text.find("AWSTemplateFormatVersion") != std::string_view::npos ||
         text.find("AWS::Serverless") != std::string_view::npos ||
         (text.find("Resources") != std::string_view::npos && text.find("AWS::") != std::string_view::npos);
}

Discovery discover(const std::vector<std::string>& paths, const std::vector<std::string>& exclude,
                   const std::string& excludeBase) {
  Discovery out;
  for (const auto& given : paths) {
    std::error_code ec;
    fs::file_status status = fs::status(given, ec);
    if (ec || !fs::exists(status)) {
      out.problems.push_back(pathProblem(given, "no such file or directory"));
      continue;
    }
    out.anyInput = true;
    if (!fs::is_directory(status)) {
      if (hasHandlerExtension(given)) {
        out.handlerFiles.push_back(fs::weakly_canonical(given, ec).string());
        for (auto& t : templatesAbove(given)) out.files.push_back({std::move(t), false, true});
      } else {
        out.files.push_back({given, true});
      }
      continue;
    }
    fs::recursive_directory_iterator it(given, fs::directory_options::none, ec);
    if (ec) {
      out.problems.push_back(pathProblem(given, "cannot read directory: " + ec.message()));
      continue;
    }
    for (auto end = fs::recursive_directory_iterator(); it != end; it.increment(ec)) {
      if (ec) {
        out.problems.push_back(pathProblem(it->path().string(), "cannot read directory: " + ec.message()));
        ec.clear();
        continue;
      }
      const fs::path& p = it->path();
      std::error_code typeEc;
      if (it->is_directory(typeEc)) {
        if (skippedFolder(p) || excluded(p, exclude, excludeBase)) {
          it.disable_recursion_pending();
          continue;
        }
        // Report unreadable folders instead of silently skipping them.
        fs::directory_iterator probe(p, typeEc);
        if (typeEc) {
          out.problems.push_back(pathProblem(p.string(), "cannot read directory: " + typeEc.message()));
          it.disable_recursion_pending();
        }
        continue;
      }
      if (!it->is_regular_file(typeEc) || !hasTemplateExtension(p.string())) continue;
      if (excluded(p, exclude, excludeBase)) continue;
      out.files.push_back({p.string(), false});
    }
  }
  // A template both named (or walked) and found above a handler is checked
  // fully: sort the full entries first, then drop the duplicates.
  std::sort(out.files.begin(), out.files.end(), [](const auto& a, const auto& b) {
    return std::tie(a.path, a.onlyForHandlers) < std::tie(b.path, b.onlyForHandlers);
  });
  out.files.erase(
      std::unique(out.files.begin(), out.files.end(), [](const auto& a, const auto& b) { return a.path == b.path; }),
      out.files.end());
  return out;
}

}  // namespace lambdalint
