#include "config/config.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/problems.h"
#include "template/document.h"
#include "util/read_file.h"

namespace fs = std::filesystem;

namespace lambdalint {
namespace {

Diagnostic configProblem(const std::string& path, Range range, std::string message) {
  return problemDiagnostic(ProblemKind::Syntax, path, range, std::move(message));
}

}  // namespace

std::optional<std::string> findConfig(const std::string& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (ec) return std::nullopt;
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  while (true) {
    for (const char* name : {".lambdalint.yaml", ".lambdalint.yml"}) {
      fs::path candidate = dir / name;
      if (fs::is_regular_file(candidate, ec)) return candidate.string();
    }
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

constexpr uint64_t kMaxConfigBytes = 1024 * 1024;

Config loadConfig(const std::string& path) {
  Config config;
  config.path = path;
  config.baseDir = fs::path(path).parent_path().string();
  FileRead read = readRegularFile(path, kMaxConfigBytes);
  if (!read.ok()) {
    config.problems.push_back(configProblem(path, {}, "cannot read the configuration file: " + read.error));
    return config;
  }
  return parseConfig(path, std::move(read.text));
}

Config parseConfig(const std::string& path, std::string text) {
  Config config;
  config.path = path;
  config.baseDir = fs::path(path).parent_path().string();
  auto file = std::make_shared<SourceFile>(path, std::move(text));
  Document doc = parseYaml(file);
  for (const auto& p : doc.problems) {
    config.problems.push_back(configProblem(path, p.range, "invalid configuration: " + p.message));
  }
  const Node& root = doc.root;
  if (root.isNull()) return config;
  if (!root.isMapping()) {
    config.problems.push_back(configProblem(path, root.range, "the configuration must be a mapping"));
    return config;
  }
  for (const auto& e : root.entries) {
    const std::string& key = e.key.value;
    if (key == "rules" && e.value.isMapping()) {
      for (const auto& r : e.value.entries) {
        RuleSetting s;
        std::string_view v = r.value.str();
        if (v == "off" || v == "false") {
          s.enabled = false;
        } else if (auto sev = parseSeverity(v)) {
          s.severity = sev;
        } else if (v != "on" && v != "true") {
          config.problems.push_back(
              configProblem(path, r.value.range,
                            "rule setting must be off, on, error, warning or note, not '" + r.value.value + "'"));
          continue;
        }
        config.rules[r.key.value] = s;
      }
    } else if (key == "exclude" && e.value.isSequence()) {
      for (const auto& item : e.value.items) config.exclude.push_back(item.value);
    } else if (key == "fail-on") {
      if (e.value.str() == "none") {
        config.failOnNone = true;
      } else if (auto sev = parseSeverity(e.value.str())) {
        config.failOn = sev;
      } else {
        config.problems.push_back(configProblem(path, e.value.range, "fail-on must be error, warning, note or none"));
      }
    } else if (key == "max-file-size-mb" && e.value.asInt() && *e.value.asInt() > 0) {
      config.maxFileSizeMb = static_cast<size_t>(*e.value.asInt());
    } else {
      config.problems.push_back(
          configProblem(path, e.key.range, "unknown or malformed configuration key '" + key + "'"));
    }
  }
  return config;
}

}  // namespace lambdalint
