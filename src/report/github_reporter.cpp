// GitHub Actions workflow commands: ::error file=...,line=...::message
#include "engine/rule.h"
#include "report/report.h"

namespace lambdalint {
namespace {

// Escaping rules of workflow commands: data escapes %, CR, LF; properties
// also escape ':' and ','.
std::string escapeData(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

std::string escapeProperty(std::string_view s) {
  std::string out;
  for (char c : escapeData(s)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

const char* commandOf(Severity s) {
  switch (s) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Note:
      return "notice";
  }
  return "notice";
}

}  // namespace

void writeGithub(std::ostream& out, const RunResult& result, const ReportOptions&) {
  for (const auto& d : result.diagnostics) {
    const Rule* rule = RuleRegistry::instance().find(d.ruleId);
    std::string title = d.ruleId + (rule ? " " + std::string(rule->meta().name) : "");
    const auto& b = d.location.range.begin;
    const auto& e = d.location.range.end;
    out << "::" << commandOf(d.severity) << " file=" << escapeProperty(d.location.path) << ",line=" << b.line
        << ",col=" << b.column;
    if (e.line >= b.line && e.offset > b.offset) out << ",endLine=" << e.line << ",endColumn=" << e.column;
    out << ",title=" << escapeProperty(title) << "::" << escapeData(d.message) << '\n';
  }
}

}  // namespace lambdalint
