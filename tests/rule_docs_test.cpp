// Every rule has a documentation page with the sections `lambdalint explain`
// and SARIF `help` show, in ruff's order.
#include <gtest/gtest.h>

#include "engine/rule.h"
#include "report/rule_doc.h"

using namespace lambdalint;

TEST(RuleDocs, EveryRuleHasACompletePage) {
  const std::vector<std::string_view> sections = {"What it does", "Why is this bad?", "Example",
                                                  "Use instead",  "Options",          "References"};
  for (const auto& rule : RuleRegistry::instance().rules()) {
    const RuleMeta& m = rule->meta();
    std::string_view doc = ruleDoc(m.id);
    ASSERT_FALSE(doc.empty()) << "docs/rules/" << m.id << ".md is missing";
    std::string title = "# " + std::string(m.id) + " " + std::string(m.name) + "\n";
    EXPECT_EQ(doc.substr(0, title.size()), title) << m.id << ": the page must start with '" << title << "'";
    size_t last = 0;
    for (auto section : sections) {
      auto at = doc.find("\n## " + std::string(section) + "\n");
      ASSERT_NE(at, std::string_view::npos) << m.id << ": missing section " << section;
      EXPECT_GT(at, last) << m.id << ": section " << section << " is out of order";
      last = at;
      EXPECT_FALSE(docSection(doc, section).empty()) << m.id << ": empty section " << section;
    }
    EXPECT_FALSE(helpUri(doc).empty()) << m.id << ": References needs at least one link";
  }
}

TEST(RuleDocs, IdsAndNamesAreWellFormedAndUnique) {
  std::set<std::string_view> ids, names;
  for (const auto& rule : RuleRegistry::instance().rules()) {
    const RuleMeta& m = rule->meta();
    EXPECT_EQ(m.id.size(), 6u) << m.id;
    EXPECT_TRUE(ids.insert(m.id).second) << "duplicate id " << m.id;
    EXPECT_TRUE(names.insert(m.name).second) << "duplicate name " << m.name;
    for (char c : m.name)
      EXPECT_TRUE(std::islower(static_cast<unsigned char>(c)) || std::isdigit(c) || c == '-') << m.name;
    EXPECT_FALSE(m.summary.empty()) << m.id;
    EXPECT_FALSE(m.tags.empty()) << m.id;
  }
}
