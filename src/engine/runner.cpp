#include "engine/runner.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "code/handler_sources.h"
#include "engine/discovery.h"
#include "engine/rule.h"
#include "engine/suppressions.h"
#include "model/app_model.h"
#include "util/path_roots.h"
#include "util/read_file.h"

namespace lambdalint {
namespace {

constexpr size_t kSniffBytes = 64 * 1024;

bool matchesAny(const std::vector<std::string>& patterns, std::string_view id, std::string_view name) {
  for (const auto& p : patterns) {
    if (p == id || p == name || p == "ALL") return true;
    // An area prefix selects the whole area: `IAM` matches IAM001..IAM999.
    if (p.size() < id.size() && id.substr(0, p.size()) == p && std::all_of(p.begin(), p.end(), ::isupper)) return true;
  }
  return false;
}

struct FileResult {
  std::vector<Diagnostic> diagnostics;
  bool read = false;
  bool isTemplate = false;
  bool unreadable = false;
};

class FileChecker {
 public:
  FileChecker(const RunOptions& options, PathRoots roots)
      : options_(options),
        today_(options.today.value_or(currentDate())),
        codeCache_(maxBytes(options), extractorFor(options), std::move(roots)) {}

  // Faults stay local: an exception from any stage is an internal-error finding on this file.
  FileResult check(const DiscoveredFile& f) const {
    try {
      return checkFile(f);
    } catch (const std::exception& e) {
      FileResult result;
      result.diagnostics.push_back(internalError(f.path, e.what()));
      return result;
    }
  }

 private:
  static uint64_t maxBytes(const RunOptions& options) {
    // Saturate: `--max-file-size 99999999999999` must not wrap around to a tiny limit.
    const uint64_t mb = options.maxFileSizeMb;
    return mb > (UINT64_MAX >> 20) ? UINT64_MAX : mb << 20;
  }

  static code::FactsExtractor extractorFor(const RunOptions& options) {
    if (options.workerCommand.empty()) return code::inProcessExtractor();
    return code::isolatedExtractor(options.workerCommand, {options.fileTimeoutSeconds, options.workerMemoryMb});
  }

  static Diagnostic internalError(const std::string& path, const std::string& what) {
    return makeDiagnostic("TPL005", Severity::Error, path, {},
                          "lambdalint failed on this file (" + what +
                              "); the other files were checked. Please report it with the file attached");
  }

  FileResult checkFile(const DiscoveredFile& f) const {
    FileResult result;
    const uint64_t limit = maxBytes(options_);
    FileRead read = readRegularFile(f.path, limit);
    if (read.status == FileRead::Status::TooLarge) {
      FileRead head = readRegularFilePrefix(f.path, kSniffBytes);
      if (f.explicitlyNamed || mentionsCloudFormation(head.text)) {
        result.diagnostics.push_back(makeDiagnostic("TPL001", Severity::Error, f.path, {},
                                                    "file is " + std::to_string(read.size / (1024 * 1024)) +
                                                        " MB, above the " + std::to_string(options_.maxFileSizeMb) +
                                                        " MB limit; skipped (raise it with --max-file-size)"));
      }
      return result;
    }
    if (!read.ok()) {
      result.unreadable = true;
      result.diagnostics.push_back(makeDiagnostic("TPL001", Severity::Error, f.path, {}, "cannot read file: " + read.error));
      return result;
    }
    std::string text = std::move(read.text);
    // Only files that mention CloudFormation are ours: pre-commit also passes
    // workflow files, Kubernetes manifests and package.json.
    if (!mentionsCloudFormation(text)) {
      if (f.explicitlyNamed && text.find_first_not_of(" \t\r\n") == std::string::npos) {
        result.diagnostics.push_back(
            makeDiagnostic("TPL001", Severity::Warning, f.path, {}, "file is empty; it is not a template"));
      }
      return result;
    }
    result.read = true;
    auto file = std::make_shared<SourceFile>(f.path, std::move(text));
    Document doc = parseDocument(file);
    for (const auto& p : doc.problems) {
      switch (p.kind) {
        case ProblemKind::Syntax:
          result.diagnostics.push_back(makeDiagnostic("TPL001", Severity::Error, f.path, p.range, p.message));
          break;
        case ProblemKind::Alias:
          result.diagnostics.push_back(makeDiagnostic("TPL002", Severity::Error, f.path, p.range, p.message));
          break;
        case ProblemKind::DuplicateKey:
          result.diagnostics.push_back(makeDiagnostic("TPL003", Severity::Error, f.path, p.range, p.message));
          break;
        case ProblemKind::Internal:
          result.diagnostics.push_back(makeDiagnostic("TPL005", Severity::Error, f.path, p.range, p.message));
          break;
      }
    }
    if (!looksLikeTemplate(doc.root)) {
      applyCommentSuppressions(*file, "#", result.diagnostics);
      return result;
    }
    result.isTemplate = true;
    auto model = buildModel(std::move(doc));
    code::attachHandlerSources(*model, codeCache_);
    for (const auto& rule : RuleRegistry::instance().rules()) {
      if (!ruleEnabled(options_, rule->meta().id, rule->meta().name)) continue;
      RuleContext ctx(*rule, *model, result.diagnostics, today_);
      try {
        rule->check(ctx);
      } catch (const std::exception& e) {
        result.diagnostics.push_back(internalError(f.path, "rule " + std::string(rule->meta().id) + ": " + e.what()));
      }
    }
    applySuppressions(*model, result.diagnostics);
    addCodeProblemsAndSuppressions(*model, result.diagnostics);
    return result;
  }

  // Syntax errors of the handler sources the template points at, and the
  // `lambdalint-ignore` comments in them.
  static void addCodeProblemsAndSuppressions(const TemplateModel& model, std::vector<Diagnostic>& diagnostics) {
    std::set<std::string> seen;
    for (const auto& fn : model.functions) {
      const HandlerSource& src = fn.source;
      if (!src.facts || !seen.insert(src.path).second) continue;
      for (const auto& p : src.facts->problems) {
        const char* id = p.kind == ProblemKind::Internal ? "TPL005" : "TPL001";
        diagnostics.push_back(makeDiagnostic(id, Severity::Error, src.path, p.range, p.message));
      }
      if (!src.inlineCode && src.file) {
        applyCommentSuppressions(*src.file, src.language == code::Language::Python ? "#" : "//", diagnostics);
      }
    }
  }

  const RunOptions& options_;
  Date today_;                         // one date for the whole run, even across midnight
  mutable code::CodeCache codeCache_;  // shared by the worker threads; internally locked
};

// Severity overrides from the configuration, then select/ignore.
void applyConfiguration(const RunOptions& options, std::vector<Diagnostic>& diagnostics) {
  std::erase_if(diagnostics, [&](const Diagnostic& d) {
    const Rule* rule = RuleRegistry::instance().find(d.ruleId);
    return !ruleEnabled(options, d.ruleId, rule ? rule->meta().name : std::string_view());
  });
  for (auto& d : diagnostics) {
    const Rule* rule = RuleRegistry::instance().find(d.ruleId);
    for (std::string_view key : {std::string_view(d.ruleId), rule ? rule->meta().name : std::string_view()}) {
      auto it = options.config.rules.find(key);
      if (it != options.config.rules.end() && it->second.severity) d.severity = *it->second.severity;
    }
  }
}

// Two templates pointing at one handler report its findings once, related to every template: the same
// finding whether a template is checked alone or with the others.
void mergeDuplicates(std::vector<Diagnostic>& diagnostics) {
  auto same = [](const Diagnostic& a, const Diagnostic& b) {
    return a.ruleId == b.ruleId && a.location.path == b.location.path &&
           a.location.range.begin.offset == b.location.range.begin.offset && a.message == b.message;
  };
  auto sameRelated = [](const RelatedLocation& a, const RelatedLocation& b) {
    return a.location.path == b.location.path && a.location.range.begin.offset == b.location.range.begin.offset &&
           a.message == b.message;
  };
  std::vector<Diagnostic> out;
  out.reserve(diagnostics.size());
  for (auto& d : diagnostics) {
    if (out.empty() || !same(out.back(), d)) {
      out.push_back(std::move(d));
      continue;
    }
    for (auto& r : d.related) {
      auto& kept = out.back().related;
      if (std::none_of(kept.begin(), kept.end(), [&](const RelatedLocation& k) { return sameRelated(k, r); })) {
        kept.push_back(std::move(r));
      }
    }
  }
  diagnostics = std::move(out);
}

}  // namespace

bool ruleEnabled(const RunOptions& options, std::string_view id, std::string_view name) {
  for (std::string_view key : {id, name}) {
    auto it = options.config.rules.find(key);
    if (it != options.config.rules.end() && !it->second.enabled) return false;
  }
  if (!options.select.empty() && !matchesAny(options.select, id, name)) return false;
  return !matchesAny(options.ignore, id, name);
}

RunResult runCheck(const RunOptions& options) {
  RunResult result;
  Discovery discovery = discover(options.paths, options.config.exclude, options.config.baseDir);
  result.anyInput = discovery.anyInput;
  result.diagnostics = std::move(discovery.problems);
  result.unreadable = result.diagnostics.size();
  result.diagnostics.insert(result.diagnostics.end(), options.config.problems.begin(), options.config.problems.end());

  std::vector<FileResult> perFile(discovery.files.size());
  FileChecker checker(options, PathRoots::forCheckedPaths(options.paths));
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < discovery.files.size(); i = next++) perFile[i] = checker.check(discovery.files[i]);
  };
  unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = std::min<unsigned>(jobs, static_cast<unsigned>(std::max<size_t>(1, discovery.files.size())));
  std::vector<std::thread> threads;
  for (unsigned j = 1; j < jobs; ++j) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();

  for (size_t i = 0; i < perFile.size(); ++i) {
    auto& fr = perFile[i];
    if (discovery.files[i].onlyForHandlers) {
      // Templates found above a named handler: only that handler's findings.
      std::erase_if(fr.diagnostics, [&](const Diagnostic& d) {
        std::error_code ec;
        auto canonical = std::filesystem::weakly_canonical(d.location.path, ec).string();
        return std::find(discovery.handlerFiles.begin(), discovery.handlerFiles.end(), canonical) ==
               discovery.handlerFiles.end();
      });
      if (fr.isTemplate) ++result.templates;
      std::move(fr.diagnostics.begin(), fr.diagnostics.end(), std::back_inserter(result.diagnostics));
      continue;
    }
    if (fr.read) result.files.push_back(discovery.files[i].path);
    if (fr.isTemplate) ++result.templates;
    if (fr.unreadable) ++result.unreadable;
    std::move(fr.diagnostics.begin(), fr.diagnostics.end(), std::back_inserter(result.diagnostics));
  }
  result.files.insert(result.files.end(), discovery.handlerFiles.begin(), discovery.handlerFiles.end());
  applyConfiguration(options, result.diagnostics);
  // Stable: equal findings keep discovery order (sorted paths), whatever the thread count.
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end());
  mergeDuplicates(result.diagnostics);
  return result;
}

}  // namespace lambdalint
