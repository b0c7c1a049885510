// Bad input yields a diagnostic with a position, never a crash, a hang or
// lost findings for the other files of the same run.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "commands/check.h"

namespace fs = std::filesystem;
using namespace lambdalint;

namespace {

const fs::path kSource = LAMBDALINT_SOURCE_DIR;
const fs::path kMalformed = kSource / "testdata" / "malformed";
// A template with one known finding, checked alongside every bad file.
const fs::path kWitness = kSource / "testdata" / "rules" / "IAM003" / "bad.yaml";

class ScratchDir {
 public:
  ScratchDir() : path_(fs::temp_directory_path() / ("lambdalint-test-" + std::to_string(::getpid()))) {
    fs::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// Input problems and the witness's IAM003 only: other rules may well fire on
// what was read of a broken template, which is right but not tested here.
RunResult check(std::vector<std::string> paths, size_t maxFileSizeMb = 16) {
  RunOptions options;
  options.paths = std::move(paths);
  options.select = {"TPL", "IAM003"};
  options.maxFileSizeMb = maxFileSizeMb;
  return runCheck(options);
}

size_t countFor(const RunResult& r, const fs::path& file, std::string_view rule = {}) {
  size_t n = 0;
  for (const auto& d : r.diagnostics) {
    if (d.location.path == file.string() && (rule.empty() || d.ruleId == rule)) ++n;
  }
  return n;
}

size_t witnessFindings(const RunResult& r) { return countFor(r, kWitness, "IAM003"); }

TEST(MalformedInput, EveryCommittedCaseIsReportedAndOthersStillChecked) {
  const size_t expectedWitness = witnessFindings(check({kWitness.string()}));
  ASSERT_GT(expectedWitness, 0u);
  size_t cases = 0;
  for (const auto& entry : fs::directory_iterator(kMalformed)) {
    if (entry.path().filename() == "README.md") continue;
    ++cases;
    SCOPED_TRACE(entry.path().string());
    RunResult r = check({entry.path().string(), kWitness.string()});
    EXPECT_GE(countFor(r, entry.path()), 1u) << "no diagnostic for " << entry.path();
    for (const auto& d : r.diagnostics) {
      if (d.location.path != entry.path().string()) continue;
      EXPECT_TRUE(d.ruleId == "TPL001" || d.ruleId == "TPL002" || d.ruleId == "TPL003") << d.ruleId;
      EXPECT_GE(d.location.range.begin.line, 1u);
      EXPECT_GE(d.location.range.begin.column, 1u);
      EXPECT_FALSE(d.message.empty());
    }
    EXPECT_EQ(witnessFindings(r), expectedWitness) << "findings of the other file were lost";
  }
  EXPECT_GE(cases, 10u);
}

TEST(MalformedInput, ErrorsPointAtTheProblem) {
  RunResult r = check({(kMalformed / "unterminated-string.yaml").string()});
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].ruleId, "TPL001");
  EXPECT_EQ(r.diagnostics[0].location.range.begin.line, 7u);  // end of input inside the quoted scalar

  r = check({(kMalformed / "tab-indent.yaml").string()});
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics[0].location.range.begin.line, 3u);

  r = check({(kMalformed / "trailing-comma.json").string()});
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics[0].location.range.begin.line, 3u);

  r = check({(kMalformed / "invalid-utf8.yaml").string()});
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics[0].location.range.begin.line, 2u);
  EXPECT_NE(r.diagnostics[0].message.find("UTF-8"), std::string::npos) << r.diagnostics[0].message;

  r = check({(kMalformed / "duplicate-keys.yaml").string()});
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].ruleId, "TPL003");
  EXPECT_EQ(r.diagnostics[0].location.range.begin.line, 5u);
}

TEST(MalformedInput, AliasBombIsNotExpanded) {
  RunResult r = check({(kMalformed / "alias-bomb.yaml").string()});
  // One finding per anchor, and nothing grows by 9^9.
  EXPECT_EQ(countFor(r, kMalformed / "alias-bomb.yaml", "TPL002"), 9u);
}

TEST(MalformedInput, DeepNestingStopsWithADiagnostic) {
  ScratchDir dir;
  const size_t depth = 100000;
  fs::path yaml = dir.path() / "deep.yaml";
  fs::path json = dir.path() / "deep.json";
  {
    std::ofstream y(yaml);
    y << "AWSTemplateFormatVersion: '2010-09-09'\nMetadata: " << std::string(depth, '[') << std::string(depth, ']')
      << "\n";
    std::ofstream j(json);
    j << "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Metadata\": " << std::string(depth, '[')
      << std::string(depth, ']') << "}\n";
  }
  for (const auto& file : {yaml, json}) {
    SCOPED_TRACE(file.string());
    RunResult r = check({file.string(), kWitness.string()});
    ASSERT_GE(countFor(r, file, "TPL001"), 1u);
    EXPECT_GT(witnessFindings(r), 0u);
  }
}

TEST(MalformedInput, HugeFileIsSkippedWithADiagnostic) {
  ScratchDir dir;
  fs::path big = dir.path() / "big.yaml";
  {
    std::ofstream out(big);
    out << "AWSTemplateFormatVersion: '2010-09-09'\nMetadata:\n";
    std::string line = "  k: " + std::string(1000, 'x') + "\n";
    for (size_t written = 0; written < 50u * 1024 * 1024; written += line.size()) out << line;
  }
  RunResult r = check({big.string(), kWitness.string()});
  ASSERT_EQ(countFor(r, big, "TPL001"), 1u);
  for (const auto& d : r.diagnostics) {
    if (d.location.path == big.string()) {
      EXPECT_NE(d.message.find("50 MB, above the 16 MB limit"), std::string::npos);
    }
  }
  EXPECT_GT(witnessFindings(r), 0u);
}

TEST(MalformedInput, OversizedAndBinaryHandlersAreReportedNotParsed) {
  ScratchDir dir;
  std::ofstream(dir.path() / "template.yaml") << R"(AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Big:
    Type: AWS::Serverless::Function
    Properties: {Runtime: nodejs24.x, CodeUri: ., Handler: bundle.handler, Timeout: 5}
  Binary:
    Type: AWS::Serverless::Function
    Properties: {Runtime: nodejs24.x, CodeUri: ., Handler: binary.handler, Timeout: 5}
)";
  {
    std::ofstream big(dir.path() / "bundle.js");
    big << "exports.handler=async()=>{};";
    std::string chunk = "var a=" + std::string(1000, '1') + ";";
    for (size_t written = 0; written < 2u * 1024 * 1024; written += chunk.size()) big << chunk;
    std::ofstream binary(dir.path() / "binary.js", std::ios::binary);
    static constexpr char kElfHeader[] =
        "\x7f"
        "ELF\x02\x01\x01\0\0\0\xff\xfe";
    binary << std::string(kElfHeader, sizeof kElfHeader - 1) << std::string(4096, '\0');
  }
  RunOptions options;
  options.paths = {dir.path().string(), kWitness.string()};
  options.maxFileSizeMb = 1;
  options.select = {"TPL", "XRF", "HDL", "IAM003"};
  RunResult r = runCheck(options);
  std::vector<std::string> bigProblems, binaryProblems;
  for (const auto& d : r.diagnostics) {
    if (d.location.path == (dir.path() / "bundle.js").string()) bigProblems.push_back(d.ruleId + " " + d.message);
    if (d.location.path == (dir.path() / "binary.js").string()) binaryProblems.push_back(d.ruleId);
  }
  ASSERT_EQ(bigProblems.size(), 1u);
  EXPECT_NE(bigProblems[0].find("TPL001 handler file is 2 MB, above the 1 MB limit"), std::string::npos);
  EXPECT_FALSE(binaryProblems.empty());  // syntax errors, nothing else
  for (const auto& id : binaryProblems) EXPECT_EQ(id, "TPL001");
  EXPECT_GT(witnessFindings(r), 0u);
}

TEST(MalformedInput, UnreadablePathsAreReported) {
  ScratchDir dir;
  fs::path dangling = dir.path() / "dangling.yaml";
  fs::create_symlink(dir.path() / "missing-target.yaml", dangling);
  RunResult r = check({dangling.string(), (dir.path() / "nope.yaml").string(), kWitness.string()});
  EXPECT_EQ(countFor(r, dangling, "TPL001"), 1u);
  EXPECT_EQ(countFor(r, dir.path() / "nope.yaml", "TPL001"), 1u);
  EXPECT_GT(witnessFindings(r), 0u);

  if (::geteuid() != 0) {  // root reads everything: permission bits prove nothing there
    fs::path locked = dir.path() / "locked";
    fs::create_directories(locked);
    fs::permissions(locked, fs::perms::none);
    RunResult r2 = check({dir.path().string()});
    EXPECT_GE(countFor(r2, locked, "TPL001"), 1u);
  }
}

TEST(MalformedInput, NoInputAtAllIsAUsageError) {
  RunResult r = check({"/nonexistent/lambdalint/path"});
  EXPECT_FALSE(r.anyInput);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].ruleId, "TPL001");
}

}  // namespace
