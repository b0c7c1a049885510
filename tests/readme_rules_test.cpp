// README.md carries the rule table between `<!-- rules:begin -->` and
// `<!-- rules:end -->`; it must match the rule registry, so a rule added,
// renamed or re-severitied without updating the README fails here.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/rule.h"
#include "report/rule_table.h"

namespace fs = std::filesystem;
using namespace lambdalint;

namespace {

constexpr std::string_view kBegin = "<!-- rules:begin -->\n";
constexpr std::string_view kEnd = "<!-- rules:end -->";

std::string readme() {
  std::ifstream in(fs::path(LAMBDALINT_SOURCE_DIR) / "README.md", std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST(Readme, RuleTableMatchesTheRegistry) {
  const std::string text = readme();
  ASSERT_FALSE(text.empty()) << "README.md is missing";
  auto begin = text.find(kBegin);
  ASSERT_NE(begin, std::string::npos) << "README.md has no '" << kBegin.substr(0, kBegin.size() - 1) << "' marker";
  begin += kBegin.size();
  auto end = text.find(kEnd, begin);
  ASSERT_NE(end, std::string::npos) << "README.md has no '" << kEnd << "' marker after the begin marker";
  const std::string actual = text.substr(begin, end - begin);
  const std::string expected = ruleTableMarkdown();
  EXPECT_EQ(actual, expected)
      << "The rule table in README.md is stale. Regenerate it and put the output between the markers:\n"
      << "  ./build/lambdalint rules --format markdown\n"
      << "Expected block:\n"
      << kBegin << expected << kEnd << "\n";
}

TEST(Readme, RuleTableHasOneRowPerRule) {
  const std::string table = ruleTableMarkdown();
  size_t rows = 0;
  for (char c : table) rows += c == '\n';
  EXPECT_EQ(rows, RuleRegistry::instance().rules().size() + 2);  // header and separator
  for (const auto& rule : RuleRegistry::instance().rules()) {
    EXPECT_NE(table.find("| " + std::string(rule->meta().id) + " | `" + std::string(rule->meta().name) + "` |"),
              std::string::npos)
        << rule->meta().id;
  }
}
