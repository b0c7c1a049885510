// SDK operations map to the IAM actions AWS checks for them.
#include "iam/sdk_actions.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "iam/catalog.h"
#include "util/embedded.h"

using namespace lambdalint;

namespace {

std::vector<std::string> names(const std::vector<iam::RequiredAction>& actions) {
  std::vector<std::string> out;
  for (const auto& a : actions) out.push_back(a.action);
  return out;
}

TEST(SdkActions, SameNameIsTheRule) {
  auto put = iam::actionsForOperation("s3", "PutObject");
  ASSERT_EQ(put.size(), 1u);
  EXPECT_EQ(put[0].action, "s3:PutObject");
  EXPECT_TRUE(put[0].onObjects);
  EXPECT_EQ(names(iam::actionsForOperation("dynamodb", "PutItem")), std::vector<std::string>{"dynamodb:PutItem"});
  EXPECT_EQ(names(iam::actionsForOperation("states", "StartExecution")),
            std::vector<std::string>{"states:StartExecution"});
  // boto3's snake_case loses acronym capitals: the catalogue lookup is case-insensitive.
  EXPECT_EQ(names(iam::actionsForOperation("rds", "DescribeDbInstances")),
            std::vector<std::string>{"rds:DescribeDBInstances"});
  EXPECT_TRUE(iam::actionsForOperation("s3", "NotAnOperation").empty());
}

TEST(SdkActions, ExceptionsComeFromTheData) {
  auto list = iam::actionsForOperation("s3", "ListObjectsV2");
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].action, "s3:ListBucket");
  EXPECT_FALSE(list[0].onObjects);
  EXPECT_EQ(names(iam::actionsForOperation("s3", "HeadObject")), std::vector<std::string>{"s3:GetObject"});
  EXPECT_EQ(names(iam::actionsForOperation("lambda", "Invoke")), std::vector<std::string>{"lambda:InvokeFunction"});
  EXPECT_EQ(names(iam::actionsForOperation("sqs", "SendMessageBatch")), std::vector<std::string>{"sqs:SendMessage"});
  EXPECT_EQ(iam::actionsForOperation("dynamodb", "TransactWriteItems").size(), 4u);
}

TEST(SdkActions, EveryExceptionNamesARealAction) {
  auto data = nlohmann::json::parse(embeddedData("sdk-iam-actions"));
  size_t n = 0;
  for (const auto& [service, ops] : data["exceptions"].items()) {
    for (const auto& [op, actions] : ops.items()) {
      for (const auto& a : actions) {
        ++n;
        EXPECT_NE(iam::Catalog::get().find(a.get<std::string>()), nullptr) << service << " " << op << ": " << a;
      }
    }
  }
  EXPECT_GT(n, 20u);
}

}  // namespace
