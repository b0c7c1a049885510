#pragma once
// Reporters render a finished run; none of them decides anything.
#include <ostream>
#include <string>

#include "engine/runner.h"

namespace lambdalint {

enum class Format { Text, Json, Sarif, Github, Junit, Gitlab };

struct ReportOptions {
  Format format = Format::Text;
  bool color = false;
  std::string srcRoot;  // absolute folder that relative SARIF URIs are based on
  // SARIF runs[].automationDetails.id is `<category>/`: code scanning keeps one set of alerts per category.
  std::string category = "lambdalint";
};

// Code scanning's limits on one SARIF run (GitHub documentation, "SARIF support for code scanning").
inline constexpr size_t kCodeScanningShownResults = 5000;   // results kept, the most severe first
inline constexpr size_t kCodeScanningMaxResults = 25000;    // a run with more is rejected
inline constexpr size_t kCodeScanningMaxFlowSteps = 10000;  // thread flow locations per result

void writeText(std::ostream& out, const RunResult& result, const ReportOptions& options);
void writeJson(std::ostream& out, const RunResult& result, const ReportOptions& options);
void writeSarif(std::ostream& out, const RunResult& result, const ReportOptions& options);
void writeGithub(std::ostream& out, const RunResult& result, const ReportOptions& options);
void writeJunit(std::ostream& out, const RunResult& result, const ReportOptions& options);
// GitLab Code Quality.
void writeGitlab(std::ostream& out, const RunResult& result, const ReportOptions& options);
void writeReport(std::ostream& out, const RunResult& result, const ReportOptions& options);

// Stable identity of a finding: rule, file, resource and what it is about,
// not its line, so unrelated edits above it keep the fingerprint.
std::string fingerprint(const Diagnostic& d);

}  // namespace lambdalint
