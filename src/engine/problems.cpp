#include "engine/problems.h"

#include "engine/rule.h"

namespace lambdalint {

std::string_view ruleIdOf(ProblemKind kind) {
  switch (kind) {
    case ProblemKind::Syntax:
      return "TPL001";
    case ProblemKind::Alias:
      return "TPL002";
    case ProblemKind::DuplicateKey:
      return "TPL003";
    case ProblemKind::Internal:
      return "TPL005";
  }
  return "TPL001";
}

Diagnostic engineDiagnostic(std::string ruleId, std::string path, Range range, std::string message) {
  const Rule* rule = RuleRegistry::instance().find(ruleId);
  Severity severity = rule ? rule->meta().severity : Severity::Error;
  return makeDiagnostic(std::move(ruleId), severity, std::move(path), range, std::move(message));
}

Diagnostic problemDiagnostic(ProblemKind kind, std::string path, Range range, std::string message,
                             std::optional<Severity> severity) {
  std::string id(ruleIdOf(kind));
  if (!severity) {
    const Rule* rule = RuleRegistry::instance().find(id);
    severity = rule ? rule->meta().severity : Severity::Error;
  }
  return makeDiagnostic(std::move(id), *severity, std::move(path), range, std::move(message));
}

Diagnostic internalErrorDiagnostic(const std::string& path, const std::string& what) {
  return problemDiagnostic(ProblemKind::Internal, path, {},
                           "lambdalint failed on this file (" + what +
                               "); the other files were checked. Please report it with the file attached");
}

}  // namespace lambdalint
