// .lambdalint.yaml: discovery upward, rule switches, severity overrides,
// exclude globs, and errors in the file itself.
#include "config/config.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "commands/check.h"

namespace fs = std::filesystem;
using namespace lambdalint;

namespace {

struct Project {
  fs::path root = fs::temp_directory_path() / ("lambdalint-config-" + std::to_string(::getpid()));
  Project() { fs::create_directories(root / "stacks" / "legacy"); }
  ~Project() { fs::remove_all(root); }
  void write(const fs::path& rel, const std::string& text) const { std::ofstream(root / rel) << text; }
};

const char* kAdmin = R"(AWSTemplateFormatVersion: '2010-09-09'
Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {}
      ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
      Policies:
        - PolicyName: p
          PolicyDocument: {Statement: [{Effect: Allow, Action: "s3:*", Resource: "arn:aws:s3:::b/*"}]}
)";

TEST(Config, FoundUpwardAndApplied) {
  Project p;
  p.write(".lambdalint.yaml",
          "rules:\n  IAM003: warning\n  iam-wildcard-action: off\nexclude:\n  - stacks/legacy/**\n");
  p.write("stacks/app.yaml", kAdmin);
  p.write("stacks/legacy/old.yaml", kAdmin);
  auto found = findConfig((p.root / "stacks").string());
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(fs::path(*found), p.root / ".lambdalint.yaml");

  RunOptions options;
  options.paths = {(p.root / "stacks").string()};
  options.config = loadConfig(*found);
  EXPECT_TRUE(options.config.problems.empty());
  RunResult r = runCheck(options);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].ruleId, "IAM003");
  EXPECT_EQ(r.diagnostics[0].severity, Severity::Warning);
  EXPECT_EQ(fs::path(r.diagnostics[0].location.path).filename(), "app.yaml");
}

TEST(Config, ErrorsInTheFileAreReportedWithPositions) {
  Project p;
  p.write(".lambdalint.yaml", "rules:\n  IAM003: loud\nfail-on: sometimes\nunknown: 1\n");
  Config c = loadConfig((p.root / ".lambdalint.yaml").string());
  ASSERT_EQ(c.problems.size(), 3u);
  EXPECT_EQ(c.problems[0].location.range.begin.line, 2u);
  EXPECT_EQ(c.problems[1].location.range.begin.line, 3u);
  EXPECT_EQ(c.problems[2].location.range.begin.line, 4u);
}

TEST(Config, GlobsMatchLikeGitignore) {
  EXPECT_TRUE(globMatch("legacy/**", "legacy/a/b.yaml"));
  EXPECT_TRUE(globMatch("**/*.json", "a/b/c.json"));
  EXPECT_TRUE(globMatch("**/*.json", "c.json"));
  EXPECT_FALSE(globMatch("*.json", "a/c.json"));
  EXPECT_TRUE(globMatch("t?.yaml", "t1.yaml"));
  EXPECT_FALSE(globMatch("t?.yaml", "t12.yaml"));
  EXPECT_TRUE(globMatch("a+b.yaml", "a+b.yaml"));  // regex characters are literal
}

TEST(Config, SelectAndIgnoreTakeIdsNamesAndAreas) {
  RunOptions o;
  o.select = {"IAM"};
  EXPECT_TRUE(ruleEnabled(o, "IAM002", "iam-wildcard-resource"));
  EXPECT_FALSE(ruleEnabled(o, "TPL001", "parse-error"));
  o.ignore = {"iam-wildcard-resource"};
  EXPECT_FALSE(ruleEnabled(o, "IAM002", "iam-wildcard-resource"));
  EXPECT_TRUE(ruleEnabled(o, "IAM001", "iam-wildcard-action"));
}

}  // namespace
