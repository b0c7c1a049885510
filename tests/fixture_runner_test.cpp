// Walks testdata/rules/<ID>/ and compares findings with the inline markers:
//   `# expect: IAM001` (YAML, Python) or `// expect: HDL001` (JS/TS/C++)
// on the line where the finding must land. JSON files, which have no
// comments, list `LINE: ID` pairs in a sidecar `<file>.expect`.
// Each fixture runs with its folder's rule selected (plus any rule its
// markers name); a missing or an unexpected finding fails the test.
// "Today" is pinned (kFixtureToday), so date-dependent rules such as runtime
// deprecation give the same findings whatever day the tests run.
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "commands/check.h"
#include "engine/rule.h"

namespace fs = std::filesystem;
using namespace lambdalint;

namespace {

const fs::path kRulesDir = fs::path(LAMBDALINT_SOURCE_DIR) / "testdata" / "rules";
constexpr std::string_view kFixtureToday = "2026-12-01";

std::string readFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

using Expectations = std::multiset<std::pair<uint32_t, std::string>>;

Expectations expectationsOf(const fs::path& file) {
  Expectations out;
  static const RE2 marker(R"((?:#|//)\s*expect:\s*([A-Z]{3}[0-9]{3}(?:\s*,\s*[A-Z]{3}[0-9]{3})*))");
  static const RE2 sidecar(R"(^\s*([0-9]+)\s*:\s*([A-Z]{3}[0-9]{3})\s*$)");
  static const RE2 id(R"(([A-Z]{3}[0-9]{3}))");
  fs::path expectFile = file.string() + ".expect";
  std::istringstream lines(readFile(fs::exists(expectFile) ? expectFile : file));
  std::string line;
  uint32_t number = 0;
  while (std::getline(lines, line)) {
    ++number;
    std::string ids;
    int sidecarLine = 0;
    if (fs::exists(expectFile) && RE2::FullMatch(line, sidecar, &sidecarLine, &ids)) {
      out.insert({static_cast<uint32_t>(sidecarLine), ids});
    } else if (RE2::PartialMatch(line, marker, &ids)) {
      re2::StringPiece rest(ids);
      std::string one;
      while (RE2::FindAndConsume(&rest, id, &one)) out.insert({number, one});
    }
  }
  return out;
}

struct Fixture {
  std::string rule;
  fs::path file;
};

std::vector<Fixture> allFixtures() {
  std::vector<Fixture> out;
  if (!fs::exists(kRulesDir)) return out;
  for (const auto& dir : fs::directory_iterator(kRulesDir)) {
    if (!dir.is_directory()) continue;
    for (const auto& f : fs::recursive_directory_iterator(dir.path())) {
      if (!f.is_regular_file() || f.path().extension() == ".expect") continue;
      out.push_back({dir.path().filename().string(), f.path()});
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.file < b.file; });
  return out;
}

// Shown by gtest/ctest instead of the object's bytes.
[[maybe_unused]] void PrintTo(const Fixture& f, std::ostream* os) { *os << fs::relative(f.file, kRulesDir).string(); }

class FixtureTest : public ::testing::TestWithParam<Fixture> {};

TEST_P(FixtureTest, FindingsMatchMarkers) {
  const Fixture& f = GetParam();
  Expectations expected = expectationsOf(f.file);
  RunOptions options;
  options.paths = {f.file.string()};
  options.select = {f.rule};
  for (const auto& [line, id] : expected) options.select.push_back(id);
  options.jobs = 1;
  options.today = parseDate(kFixtureToday);
  RunResult result = runCheck(options);
  Expectations actual;
  std::map<std::pair<uint32_t, std::string>, std::string> messages;
  // Only findings in the fixture itself: a template fixture also reaches its
  // handler files, which carry their own markers.
  std::error_code ec;
  const std::string self = fs::weakly_canonical(f.file, ec).string();
  for (const auto& d : result.diagnostics) {
    if (fs::weakly_canonical(d.location.path, ec).string() != self) continue;
    actual.insert({d.location.range.begin.line, d.ruleId});
    messages[{d.location.range.begin.line, d.ruleId}] = d.message;
  }
  for (const auto& e : expected) {
    EXPECT_GE(actual.count(e), expected.count(e)) << f.file.string() << ":" << e.first << ": missing " << e.second;
  }
  for (const auto& a : actual) {
    EXPECT_LE(actual.count(a), expected.count(a))
        << f.file.string() << ":" << a.first << ": unexpected " << a.second << ": " << messages[a];
  }
}

std::string fixtureName(const ::testing::TestParamInfo<Fixture>& info) {
  std::string name = fs::relative(info.param.file, kRulesDir).string();
  for (auto& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Rules, FixtureTest, ::testing::ValuesIn(allFixtures()), fixtureName);

// Every rule has fixtures that fire and fixtures that stay silent.
TEST(Fixtures, EveryRuleHasBadAndGoodCases) {
  for (const auto& rule : RuleRegistry::instance().rules()) {
    std::string id(rule->meta().id);
    bool bad = false, good = false;
    for (const auto& f : allFixtures()) {
      if (f.rule != id) continue;
      bool fires = false;
      for (const auto& e : expectationsOf(f.file)) fires = fires || e.second == id;
      (fires ? bad : good) = true;
    }
    // TPL005 internal-error fires only when lambdalint fails: tests/isolation_test.cpp makes workers fail on purpose.
    if (id != "TPL005") {
      EXPECT_TRUE(bad) << id << " has no fixture that must fire in testdata/rules/" << id;
    }
    EXPECT_TRUE(good) << id << " has no fixture that must stay silent in testdata/rules/" << id;
  }
}

// The runner itself must notice a wrong marker, or it proves nothing.
TEST(Fixtures, MarkersAreParsed) {
  fs::path tmp = fs::temp_directory_path() / "lambdalint-marker-test.yaml";
  std::ofstream(tmp) << "a: 1 # expect: IAM001, IAM003\n// expect: HDL001\nb: 2\n";
  Expectations e = expectationsOf(tmp);
  EXPECT_EQ(e.size(), 3u);
  EXPECT_EQ(e.count({1, "IAM001"}), 1u);
  EXPECT_EQ(e.count({1, "IAM003"}), 1u);
  EXPECT_EQ(e.count({2, "HDL001"}), 1u);
  fs::remove(tmp);
}

}  // namespace
