#pragma once
// Findings the engine itself produces while loading (unreadable and broken
// files, YAML aliases, duplicate keys, lambdalint's own failures) map to rule
// ids in one place; their default severity is the rule's own metadata.
#include <optional>
#include <string>

#include "base/diagnostic.h"
#include "template/document.h"

namespace lambdalint {

// The rule id of a problem kind: Syntax -> TPL001, Alias -> TPL002, DuplicateKey -> TPL003, Internal -> TPL005.
std::string_view ruleIdOf(ProblemKind kind);

// A problem as a finding, at the rule's default severity unless `severity` is given.
Diagnostic problemDiagnostic(ProblemKind kind, std::string path, Range range, std::string message,
                             std::optional<Severity> severity = std::nullopt);

// A finding of an engine rule (TPL004 ...) at the rule's default severity.
Diagnostic engineDiagnostic(std::string ruleId, std::string path, Range range, std::string message);

// lambdalint failed on `path` (an exception from a stage or a rule).
Diagnostic internalErrorDiagnostic(const std::string& path, const std::string& what);

}  // namespace lambdalint
