#pragma once
// The rule table of README.md (between `<!-- rules:begin -->` and
// `<!-- rules:end -->`), generated from the rule registry. `lambdalint rules
// --format markdown` prints it; tests/readme_rules_test.cpp checks README.md
// against it.
#include <string>

namespace lambdalint {

// Markdown table: ID, name, default severity, summary; one row per registered
// rule in id order; ends with a newline.
std::string ruleTableMarkdown();

}  // namespace lambdalint
