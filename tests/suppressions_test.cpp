// Suppressions remove exactly the findings they name, where they say.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "commands/check.h"

namespace fs = std::filesystem;
using namespace lambdalint;

namespace {

std::vector<Diagnostic> checkText(const std::string& text) {
  fs::path file = fs::temp_directory_path() / "lambdalint-suppressions-test.yaml";
  std::ofstream(file) << text;
  RunOptions options;
  options.paths = {file.string()};
  options.select = {"IAM", "TPL"};
  RunResult r = runCheck(options);
  fs::remove(file);
  return r.diagnostics;
}

std::multiset<std::pair<uint32_t, std::string>> found(const std::vector<Diagnostic>& ds) {
  std::multiset<std::pair<uint32_t, std::string>> out;
  for (const auto& d : ds) out.insert({d.location.range.begin.line, d.ruleId});
  return out;
}

const char* kTemplate = R"(AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Quiet:
    Type: AWS::Serverless::Function
    Metadata:
      lambdalint:
        ignore: [IAM003]
    Properties:
      Handler: a.b
      Runtime: python3.12
      Policies: [AdministratorAccess]
  Loud:
    Type: AWS::Serverless::Function
    Properties:
      Handler: a.b
      Runtime: python3.12
      Policies:
        - AdministratorAccess
        - Statement:
            - Effect: Allow
              # lambdalint-ignore IAM001 needs every queue action
              Action: sqs:*
              Resource: !GetAtt Q.Arn
            - Effect: Allow
              Action: sns:*  # lambdalint-ignore iam-wildcard-action
              Resource: !Ref T
            - Effect: Allow
              Action: kms:*
              Resource: !GetAtt K.Arn
  Q: {Type: AWS::SQS::Queue}
  T: {Type: AWS::SNS::Topic}
  K: {Type: AWS::KMS::Key}
)";

TEST(Suppressions, ResourceMetadataAndCommentsSilenceOnlyWhatTheyName) {
  auto f = found(checkText(kTemplate));
  EXPECT_EQ(f, (std::multiset<std::pair<uint32_t, std::string>>{{19, "IAM003"}, {29, "IAM001"}}));
}

TEST(Suppressions, TemplateMetadataSilencesTheWholeFile) {
  std::string text = kTemplate;
  text.insert(text.find("Resources:"), "Metadata:\n  lambdalint:\n    ignore: [IAM001, iam-admin-access]\n");
  EXPECT_TRUE(checkText(text).empty());
}

TEST(Suppressions, UnknownIdsAreReportedAndSuppressNothing) {
  std::string text = kTemplate;
  text.replace(text.find("ignore: [IAM003]"), 16, "ignore: [IAM033]");
  auto f = found(checkText(text));
  EXPECT_EQ(f.count({8, "TPL004"}), 1u);
  EXPECT_EQ(f.count({12, "IAM003"}), 1u);
}

}  // namespace
