// The sample applications for the event-source and secrets rules: the broken
// one shows a finding of each rule, its fixed twin shows none.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "engine/runner.h"

namespace fs = std::filesystem;
using namespace lambdalint;

namespace {

const fs::path kApps = fs::path(LAMBDALINT_SOURCE_DIR) / "testdata" / "apps";

RunResult runApp(const std::string& app) {
  RunOptions options;
  options.paths = {(kApps / app).string()};
  options.select = {"EVT008", "EVT009", "EVT010", "SEC"};
  options.jobs = 1;
  return runCheck(options);
}

}  // namespace

TEST(EventApps, BrokenAppShowsEveryRule) {
  RunResult result = runApp("eventbridge-consumer");
  std::set<std::string> rules;
  for (const auto& d : result.diagnostics) rules.insert(d.ruleId);
  EXPECT_EQ(rules, (std::set<std::string>{"EVT008", "EVT009", "EVT010", "SEC001", "SEC002"}));
}

TEST(EventApps, CleanAppIsClean) {
  RunResult result = runApp("clean-events");
  EXPECT_EQ(result.templates, 1u);
  for (const auto& d : result.diagnostics) {
    ADD_FAILURE() << d.location.path << ":" << d.location.range.begin.line << ": " << d.ruleId << " " << d.message;
  }
}
