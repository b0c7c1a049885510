#pragma once
#include <optional>
#include <string>
#include <vector>

#include "template/source_file.h"

namespace lambdalint {

enum class Severity { Note = 0, Warning = 1, Error = 2 };

std::string_view to_string(Severity severity);
std::optional<Severity> parseSeverity(std::string_view text);

struct Location {
  std::string path;  // as given on the command line / discovered, not made absolute
  Range range;
};

struct RelatedLocation {
  Location location;
  std::string message;
};

// One step of the path a value takes from where it enters (the first step) to where it is used (the
// last): SARIF carries the steps as a codeFlow.
struct FlowStep {
  Location location;
  std::string message;  // "event.body enters here", "assigned to `sql`", "reaches pg query()"
};

// A machine-applicable edit: replace `deleted` (empty for an insertion) in
// `path` with `inserted`. SARIF carries it as `fixes`.
struct Fix {
  std::string description;
  std::string path;
  Range deleted;
  std::string inserted;
};

struct Diagnostic {
  std::string ruleId;
  Severity severity = Severity::Warning;
  std::string message;
  Location location;
  std::vector<RelatedLocation> related;
  std::vector<FlowStep> flow;  // source to sink, for findings about data flow; empty otherwise
  std::string resourceId;      // logical id the finding is about, for Metadata suppressions
  std::string fingerprintKey;  // stable identity (rule + resource + what), independent of line numbers
  std::optional<Fix> fix;
};

// A diagnostic the engine itself reports (input problems, configuration,
// suppressions), fingerprinted by its message.
Diagnostic makeDiagnostic(std::string ruleId, Severity severity, std::string path, Range range, std::string message);

// Orders by file, line, column, rule id, message: the output order.
bool operator<(const Diagnostic& a, const Diagnostic& b);

}  // namespace lambdalint
