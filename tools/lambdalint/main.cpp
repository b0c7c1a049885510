// The lambdalint command: check, rules, explain, policy, lsp.
#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "code/handler_sources.h"
#include "engine/policy_report.h"
#include "engine/rule.h"
#include "engine/runner.h"
#include "lsp/lsp_server.h"
#include "report/baseline.h"
#include "report/report.h"
#include "report/rule_doc.h"
#include "report/rule_table.h"
#include "util/atomic_file.h"
#include "util/date.h"
#include "util/git_changes.h"
#include "util/nearest.h"
#include "util/path_roots.h"
#include "util/read_file.h"
#include "version.h"

namespace fs = std::filesystem;
using namespace lambdalint;

namespace {

std::vector<std::string> splitCommas(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const auto& v : values) {
    size_t start = 0;
    while (start <= v.size()) {
      size_t end = v.find(',', start);
      if (end == std::string::npos) end = v.size();
      if (end > start) out.push_back(v.substr(start, end - start));
      start = end + 1;
    }
  }
  return out;
}

// Every --select/--ignore entry must name a rule id, a rule name or an area: a typo would otherwise give a
// green run that checks nothing.
bool validRuleSelectors(std::string_view flag, const std::vector<std::string>& selectors) {
  std::vector<std::string> known{"ALL"};
  std::set<std::string> areas;
  for (const auto& rule : RuleRegistry::instance().rules()) {
    known.emplace_back(rule->meta().id);
    known.emplace_back(rule->meta().name);
    areas.insert(std::string(rule->meta().id.substr(0, 3)));
  }
  known.insert(known.end(), areas.begin(), areas.end());
  for (const auto& s : selectors) {
    if (s == "ALL" || areas.count(s) || RuleRegistry::instance().find(s)) continue;
    std::string hint = nearestMatch(s, known);
    std::cerr << "lambdalint: " << flag << ": no rule, rule name or area '" << s << "'"
              << (hint.empty() ? "" : "; did you mean '" + hint + "'?") << " (see `lambdalint rules`)\n";
    return false;
  }
  return true;
}

struct CheckArgs {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output;
  std::string failOn;
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::string config;
  unsigned jobs = 0;
  size_t maxFileSizeMb = 0;
  bool noConfig = false;
  bool verbose = false;
  bool inProcess = false;
  unsigned fileTimeout = 60;
  std::string category = "lambdalint";
  std::string root;
  size_t maxResults = 0;
  std::string baseline;
  std::string writeBaseline;
  std::string changedSince;
};

// The command that starts an analysis worker: this very executable.
std::vector<std::string> workerCommand() { return {"/proc/self/exe", std::string(code::kWorkerArgument)}; }

// Writes the report to standard output or to `path` (atomically); false with a message on failure.
bool emitReport(const std::string& text, const std::string& path) {
  if (path.empty()) {
    std::cout << text;
    std::cout.flush();
    if (!std::cout) {
      std::cerr << "lambdalint: cannot write the report to standard output: " << std::strerror(errno) << '\n';
      return false;
    }
    return true;
  }
  if (auto error = writeFileAtomically(path, text)) {
    std::cerr << "lambdalint: cannot write " << path << ": " << *error << '\n';
    return false;
  }
  return true;
}

// --max-results: the `limit` most severe findings, in report order; says on stderr how many were dropped.
void keepMostSevere(RunResult& result, size_t limit) {
  auto& all = result.diagnostics;
  if (limit == 0 || all.size() <= limit) return;
  std::vector<Diagnostic> sorted = all;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.severity > b.severity; });
  sorted.resize(limit);
  std::sort(sorted.begin(), sorted.end());
  fmt::print(stderr, "lambdalint: --max-results {}: {} less severe findings not reported\n", limit, all.size() - limit);
  all = std::move(sorted);
}

// --changed-since: the findings located on changed lines; returns how many others were dropped.
size_t keepChangedLines(RunResult& result, const ChangedLines& changes, const std::string& workTree) {
  auto& all = result.diagnostics;
  size_t before = all.size();
  std::erase_if(all, [&](const Diagnostic& d) {
    fs::path relative = fs::path(canonicalPath(d.location.path)).lexically_relative(workTree);
    return !changes.contains(relative.generic_string(), d.location.range.begin.line);
  });
  return before - all.size();
}

void warnAboutCodeScanningLimits(const RunResult& result) {
  const size_t n = result.diagnostics.size();
  if (n > kCodeScanningMaxResults) {
    fmt::print(stderr,
               "lambdalint: warning: {} results: code scanning rejects a SARIF run of more than {}; use "
               "--max-results {}, or --select/--ignore\n",
               n, kCodeScanningMaxResults, kCodeScanningShownResults);
  } else if (n > kCodeScanningShownResults) {
    fmt::print(stderr,
               "lambdalint: warning: {} results: code scanning keeps only the {} most severe of a run; use "
               "--max-results or --select/--ignore to choose\n",
               n, kCodeScanningShownResults);
  }
}

int runCheckCommand(const CheckArgs& args) {
  if (args.verbose) {
    code::setCppTimingHook(
        [](const std::string& file, double ms) { fmt::print(stderr, "cpp: {} {:.0f} ms\n", file, ms); });
  }
  RunOptions options;
  options.paths = args.paths.empty() ? std::vector<std::string>{"."} : args.paths;
  if (!args.noConfig) {
    std::optional<std::string> configPath = args.config.empty() ? findConfig(options.paths.front()) : args.config;
    if (configPath) options.config = loadConfig(*configPath);
  }
  options.select = splitCommas(args.select);
  options.ignore = splitCommas(args.ignore);
  if (!validRuleSelectors("--select", options.select) || !validRuleSelectors("--ignore", options.ignore)) return 2;
  // LAMBDALINT_TODAY=YYYY-MM-DD pins "today" for date-dependent rules (runtime deprecation),
  // for reproducible runs; read once here, the library itself reads no environment.
  if (const char* today = std::getenv("LAMBDALINT_TODAY"); today && *today) {
    options.today = parseDate(today);
    if (!options.today) {
      std::cerr << "lambdalint: LAMBDALINT_TODAY must be a date YYYY-MM-DD, got '" << today << "'\n";
      return 2;
    }
  }
  options.jobs = args.jobs;
  if (!args.inProcess) options.workerCommand = workerCommand();
  options.fileTimeoutSeconds = args.fileTimeout;
  options.maxFileSizeMb = args.maxFileSizeMb ? args.maxFileSizeMb : options.config.maxFileSizeMb.value_or(16);

  std::optional<Severity> failOn = Severity::Warning;
  if (options.config.failOnNone) failOn.reset();
  if (options.config.failOn) failOn = options.config.failOn;
  if (!args.failOn.empty()) failOn = args.failOn == "none" ? std::nullopt : parseSeverity(args.failOn);

  std::optional<Baseline> baseline;
  if (!args.baseline.empty()) {
    std::string error;
    std::optional<std::string> text = readRegularFileText(args.baseline, uint64_t{256} << 20);
    if (text) baseline = parseBaseline(*text, error);
    if (!baseline) {
      std::cerr << "lambdalint: --baseline " << args.baseline << ": "
                << (text ? error : std::string("cannot read it (missing, not a regular file, or over 256 MB)")) << '\n';
      return 2;
    }
  }

  std::optional<ChangedLines> changes;
  const std::string workTree = gitWorkTreeOf(fs::current_path().string());
  if (!args.changedSince.empty()) {
    std::string error;
    changes = changedLinesSince(workTree, args.changedSince, error);
    if (!changes) {
      std::cerr << "lambdalint: --changed-since " << args.changedSince << ": " << error << '\n';
      return 2;
    }
  }

  RunResult result = runCheck(options);

  if (!args.writeBaseline.empty()) {
    if (auto error = writeFileAtomically(args.writeBaseline, renderBaseline(result))) {
      std::cerr << "lambdalint: cannot write " << args.writeBaseline << ": " << *error << '\n';
      return 2;
    }
    fmt::print(stderr, "lambdalint: recorded {} finding{} in {}\n", result.diagnostics.size(),
               result.diagnostics.size() == 1 ? "" : "s", args.writeBaseline);
    return result.anyInput ? 0 : 2;
  }
  if (baseline) {
    size_t hidden = applyBaseline(result, *baseline);
    if (hidden > 0) {
      fmt::print(stderr, "lambdalint: {} finding{} hidden by the baseline {}\n", hidden, hidden == 1 ? "" : "s",
                 args.baseline);
    }
  }

  if (changes) {
    size_t dropped = keepChangedLines(result, *changes, workTree);
    if (dropped > 0) {
      fmt::print(stderr, "lambdalint: {} finding{} on lines not changed since {} not reported\n", dropped,
                 dropped == 1 ? "" : "s", args.changedSince);
    }
  }

  ReportOptions report;
  report.format = args.format == "json"     ? Format::Json
                  : args.format == "sarif"  ? Format::Sarif
                  : args.format == "github" ? Format::Github
                  : args.format == "junit"  ? Format::Junit
                  : args.format == "gitlab" ? Format::Gitlab
                                            : Format::Text;
  report.srcRoot = args.root.empty() ? gitWorkTreeOf(fs::current_path().string()) : canonicalPath(args.root);
  report.category = args.category;
  keepMostSevere(result, args.maxResults);
  if (report.format == Format::Sarif) warnAboutCodeScanningLimits(result);
  report.color =
      args.output.empty() && report.format == Format::Text && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
  std::ostringstream rendered;
  writeReport(rendered, result, report);
  if (!emitReport(rendered.str(), args.output)) return 2;

  if (!result.anyInput || (result.files.empty() && result.unreadable > 0)) return 2;
  if (!failOn) return 0;
  for (const auto& d : result.diagnostics) {
    if (d.severity >= *failOn) return 1;
  }
  return 0;
}

int runRulesCommand(const std::string& format) {
  if (format == "markdown") {
    std::cout << ruleTableMarkdown();
    return 0;
  }
  std::cout << fmt::format("{:<8} {:<36} {:<8} {:<26} {}\n", "ID", "NAME", "SEVERITY", "TAGS", "SUMMARY");
  for (const auto& rule : RuleRegistry::instance().rules()) {
    const RuleMeta& m = rule->meta();
    std::string tags;
    for (auto t : m.tags) tags += (tags.empty() ? "" : ",") + std::string(t);
    std::cout << fmt::format("{:<8} {:<36} {:<8} {:<26} {}\n", m.id, m.name, to_string(m.severity), tags, m.summary);
  }
  return 0;
}

int runExplainCommand(const std::string& id) {
  const Rule* rule = RuleRegistry::instance().find(id);
  if (!rule) {
    std::cerr << "lambdalint: unknown rule '" << id << "'; see `lambdalint rules`\n";
    return 2;
  }
  std::string_view doc = ruleDoc(rule->meta().id);
  std::cout << doc;
  if (!doc.empty() && doc.back() != '\n') std::cout << '\n';
  return 0;
}

int runPolicyCommand(const std::string& functionId, std::vector<std::string> paths) {
  if (paths.empty()) paths = {"."};
  LoadOptions options;
  options.paths = paths;
  options.workerCommand = workerCommand();
  auto reports = derivePolicyReports(options, functionId);
  if (reports.empty()) {
    std::cerr << "lambdalint: no function '" << functionId << "' in the templates under the given paths\n";
    return 2;
  }
  for (const auto& r : reports) {
    std::cout << "# " << r.functionId << " (" << r.templatePath << ")";
    if (!r.handlerPath.empty()) std::cout << ", derived from " << r.handlerPath;
    std::cout << "\n";
    for (const auto& note : r.notes) std::cerr << "note: " << note << "\n";
    if (r.handlerPath.empty()) continue;
    std::cout << "\n## IAM policy document\n" << r.policyJson << "\n\n## SAM Policies\n" << r.samYaml << "\n";
  }
  return 0;
}

int runLspCommand(bool noConfig) {
  lsp::ServerOptions options;
  options.version = LAMBDALINT_VERSION;
  options.useConfig = !noConfig;
  options.workerCommand = workerCommand();
  if (const char* today = std::getenv("LAMBDALINT_TODAY"); today && *today) {
    options.today = parseDate(today);
    if (!options.today) {
      std::cerr << "lambdalint: LAMBDALINT_TODAY must be a date YYYY-MM-DD, got '" << today << "'\n";
      return 2;
    }
  }
  std::ios::sync_with_stdio(false);
  std::cin.tie(nullptr);
  lsp::LspServer server(std::cin, std::cout, options);
  return server.run();
}

}  // namespace

int main(int argc, char** argv) {
  // An analysis worker started by a check (code/facts_extractor.h): not a user command.
  if (argc == 2 && argv[1] == code::kWorkerArgument) return code::runAnalysisWorker(code::kWorkerFd);
  // `ulimit -f` must turn into a write error with a message, not a silent kill.
  std::signal(SIGXFSZ, SIG_IGN);
  CLI::App app{"lambdalint: static analysis for AWS serverless applications (SAM, CloudFormation, Lambda handlers)"};
  app.require_subcommand(0, 1);
  app.set_version_flag("--version", versionText());

  CheckArgs checkArgs;
  auto* check = app.add_subcommand("check", "Check templates and handlers under PATHs (default: .)");
  check->add_option("paths", checkArgs.paths, "Files or folders");
  check->add_option("--format", checkArgs.format, "Output format")
      ->check(CLI::IsMember({"text", "json", "sarif", "github", "junit", "gitlab"}));
  check->add_option("-o,--output", checkArgs.output, "Write the report to FILE instead of standard output");
  check
      ->add_option("--fail-on", checkArgs.failOn,
                   "Exit 1 when a finding is at or above this severity (default warning)")
      ->check(CLI::IsMember({"error", "warning", "note", "none"}));
  // One value per occurrence (comma-separated, repeatable), so `--select IAM path` keeps `path` a path.
  check->add_option("--select", checkArgs.select, "Only these rule ids, names or areas (comma-separated)")
      ->allow_extra_args(false);
  check->add_option("--ignore", checkArgs.ignore, "Skip these rule ids, names or areas (comma-separated)")
      ->allow_extra_args(false);
  check->add_option("--config", checkArgs.config, "Configuration file (default: .lambdalint.yaml found upward)");
  check->add_flag("--no-config", checkArgs.noConfig, "Ignore configuration files");
  check->add_option("-j,--jobs", checkArgs.jobs, "Worker threads (default: one per core)");
  check->add_flag("-v,--verbose", checkArgs.verbose, "Print the time each C++ translation unit takes to stderr");
  check->add_option("--max-file-size", checkArgs.maxFileSizeMb, "Largest file read, in MB (default 16)")
      ->check(CLI::Range(size_t{1}, size_t{1} << 20));
  check
      ->add_option("--file-timeout", checkArgs.fileTimeout,
                   "Seconds a handler file may take before it is reported as TPL005 internal-error (default 60)")
      ->check(CLI::Range(1u, 86400u));
  check->add_option("--category", checkArgs.category,
                    "SARIF automationDetails category: code scanning keeps one set of alerts per category "
                    "(default lambdalint)");
  check->add_option("--root", checkArgs.root,
                    "Folder that SARIF paths are relative to (default: the git work tree of the current folder)");
  check
      ->add_option("--max-results", checkArgs.maxResults,
                   "Report at most N findings, the most severe first (code scanning keeps 5,000 per run)")
      ->check(CLI::Range(size_t{1}, size_t{1} << 30));
  check->add_option("--baseline", checkArgs.baseline,
                    "Hide the findings recorded in FILE (written by --write-baseline): report only new ones");
  check->add_option("--write-baseline", checkArgs.writeBaseline,
                    "Record the fingerprints of every current finding in FILE, and exit 0");
  check->add_option("--changed-since", checkArgs.changedSince,
                    "Report only findings on lines changed since the git revision REV (and in new files)");
  check->add_flag("--in-process", checkArgs.inProcess,
                  "Analyse handlers in this process instead of worker processes (debugging; no fault isolation)");

  auto* rules = app.add_subcommand("rules", "List every rule");
  std::string rulesFormat = "text";
  rules->add_option("--format", rulesFormat, "text, or markdown: the rule table of README.md")
      ->check(CLI::IsMember({"text", "markdown"}));
  std::string explainId;
  auto* explain = app.add_subcommand("explain", "Print the documentation of a rule");
  explain->add_option("rule", explainId, "Rule id or name")->required();

  std::string policyFunction;
  std::vector<std::string> policyPaths;
  auto* policy = app.add_subcommand("policy", "Print the least-privilege policy a function's code needs");
  policy->add_option("function", policyFunction, "Logical id of the function")->required();
  policy->add_option("paths", policyPaths, "Templates or folders (default: .)");

  bool lspNoConfig = false;
  auto* lspCommand = app.add_subcommand("lsp", "Run a Language Server Protocol server on standard input/output");
  lspCommand->add_flag("--no-config", lspNoConfig, "Ignore configuration files");
  bool lspStdio = false;
  lspCommand->add_flag("--stdio", lspStdio,
                       "Accepted for editors that pass it; standard input/output is the only transport");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (*check) return runCheckCommand(checkArgs);
  if (*rules) return runRulesCommand(rulesFormat);
  if (*explain) return runExplainCommand(explainId);
  if (*policy) return runPolicyCommand(policyFunction, policyPaths);
  if (*lspCommand) return runLspCommand(lspNoConfig);
  std::cout << app.help();
  return 0;
}
