// Checks lambdalint's table of SAM policy templates (data/sam-policy-templates.json) against the SAM
// translator's own definitions, kept as test-only reference data in testdata/reference/.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

json load(const fs::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  return json::parse(in);
}

bool isIntrinsic(const json& node) {
  if (!node.is_object() || node.size() != 1) return false;
  const std::string& key = node.begin().key();
  return key == "Ref" || key.starts_with("Fn::");
}

// Every combination of a prefix from `heads` followed by a suffix from `tails`.
std::vector<std::string> concat(const std::vector<std::string>& heads, const std::vector<std::string>& tails) {
  std::vector<std::string> out;
  for (const auto& head : heads)
    for (const auto& tail : tails) out.push_back(head + tail);
  return out;
}

std::vector<std::string> subForms(const json& node);

// Fn::Sub's variable map applied to its body; names not in the map (pseudo parameters, `${!literal}`) stay as written.
std::vector<std::string> substitute(const std::string& body, const json& vars) {
  std::vector<std::string> out{""};
  std::size_t pos = 0;
  for (;;) {
    const std::size_t open = body.find("${", pos);
    if (open == std::string::npos) return concat(out, {body.substr(pos)});
    const std::size_t close = body.find('}', open);
    if (close == std::string::npos) throw std::runtime_error("unterminated ${ in Fn::Sub: " + body);
    const std::string name = body.substr(open + 2, close - open - 2);
    if (vars.contains(name)) {
      out = concat(concat(out, {body.substr(pos, open - pos)}), subForms(vars.at(name)));
    } else {
      out = concat(out, {body.substr(pos, close + 1 - pos)});
    }
    pos = close + 1;
  }
}

// Every Fn::Sub string a reference value can evaluate to. Fn::If yields both branches because our table keeps one
// of them; AWS::NoValue yields nothing, so the non-empty branch is the only candidate.
std::vector<std::string> subForms(const json& node) {
  if (node.is_string()) return {node.get<std::string>()};
  if (!isIntrinsic(node)) throw std::runtime_error("not a string or intrinsic: " + node.dump());
  const std::string& fn = node.begin().key();
  const json& arg = node.begin().value();
  if (fn == "Ref") {
    if (arg == "AWS::NoValue") return {};
    return {"${" + arg.get<std::string>() + "}"};
  }
  if (fn == "Fn::Sub") {
    if (arg.is_string()) return {arg.get<std::string>()};
    return substitute(arg.at(0).get<std::string>(), arg.at(1));
  }
  if (fn == "Fn::Join") {
    const std::string delimiter = arg.at(0).get<std::string>();
    std::vector<std::string> out{""};
    bool first = true;
    for (const json& part : arg.at(1)) {
      if (!first) out = concat(out, {delimiter});
      out = concat(out, subForms(part));
      first = false;
    }
    return out;
  }
  if (fn == "Fn::If") {
    std::vector<std::string> out = subForms(arg.at(1));
    std::ranges::copy(subForms(arg.at(2)), std::back_inserter(out));
    return out;
  }
  throw std::runtime_error("intrinsic not expressible as a Sub string: " + node.dump());
}

// The reference value with each intrinsic rewritten as a Sub string. `ours` is the matching part of our table:
// where Fn::If leaves a choice it picks our branch, so only a value that matches no branch shows up as a difference.
json normalise(const json& ref, const json& ours) {
  if (isIntrinsic(ref)) {
    const std::vector<std::string> forms = subForms(ref);
    if (forms.empty()) throw std::runtime_error("intrinsic has no value: " + ref.dump());
    if (ours.is_string() && std::ranges::find(forms, ours.get<std::string>()) != forms.end()) return ours;
    return forms.front();
  }
  if (ref.is_object()) {
    json out = json::object();
    for (const auto& [key, value] : ref.items())
      out[key] = normalise(value, ours.is_object() && ours.contains(key) ? ours.at(key) : json());
    return out;
  }
  if (ref.is_array()) {
    json out = json::array();
    for (std::size_t i = 0; i < ref.size(); ++i)
      out.push_back(normalise(ref[i], ours.is_array() && i < ours.size() ? ours[i] : json()));
    return out;
  }
  return ref;
}

// IAM allows a single Action or Resource instead of a list; our table always uses lists.
json asList(const json& value) { return value.is_array() ? value : json::array({value}); }

class SamPolicyTemplates : public ::testing::Test {
 protected:
  void SetUp() override {
    const fs::path reference = fs::path(LAMBDALINT_SOURCE_DIR) / "testdata" / "reference" / "sam-policy-templates.json";
    ref_ = load(reference).at("Templates");
    ours_ = load(fs::path(LAMBDALINT_SOURCE_DIR) / "data" / "sam-policy-templates.json").at("templates");
  }

  json ref_;
  json ours_;
};

TEST_F(SamPolicyTemplates, SameTemplateNames) {
  std::set<std::string> refNames;
  std::set<std::string> ourNames;
  for (const auto& [name, _] : ref_.items()) refNames.insert(name);
  for (const auto& [name, _] : ours_.items()) ourNames.insert(name);
  EXPECT_EQ(ourNames, refNames);
  EXPECT_EQ(ourNames.size(), 81u);
}

TEST_F(SamPolicyTemplates, SameDefinitions) {
  const std::set<std::string> ourStatementKeys{"effect", "actions", "resources", "condition", "note"};
  const std::set<std::string> refStatementKeys{"Effect", "Action", "Resource", "Condition"};
  for (const auto& [name, refTemplate] : ref_.items()) {
    SCOPED_TRACE(name);
    if (!ours_.contains(name)) continue;  // reported by SameTemplateNames
    const json& ourTemplate = ours_.at(name);

    std::vector<std::string> refParams;
    for (const auto& [param, _] : refTemplate.at("Parameters").items()) refParams.push_back(param);
    auto ourParams = ourTemplate.at("parameters").get<std::vector<std::string>>();
    std::ranges::sort(ourParams);
    std::ranges::sort(refParams);
    EXPECT_EQ(ourParams, refParams);

    const json& refStatements = refTemplate.at("Definition").at("Statement");
    const json& ourStatements = ourTemplate.at("statements");
    ASSERT_EQ(ourStatements.size(), refStatements.size());
    for (std::size_t i = 0; i < refStatements.size(); ++i) {
      SCOPED_TRACE("statement " + std::to_string(i));
      const json& refStatement = refStatements[i];
      const json& ourStatement = ourStatements[i];

      // A reference key we do not model (NotAction, Principal, ...) would otherwise be silently dropped.
      for (const auto& [key, _] : refStatement.items())
        EXPECT_TRUE(refStatementKeys.contains(key)) << "reference key not modelled: " << key;
      for (const auto& [key, value] : ourStatement.items()) {
        EXPECT_TRUE(ourStatementKeys.contains(key)) << "unknown key: " << key;
        EXPECT_FALSE(value.is_null()) << "optional keys are omitted, not null: " << key;
      }

      ASSERT_TRUE(ourStatement.contains("effect"));
      EXPECT_EQ(ourStatement.at("effect"), refStatement.at("Effect"));
      EXPECT_EQ(ourStatement.value("actions", json()), asList(refStatement.at("Action")));

      const json ourResources = ourStatement.value("resources", json());
      EXPECT_EQ(ourResources, normalise(asList(refStatement.at("Resource")), ourResources));

      ASSERT_EQ(ourStatement.contains("condition"), refStatement.contains("Condition"));
      if (refStatement.contains("Condition")) {
        const json& ourCondition = ourStatement.at("condition");
        EXPECT_EQ(ourCondition, normalise(refStatement.at("Condition"), ourCondition));
      }
    }
  }
}

// The normaliser itself, on the intrinsic forms the reference data does not currently use.
TEST(SamPolicyNormalise, IntrinsicForms) {
  const json join = json::parse(R"({"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":s3:::", {"Ref": "B"}]]})");
  EXPECT_EQ(normalise(join, json()), "arn:${AWS::Partition}:s3:::${B}");

  const json sub = json::parse(R"({"Fn::Sub": ["${a}/${!b}/${AWS::Region}", {"a": {"Ref": "A"}}]})");
  EXPECT_EQ(normalise(sub, json()), "${A}/${!b}/${AWS::Region}");

  const json choice = json::parse(R"({"Fn::If": ["IsEmpty", {"Ref": "AWS::NoValue"}, {"Fn::Sub": "arn:x:${Name}"}]})");
  EXPECT_EQ(normalise(choice, json()), "arn:x:${Name}");

  const json branches = json::parse(R"({"Fn::If": ["C", "left", "right"]})");
  EXPECT_EQ(normalise(branches, "right"), "right");
  EXPECT_EQ(normalise(branches, "neither"), "left");

  EXPECT_THROW(subForms(json::parse(R"({"Fn::GetAtt": ["R", "Arn"]})")), std::runtime_error);
}

}  // namespace
