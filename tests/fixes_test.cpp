// Fixes are real edits: applied to a copy, the template still parses and the
// finding is gone.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "commands/check.h"

namespace fs = std::filesystem;
using namespace lambdalint;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

RunResult check(const fs::path& dir, std::string rule) {
  RunOptions options;
  options.paths = {dir.string()};
  options.select = {std::move(rule), "TPL"};
  return runCheck(options);
}

// Copies `app` to a scratch folder, applies the first fix of `rule`, and
// returns the findings of `rule` afterwards.
void expectFixResolves(const fs::path& app, const std::string& rule) {
  fs::path scratch = fs::temp_directory_path() / ("lambdalint-fix-" + rule);
  fs::remove_all(scratch);
  fs::copy(app, scratch, fs::copy_options::recursive);
  RunResult before = check(scratch, rule);
  size_t count = 0;
  const Fix* fix = nullptr;
  for (const auto& d : before.diagnostics) {
    if (d.ruleId != rule) continue;
    ++count;
    if (!fix && d.fix) fix = &*d.fix;
  }
  ASSERT_NE(fix, nullptr) << rule << " offered no fix in " << app;
  std::string text = read(fix->path);
  text.replace(fix->deleted.begin.offset, fix->deleted.end.offset - fix->deleted.begin.offset, fix->inserted);
  std::ofstream(fix->path, std::ios::binary) << text;

  RunResult after = check(scratch, rule);
  size_t remaining = 0;
  for (const auto& d : after.diagnostics) {
    EXPECT_NE(d.ruleId.substr(0, 3), "TPL") << "the fixed template no longer parses: " << d.message << "\n" << text;
    if (d.ruleId == rule) ++remaining;
  }
  EXPECT_EQ(remaining, count - 1) << text;
  fs::remove_all(scratch);
}

TEST(Fixes, GrantingTheMissingPermissionResolvesIam007) {
  expectFixResolves(fs::path(LAMBDALINT_SOURCE_DIR) / "testdata/apps/thumbnail", "IAM007");
}

TEST(Fixes, RemovingTheUnusedActionResolvesIam008) {
  expectFixResolves(fs::path(LAMBDALINT_SOURCE_DIR) / "testdata/rules/IAM008", "IAM008");
}

}  // namespace
