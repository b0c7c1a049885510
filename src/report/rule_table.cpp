#include "report/rule_table.h"

#include <fmt/format.h>

#include "engine/rule.h"

namespace lambdalint {
namespace {

// A summary is one line of Markdown; only `|` would break the table.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

}  // namespace

std::string ruleTableMarkdown() {
  std::string out = "| ID | Name | Severity | Summary |\n| --- | --- | --- | --- |\n";
  for (const auto& rule : RuleRegistry::instance().rules()) {
    const RuleMeta& m = rule->meta();
    out += fmt::format("| {} | `{}` | {} | {} |\n", m.id, m.name, to_string(m.severity), cell(m.summary));
  }
  return out;
}

}  // namespace lambdalint
