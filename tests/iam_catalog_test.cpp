#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "iam/catalog.h"
#include "iam/managed_policies.h"

namespace lambdalint::iam {
namespace {

using ::testing::Contains;
using ::testing::Each;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::StartsWith;

std::vector<std::string_view> names(const std::vector<const ActionInfo*>& actions) {
  std::vector<std::string_view> result;
  for (const ActionInfo* action : actions) result.push_back(action->qualifiedName);
  return result;
}

const Catalog& catalog() { return Catalog::get(); }

TEST(IamCatalog, GetObjectIsReadOnObjects) {
  const ActionInfo* action = catalog().find("s3:GetObject");
  ASSERT_NE(action, nullptr);
  EXPECT_EQ(action->qualifiedName, "s3:GetObject");
  EXPECT_EQ(action->service, "s3");
  EXPECT_EQ(action->name, "GetObject");
  EXPECT_EQ(action->accessLevel, AccessLevel::Read);
  EXPECT_THAT(action->resourceTypes, Contains(Field(&ActionResourceType::name, "object")));
  const auto object = std::find_if(action->resourceTypes.begin(), action->resourceTypes.end(),
                                   [](const ActionResourceType& r) { return r.name == "object"; });
  ASSERT_NE(object, action->resourceTypes.end());
  ASSERT_NE(object->info, nullptr);
  EXPECT_EQ(object->info->service, "s3");
  EXPECT_THAT(object->info->arnFormats, Contains(StartsWith("arn:${Partition}:s3:::")));
}

TEST(IamCatalog, DescribeInstancesSupportsOnlyStar) {
  const ActionInfo* action = catalog().find("ec2:DescribeInstances");
  ASSERT_NE(action, nullptr);
  EXPECT_EQ(action->accessLevel, AccessLevel::List);
  EXPECT_TRUE(action->resourceTypes.empty());
}

TEST(IamCatalog, FindIsCaseInsensitive) {
  const ActionInfo* exact = catalog().find("s3:GetObject");
  EXPECT_EQ(catalog().find("S3:getobject"), exact);
  EXPECT_EQ(catalog().find("s3:GETOBJECT"), exact);
  EXPECT_TRUE(catalog().hasService("S3"));
  EXPECT_TRUE(catalog().hasService("lambda"));
  EXPECT_FALSE(catalog().hasService("s4"));
}

TEST(IamCatalog, UnknownActionGetsSuggestion) {
  EXPECT_EQ(catalog().find("s3:GetObjects"), nullptr);
  EXPECT_EQ(catalog().find("s3:"), nullptr);
  EXPECT_EQ(catalog().find("s3:*"), nullptr);
  EXPECT_EQ(catalog().find(""), nullptr);
  const auto suggestions = catalog().nearest("s3:GetObjects", 3);
  ASSERT_FALSE(suggestions.empty());
  EXPECT_EQ(suggestions.front(), "s3:GetObject");
  EXPECT_LE(suggestions.size(), 3u);
}

TEST(IamCatalog, NearestHandlesTranspositionAndWrongService) {
  ASSERT_FALSE(catalog().nearest("s3:GetObejct", 1).empty());
  EXPECT_EQ(catalog().nearest("s3:GetObejct", 1).front(), "s3:GetObject");
  EXPECT_EQ(catalog().nearest("lambda:invokefunctoin", 1).front(), "lambda:InvokeFunction");
  EXPECT_TRUE(catalog().nearest("zzzzzzzz:Qqqqqqqqqqqq", 5).empty());
  EXPECT_TRUE(catalog().nearest("s3:GetObject", 0).empty());
}

TEST(IamCatalog, ExpandServiceWildcard) {
  const auto actions = catalog().expand("s3:*");
  EXPECT_GT(actions.size(), 100u);
  EXPECT_THAT(actions, Each(Field(&ActionInfo::service, "s3")));
  EXPECT_EQ(actions.size(), catalog().actionsOf("s3").size());
  const ActionInfo* putBucketPolicy = catalog().find("s3:PutBucketPolicy");
  ASSERT_NE(putBucketPolicy, nullptr);
  EXPECT_EQ(putBucketPolicy->accessLevel, AccessLevel::PermissionsManagement);
  EXPECT_THAT(actions, Contains(putBucketPolicy));
}

TEST(IamCatalog, ExpandPrefixWildcardMatchesOnlyThatPrefix) {
  const auto actions = catalog().expand("s3:Get*");
  ASSERT_FALSE(actions.empty());
  EXPECT_THAT(names(actions), Each(StartsWith("s3:Get")));
  EXPECT_THAT(names(actions), Contains("s3:GetObject"));
  EXPECT_EQ(catalog().expand("S3:get*").size(), actions.size());
}

TEST(IamCatalog, ExpandSuffixQuestionMarkAndEverything) {
  const auto objects = names(catalog().expand("s3:*Object"));
  EXPECT_THAT(objects, Contains("s3:GetObject"));
  EXPECT_THAT(objects, Contains("s3:PutObject"));
  EXPECT_THAT(objects, Contains("s3:DeleteObject"));
  for (std::string_view name : objects) EXPECT_TRUE(name.ends_with("Object")) << name;

  // '?' is exactly one character: "s3:?etObject" is GetObject, never "s3:etObject" or "s3:GGetObject".
  EXPECT_EQ(names(catalog().expand("s3:?etObject")), std::vector<std::string_view>{"s3:GetObject"});
  EXPECT_EQ(names(catalog().expand("s3:GetObjec?")), std::vector<std::string_view>{"s3:GetObject"});
  EXPECT_TRUE(catalog().expand("s3:GetObject?").empty());

  EXPECT_EQ(catalog().expand("*").size(), catalog().actions().size());
  EXPECT_THAT(names(catalog().expand("*:GetObject")), Contains("s3:GetObject"));
  EXPECT_TRUE(catalog().expand("nosuchservice:*").empty());
}

TEST(IamCatalog, ResourceTypeLookup) {
  const ResourceTypeInfo* bucket = catalog().resourceType("s3", "bucket");
  ASSERT_NE(bucket, nullptr);
  EXPECT_EQ(bucket->name, "bucket");
  ASSERT_FALSE(bucket->arnFormats.empty());
  EXPECT_EQ(bucket->arnFormats.front(), "arn:${Partition}:s3:::${BucketName}");
  EXPECT_EQ(catalog().resourceType("s3", "nosuchtype"), nullptr);
  EXPECT_EQ(catalog().resourceType("nosuchservice", "bucket"), nullptr);
}

TEST(IamCatalog, AccessLevelNamesAndVersion) {
  EXPECT_EQ(to_string(AccessLevel::PermissionsManagement), "Permissions management");
  EXPECT_EQ(to_string(AccessLevel::Tagging), "Tagging");
  const ActionInfo* tagRole = catalog().find("iam:TagRole");
  ASSERT_NE(tagRole, nullptr);
  EXPECT_EQ(tagRole->accessLevel, AccessLevel::Tagging);
  EXPECT_FALSE(catalog().dataVersion().empty());
  EXPECT_FALSE(managedPoliciesVersion().empty());
}

TEST(ManagedPolicies, FindByName) {
  const ManagedPolicy* policy = findManagedPolicy("AdministratorAccess");
  ASSERT_NE(policy, nullptr);
  EXPECT_EQ(policy->name, "AdministratorAccess");
  EXPECT_EQ(policy->arn, "arn:aws:iam::aws:policy/AdministratorAccess");
  EXPECT_EQ(policy->path, "/");
  EXPECT_THAT(std::string(policy->document), HasSubstr(R"("Action":"*")"));
  EXPECT_EQ(findManagedPolicy("administratoraccess"), policy);
}

TEST(ManagedPolicies, FindByArnInAnyPartition) {
  const ManagedPolicy* policy = findManagedPolicy("arn:aws:iam::aws:policy/AdministratorAccess");
  ASSERT_NE(policy, nullptr);
  EXPECT_EQ(policy->name, "AdministratorAccess");
  EXPECT_EQ(findManagedPolicy("arn:aws-cn:iam::aws:policy/AdministratorAccess"), policy);
  EXPECT_EQ(findManagedPolicy("arn:aws-us-gov:iam::aws:policy/AdministratorAccess"), policy);
  EXPECT_EQ(findManagedPolicy("arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess"), policy);
}

TEST(ManagedPolicies, FindByPartitionPseudoParameterArnWithPath) {
  const ManagedPolicy* policy =
      findManagedPolicy("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
  ASSERT_NE(policy, nullptr);
  EXPECT_EQ(policy->name, "AWSLambdaBasicExecutionRole");
  EXPECT_EQ(policy->path, "/service-role/");
  EXPECT_THAT(std::string(policy->document), HasSubstr("logs:CreateLogGroup"));
  EXPECT_EQ(findManagedPolicy("AWSLambdaBasicExecutionRole"), policy);
}

TEST(ManagedPolicies, UnknownOrMalformedReturnsNull) {
  EXPECT_EQ(findManagedPolicy("NoSuchPolicyAnywhere"), nullptr);
  EXPECT_EQ(findManagedPolicy(""), nullptr);
  EXPECT_EQ(findManagedPolicy("arn:aws:iam::aws:policy/NoSuchPolicyAnywhere"), nullptr);
  // The path is part of the ARN: IAM rejects the basic execution role without "service-role/".
  EXPECT_EQ(findManagedPolicy("arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole"), nullptr);
  // A customer-managed ARN (account id instead of "aws") is not an AWS managed policy.
  EXPECT_EQ(findManagedPolicy("arn:aws:iam::123456789012:policy/AdministratorAccess"), nullptr);
  EXPECT_EQ(findManagedPolicy("arn:bogus:iam::aws:policy/AdministratorAccess"), nullptr);
  EXPECT_EQ(findManagedPolicy("service-role/AWSLambdaBasicExecutionRole"), nullptr);
}

TEST(ManagedPolicies, TableIsSortedAndDocumentsAreMinified) {
  const auto policies = managedPolicies();
  EXPECT_GT(policies.size(), 1000u);
  const auto lower = [](std::string_view text) {
    std::string result(text);
    for (char& c : result) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return result;
  };
  EXPECT_TRUE(std::is_sorted(policies.begin(), policies.end(), [&](const ManagedPolicy& a, const ManagedPolicy& b) {
    return lower(a.name) < lower(b.name);
  }));
  for (const ManagedPolicy& policy : policies) {
    EXPECT_TRUE(policy.arn.ends_with(policy.name)) << policy.arn;
    EXPECT_TRUE(policy.document.starts_with("{")) << policy.name;
    EXPECT_EQ(policy.document.find('\n'), std::string_view::npos) << policy.name;
  }
}

}  // namespace
}  // namespace lambdalint::iam
