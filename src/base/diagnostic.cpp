#include "base/diagnostic.h"

#include <tuple>

namespace lambdalint {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::Note:
      return "note";
    case Severity::Warning:
      return "warning";
    case Severity::Error:
      return "error";
  }
  return "";
}

std::optional<Severity> parseSeverity(std::string_view text) {
  if (text == "note") return Severity::Note;
  if (text == "warning") return Severity::Warning;
  if (text == "error") return Severity::Error;
  return std::nullopt;
}

Diagnostic makeDiagnostic(std::string ruleId, Severity severity, std::string path, Range range, std::string message) {
  Diagnostic d;
  d.ruleId = std::move(ruleId);
  d.severity = severity;
  d.location = {std::move(path), range};
  d.fingerprintKey = message;
  d.message = std::move(message);
  return d;
}

bool operator<(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.location.path, a.location.range.begin.line, a.location.range.begin.column, a.ruleId, a.message) <
         std::tie(b.location.path, b.location.range.begin.line, b.location.range.begin.column, b.ruleId, b.message);
}

}  // namespace lambdalint
