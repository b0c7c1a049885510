// The sample applications under testdata/apps/, checked with EVERY rule (no
// select), on a pinned "today" so that runtime deprecation does not change the
// result from one day to the next:
//   - each clean-* application is written the right way and reports nothing;
//   - each other application shows exactly the set of rules it was written to
//     show, no fewer and no more (a rule that starts or stops firing on one of
//     them must update kBrokenApps after checking the finding).
// A new folder under testdata/apps/ must be clean-* or listed in kBrokenApps.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "commands/check.h"

namespace fs = std::filesystem;
using namespace lambdalint;

namespace {

const fs::path kAppsDir = fs::path(LAMBDALINT_SOURCE_DIR) / "testdata" / "apps";
constexpr std::string_view kAppsToday = "2026-12-01";  // as tests/fixture_runner_test.cpp

using RuleSet = std::set<std::string>;

// Every rule that fires on each broken sample with all rules enabled; each
// finding was checked to be a true positive.
const std::map<std::string, RuleSet> kBrokenApps = {
    // EVT008 pattern not an array and empty numeric range; EVT009 filter policy
    // value not an array and nested without MessageBody scope; EVT010 overlapping
    // S3 notifications; SEC001 live key; SEC002 permission without SourceArn;
    // EVT001 rule target and S3 consumer without OnFailure; EVT002 queues without
    // DLQ; EVT005 SQS workers without partial batch responses; EVT006
    // subscriptions without redrive; OPS003 no tracing; OPS004 no log retention;
    // IAM008 S3ReadPolicy of InvoiceIndexer, whose code reads nothing.
    {"eventbridge-consumer",
     {"EVT001", "EVT002", "EVT005", "EVT006", "EVT008", "EVT009", "EVT010", "IAM008", "OPS003", "OPS004", "SEC001",
      "SEC002"}},
    // Every OPS rule (see the template's header), plus EVT001 (schedule without
    // OnFailure), EVT002 (queue without DLQ), EVT005 (worker without partial
    // batch responses).
    {"legacy-api", {"EVT001", "EVT002", "EVT005", "OPS001", "OPS002", "OPS003", "OPS004", "OPS005", "OPS006"}},
    // EVT002 no DLQ, EVT003 visibility timeout below the function timeout,
    // EVT005 no partial batch responses, OPS003 no tracing, OPS004 no retention,
    // XRF002 the handler's source folder does not exist.
    {"sqs-worker", {"EVT002", "EVT003", "EVT005", "OPS003", "OPS004", "XRF002"}},
    // OPS002 nodejs20.x (end of support 2026-04-30), EVT001 S3 consumer without
    // OnFailure, IAM001 dynamodb:*, OPS003 no tracing, OPS004 no retention,
    // HDL001 S3Client built in the handler (src/app.js), IAM007 s3:PutObject on
    // ThumbnailBucket not granted, IAM008 rekognition:DetectLabels never used.
    {"thumbnail", {"EVT001", "HDL001", "IAM001", "IAM007", "IAM008", "OPS002", "OPS003", "OPS004"}},
    // Python handlers: HDL001 boto3 client in the handler, XRF001 QUEUE_URL read
    // but not defined, EVT011 the worker swallows a failed message.
    {"python-orders", {"EVT011", "HDL001", "XRF001"}},
    // TypeScript (esbuild entry point): HDL002 event.detail-type, HDL003 publish not awaited.
    {"ts-notifier", {"HDL002", "HDL003"}},
    // ES module on nodejs24.x importing aws-sdk v2 without packaging it.
    {"esm-exporter", {"XRF003"}},
    // C++ (aws-lambda-cpp, BuildMethod cmake): HDL001 the SQS client built inside the handler
    // (main.cpp:28); the DynamoDB client built in main is fine.
    {"cpp-orders", {"HDL001"}},
};

RunResult checkWithAllRules(const fs::path& app) {
  RunOptions options;
  options.paths = {app.string()};
  options.jobs = 1;
  options.today = parseDate(kAppsToday);
  return runCheck(options);
}

std::string describe(const RunResult& result) {
  std::string out;
  for (const auto& d : result.diagnostics) {
    out +=
        d.location.path + ":" + std::to_string(d.location.range.begin.line) + ": " + d.ruleId + " " + d.message + "\n";
  }
  return out;
}

RuleSet ruleIds(const RunResult& result) {
  RuleSet ids;
  for (const auto& d : result.diagnostics) ids.insert(d.ruleId);
  return ids;
}

std::vector<fs::path> apps() {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(kAppsDir)) {
    if (entry.is_directory()) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool isClean(const fs::path& app) { return app.filename().string().rfind("clean-", 0) == 0; }

}  // namespace

TEST(SampleApps, CleanAppsReportNothingWithEveryRule) {
  ASSERT_TRUE(parseDate(kAppsToday));
  size_t clean = 0;
  for (const auto& app : apps()) {
    if (!isClean(app)) continue;
    ++clean;
    SCOPED_TRACE(app.filename().string());
    RunResult result = checkWithAllRules(app);
    EXPECT_EQ(result.templates, 1u);
    EXPECT_TRUE(result.diagnostics.empty()) << describe(result);
  }
  EXPECT_GE(clean, 3u) << "clean-api, clean-events and clean-worker at least";
}

TEST(SampleApps, BrokenAppsShowTheirRulesWithEveryRule) {
  std::set<std::string> seen;
  for (const auto& app : apps()) {
    if (isClean(app)) continue;
    const std::string name = app.filename().string();
    SCOPED_TRACE(name);
    auto expected = kBrokenApps.find(name);
    if (expected == kBrokenApps.end()) {
      ADD_FAILURE() << "testdata/apps/" << name << " is neither clean-* nor listed in kBrokenApps";
      continue;
    }
    seen.insert(name);
    RunResult result = checkWithAllRules(app);
    EXPECT_EQ(result.templates, 1u);
    EXPECT_EQ(ruleIds(result), expected->second) << describe(result);
  }
  for (const auto& [name, rules] : kBrokenApps) {
    EXPECT_TRUE(seen.count(name)) << "kBrokenApps lists " << name << ", which is not in testdata/apps";
  }
}

// What the sample's comments promise beyond the rule set.
TEST(SampleApps, SqsWorkerVisibilityTimeoutIsAnError) {
  RunResult result = checkWithAllRules(kAppsDir / "sqs-worker");
  size_t evt003 = 0;
  for (const auto& d : result.diagnostics) {
    if (d.ruleId != "EVT003") continue;
    ++evt003;
    EXPECT_EQ(d.severity, Severity::Error) << d.message;
  }
  EXPECT_EQ(evt003, 1u) << describe(result);
}
