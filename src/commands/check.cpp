#include "commands/check.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "engine/load.h"
#include "engine/problems.h"
#include "engine/rule.h"
#include "engine/suppressions.h"

namespace lambdalint {
namespace {

bool matchesAny(const std::vector<std::string>& patterns, std::string_view id, std::string_view name) {
  for (const auto& p : patterns) {
    if (p == id || p == name || p == "ALL") return true;
    // An area prefix selects the whole area: `IAM` matches IAM001..IAM999.
    if (p.size() < id.size() && id.substr(0, p.size()) == p && std::all_of(p.begin(), p.end(), ::isupper)) return true;
  }
  return false;
}

// Rules, then suppressions, on one loaded file. Faults stay local: a rule that throws is an internal-error
// finding on the template, and the other rules still run.
std::vector<Diagnostic> checkLoadedFile(const RunOptions& options, Date today, LoadedFile& file) {
  std::vector<Diagnostic> diagnostics = std::move(file.problems);
  if (!file.model) {
    if (file.file) applyCommentSuppressions(*file.file, "#", diagnostics);
    return diagnostics;
  }
  const TemplateModel& model = *file.model;
  for (const auto& rule : RuleRegistry::instance().rules()) {
    if (!ruleEnabled(options, rule->meta().id, rule->meta().name)) continue;
    RuleContext ctx(*rule, model, diagnostics, today, &file.handlers);
    try {
      rule->check(ctx);
    } catch (const std::exception& e) {
      diagnostics.push_back(
          internalErrorDiagnostic(file.input.path, "rule " + std::string(rule->meta().id) + ": " + e.what()));
    }
  }
  applySuppressions(model, diagnostics);
  // Handler files: their own problems, then their `lambdalint-ignore` comments.
  std::move(file.handlerProblems.begin(), file.handlerProblems.end(), std::back_inserter(diagnostics));
  std::set<std::string> seen;
  for (const auto& fn : model.functions) {
    const HandlerSource& src = file.handlers.of(fn);
    if (!src.facts || src.inlineCode || !src.file || !seen.insert(src.path).second) continue;
    applyCommentSuppressions(*src.file, src.language == code::Language::Python ? "#" : "//", diagnostics);
  }
  return diagnostics;
}

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

LoadOptions loadOptionsOf(const RunOptions& options) {
  LoadOptions load;
  load.paths = options.paths;
  load.exclude = options.config.exclude;
  load.excludeBase = options.config.baseDir;
  load.jobs = options.jobs;
  load.maxFileSizeMb = options.maxFileSizeMb;
  load.workerCommand = options.workerCommand;
  load.fileTimeoutSeconds = options.fileTimeoutSeconds;
  load.workerMemoryMb = options.workerMemoryMb;
  load.sources = options.sources;
  return load;
}

RunResult runCheck(const RunOptions& options) {
  RunResult result;
  Application app = loadApplication(loadOptionsOf(options));
  const Discovery& discovery = app.discovery;
  result.anyInput = discovery.anyInput;
  result.diagnostics = discovery.problems;
  result.unreadable = result.diagnostics.size();
  result.diagnostics.insert(result.diagnostics.end(), options.config.problems.begin(), options.config.problems.end());

  const Date today = options.today.value_or(currentDate());  // one date for the whole run, even across midnight
  std::vector<std::vector<Diagnostic>> perFile(app.files.size());
  parallelFor(app.files.size(), options.jobs,
              [&](size_t i) { perFile[i] = checkLoadedFile(options, today, app.files[i]); });

  for (size_t i = 0; i < perFile.size(); ++i) {
    auto& diagnostics = perFile[i];
    const LoadedFile& file = app.files[i];
    if (file.model) ++result.templates;
    if (discovery.files[i].onlyForHandlers) {
      // Templates found above a named handler: only that handler's findings.
      std::erase_if(diagnostics, [&](const Diagnostic& d) {
        std::error_code ec;
        auto canonical = std::filesystem::weakly_canonical(d.location.path, ec).string();
        return std::find(discovery.handlerFiles.begin(), discovery.handlerFiles.end(), canonical) ==
               discovery.handlerFiles.end();
      });
    } else {
      if (file.read) result.files.push_back(discovery.files[i].path);
      if (file.unreadable) ++result.unreadable;
    }
    std::move(diagnostics.begin(), diagnostics.end(), std::back_inserter(result.diagnostics));
  }
  result.files.insert(result.files.end(), discovery.handlerFiles.begin(), discovery.handlerFiles.end());
  applyConfiguration(options, result.diagnostics);
  // Stable: equal findings keep discovery order (sorted paths), whatever the thread count.
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end());
  mergeDuplicates(result.diagnostics);
  return result;
}

}  // namespace lambdalint
