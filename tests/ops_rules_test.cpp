// OPS rules beyond what the fixtures show: the runtime table's integrity and
// "today" as an input (severity changes with the date). The sample
// applications are checked with every rule in sample_apps_test.cpp.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "commands/check.h"
#include "engine/rule.h"
#include "model/runtimes.h"
#include "template/document.h"

namespace fs = std::filesystem;
using namespace lambdalint;

namespace {

Date day(std::string_view text) {
  auto d = parseDate(text);
  EXPECT_TRUE(d) << text;
  return d.value_or(Date{});
}

// Runs one rule over an in-memory template on a given day.
std::vector<Diagnostic> runRule(std::string_view id, std::string text, std::string_view today) {
  auto file = std::make_shared<SourceFile>("inline.yaml", std::move(text));
  auto model = buildModel(parseDocument(file));
  const Rule* rule = RuleRegistry::instance().find(id);
  EXPECT_NE(rule, nullptr) << id;
  std::vector<Diagnostic> out;
  if (!rule) return out;
  RuleContext ctx(*rule, *model, out, day(today));
  rule->check(ctx);
  return out;
}

std::string samFunction(std::string_view runtime) {
  return "Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n"
         "    Properties:\n      Handler: app.handler\n      Runtime: " +
         std::string(runtime) + "\n";
}

}  // namespace

TEST(Dates, ParseFormatAndMonths) {
  EXPECT_EQ(formatDate(day("2026-12-01")), "2026-12-01");
  EXPECT_FALSE(parseDate("2026-02-30"));
  EXPECT_FALSE(parseDate("2026-1-01"));
  EXPECT_FALSE(parseDate("yesterday"));
  EXPECT_EQ(formatDate(addMonths(day("2026-08-31"), 6)), "2027-02-28");
  EXPECT_EQ(formatDate(addMonths(day("2026-12-01"), 6)), "2027-06-01");
}

TEST(LambdaRuntimes, TableIsConsistent) {
  const auto& runtimes = lambdaRuntimes();
  ASSERT_GT(runtimes.size(), 30u);
  ASSERT_TRUE(parseDate(lambdaRuntimesReviewed()));
  std::set<std::string> ids;
  for (const auto& r : runtimes) {
    EXPECT_TRUE(ids.insert(r.identifier).second) << "duplicate " << r.identifier;
    EXPECT_LE(r.deprecation, r.blockCreate) << r.identifier << ": creation is blocked before end of support";
    EXPECT_LE(r.blockCreate, r.blockUpdate) << r.identifier << ": updates are blocked before creation";
    if (r.replacement.empty()) continue;
    const LambdaRuntime* next = findLambdaRuntime(r.replacement);
    ASSERT_NE(next, nullptr) << r.identifier << ": unknown replacement " << r.replacement;
    EXPECT_GE(next->deprecation, r.deprecation)
        << r.identifier << ": replacement " << r.replacement << " ends support before it";
    EXPECT_TRUE(next->replacement.empty())
        << r.identifier << ": replacement " << r.replacement << " is not the newest runtime of its language";
  }
  // The runtimes the rule must know, deprecated and current.
  for (std::string_view id :
       {"nodejs16.x", "python3.8", "java8", "dotnet6", "dotnetcore3.1", "ruby3.2", "go1.x", "provided", "nodejs24.x",
        "python3.14", "java25", "dotnet10", "ruby3.4", "provided.al2023"}) {
    EXPECT_NE(findLambdaRuntime(id), nullptr) << id;
  }
}

TEST(RuntimeDeprecated, SeverityFollowsTheDate) {
  // nodejs22.x: end of support 2027-04-30.
  EXPECT_TRUE(runRule("OPS002", samFunction("nodejs22.x"), "2026-10-29").empty());  // six months and a day before
  auto soon = runRule("OPS002", samFunction("nodejs22.x"), "2026-12-01");
  ASSERT_EQ(soon.size(), 1u);
  EXPECT_EQ(soon[0].severity, Severity::Warning);
  EXPECT_NE(soon[0].message.find("2027-04-30 (in 150 days)"), std::string::npos) << soon[0].message;
  EXPECT_NE(soon[0].message.find("nodejs24.x"), std::string::npos) << soon[0].message;
  auto past = runRule("OPS002", samFunction("nodejs22.x"), "2027-04-30");
  ASSERT_EQ(past.size(), 1u);
  EXPECT_EQ(past[0].severity, Severity::Error);
  EXPECT_NE(past[0].message.find("blocks updates of functions using it from 2027-07-01"), std::string::npos)
      << past[0].message;
  auto blocked = runRule("OPS002", samFunction("nodejs22.x"), "2027-07-01");
  ASSERT_EQ(blocked.size(), 1u);
  EXPECT_NE(blocked[0].message.find("any deployment that changes this function fails"), std::string::npos)
      << blocked[0].message;
  // The fingerprint key does not change from day to day.
  EXPECT_EQ(runRule("OPS002", samFunction("nodejs22.x"), "2026-12-02")[0].fingerprintKey, soon[0].fingerprintKey);
}

TEST(RuntimeDeprecated, TodayComesFromRunOptions) {
  RunOptions options;
  options.paths = {(fs::path(LAMBDALINT_SOURCE_DIR) / "testdata" / "apps" / "clean-api" / "template.yaml").string()};
  options.select = {"OPS002"};
  options.jobs = 1;
  options.today = day("2026-12-01");
  EXPECT_TRUE(runCheck(options).diagnostics.empty());
  options.today = day("2031-01-01");  // every runtime of today's table is past its end of support by then
  auto result = runCheck(options);
  ASSERT_FALSE(result.diagnostics.empty());
  EXPECT_EQ(result.diagnostics.front().ruleId, "OPS002");
}
