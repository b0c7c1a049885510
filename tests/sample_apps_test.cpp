// The sample applications under testdata/apps/: the broken ones report what
// they were written to show, the clean ones report nothing at all.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "engine/runner.h"

namespace fs = std::filesystem;
using namespace lambdalint;

namespace {

const fs::path kAppsDir = fs::path(LAMBDALINT_SOURCE_DIR) / "testdata" / "apps";

RunResult check(const std::string& app) {
  RunOptions options;
  options.paths = {(kAppsDir / app).string()};
  options.jobs = 1;
  return runCheck(options);
}

std::string describe(const RunResult& result) {
  std::string out;
  for (const auto& d : result.diagnostics) {
    out += d.location.path + ":" + std::to_string(d.location.range.begin.line) + ": " + d.ruleId + " " + d.message +
           "\n";
  }
  return out;
}

TEST(SampleApps, CleanWorkerReportsNothing) {
  RunResult result = check("clean-worker");
  EXPECT_EQ(result.templates, 1u);
  EXPECT_TRUE(result.diagnostics.empty()) << describe(result);
}

TEST(SampleApps, SqsWorkerShowsItsQueueMistakes) {
  RunResult result = check("sqs-worker");
  std::multiset<std::string> ids;
  for (const auto& d : result.diagnostics) {
    if (d.ruleId.rfind("EVT", 0) == 0) ids.insert(d.ruleId);
  }
  EXPECT_EQ(ids, (std::multiset<std::string>{"EVT002", "EVT003", "EVT005"})) << describe(result);
  for (const auto& d : result.diagnostics) {
    if (d.ruleId == "EVT003") EXPECT_EQ(d.severity, Severity::Error) << d.message;
  }
}

}  // namespace
