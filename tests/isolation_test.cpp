// Faults stay local: handler analysis in worker processes turns a crash, a
// hang or a broken worker into a TPL005 internal-error finding on that file,
// and every other finding of the run is kept.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "code/facts_extractor.h"
#include "commands/check.h"

namespace fs = std::filesystem;
using namespace lambdalint;

namespace {

const fs::path kSource = LAMBDALINT_SOURCE_DIR;

RunOptions optionsFor(const fs::path& path, std::vector<std::string> workerCommand) {
  RunOptions options;
  options.paths = {path.string()};
  options.jobs = 1;
  options.today = parseDate("2026-12-01");
  options.workerCommand = std::move(workerCommand);
  return options;
}

std::vector<const Diagnostic*> withRule(const RunResult& r, std::string_view id) {
  std::vector<const Diagnostic*> out;
  for (const auto& d : r.diagnostics) {
    if (d.ruleId == id) out.push_back(&d);
  }
  return out;
}

// The thumbnail sample: one JavaScript handler and template findings of its own.
const fs::path kApp = kSource / "testdata" / "apps" / "thumbnail";

TEST(Isolation, CrashingWorkerBecomesAnInternalErrorOnTheHandler) {
  RunResult inProcess = runCheck(optionsFor(kApp, {}));
  RunResult crashed = runCheck(optionsFor(kApp, {"/bin/sh", "-c", "kill -SEGV $$"}));
  auto internal = withRule(crashed, "TPL005");
  ASSERT_EQ(internal.size(), 1u);
  EXPECT_NE(internal[0]->message.find("SIGSEGV"), std::string::npos) << internal[0]->message;
  EXPECT_EQ(fs::path(internal[0]->location.path).extension(), ".js") << internal[0]->location.path;
  EXPECT_EQ(internal[0]->location.range.begin.line, 1u);
  // Template findings survive, except those drawn from the code (IAM008 compares the policy with the code's
  // calls); nothing is invented about the file that failed.
  std::multiset<std::string> expected, kept;
  for (const auto& d : inProcess.diagnostics) {
    if (fs::path(d.location.path).extension() == ".yaml" && d.ruleId != "IAM008") expected.insert(d.ruleId);
  }
  for (const auto& d : crashed.diagnostics) {
    if (fs::path(d.location.path).extension() == ".yaml") kept.insert(d.ruleId);
  }
  EXPECT_GE(expected.size(), 4u);
  EXPECT_EQ(kept, expected);
  EXPECT_TRUE(withRule(crashed, "XRF002").empty()) << "a failed analysis must not claim the handler is missing";
}

TEST(Isolation, HungWorkerIsKilledAtItsDeadline) {
  RunOptions options = optionsFor(kApp, {"/bin/sleep", "600"});
  options.fileTimeoutSeconds = 1;
  RunResult r = runCheck(options);
  auto internal = withRule(r, "TPL005");
  ASSERT_EQ(internal.size(), 1u);
  EXPECT_NE(internal[0]->message.find("longer than 1 s"), std::string::npos) << internal[0]->message;
}

TEST(Isolation, WorkerThatCannotStartIsReported) {
  RunResult r = runCheck(optionsFor(kApp, {"/nonexistent/lambdalint-worker"}));
  auto internal = withRule(r, "TPL005");
  ASSERT_EQ(internal.size(), 1u);
}

// Facts that cross the process boundary arrive whole: every sample application
// gives the same findings with workers as in process.
TEST(Isolation, WorkersGiveTheSameFindingsAsInProcess) {
  for (const auto& app : fs::directory_iterator(kSource / "testdata" / "apps")) {
    RunResult direct = runCheck(optionsFor(app.path(), {}));
    RunResult isolated = runCheck(optionsFor(app.path(), {LAMBDALINT_BINARY, std::string(code::kWorkerArgument)}));
    ASSERT_EQ(direct.diagnostics.size(), isolated.diagnostics.size()) << app.path();
    for (size_t i = 0; i < direct.diagnostics.size(); ++i) {
      const Diagnostic& a = direct.diagnostics[i];
      const Diagnostic& b = isolated.diagnostics[i];
      EXPECT_EQ(a.ruleId, b.ruleId) << app.path();
      EXPECT_EQ(a.message, b.message) << app.path();
      EXPECT_EQ(a.location.path, b.location.path);
      EXPECT_EQ(a.location.range.begin.offset, b.location.range.begin.offset);
      EXPECT_EQ(a.location.range.end.offset, b.location.range.end.offset);
      EXPECT_EQ(a.related.size(), b.related.size());
      EXPECT_EQ(a.fix.has_value(), b.fix.has_value());
    }
    EXPECT_TRUE(withRule(isolated, "TPL005").empty()) << app.path();
  }
}

}  // namespace
