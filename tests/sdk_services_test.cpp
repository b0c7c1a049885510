// Every SDK's name for a service maps to its IAM prefix through one table.
#include "iam/sdk_services.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "iam/catalog.h"
#include "util/embedded.h"

using namespace lambdalint;

namespace {

TEST(SdkServices, EverySdkSpellingOfStepFunctions) {
  EXPECT_EQ(iam::iamPrefixOfSdkService("StepFunctions"), "states");  // JavaScript v2 class
  EXPECT_EQ(iam::iamPrefixOfSdkService("sfn"), "states");            // v3 package client-sfn
  EXPECT_EQ(iam::iamPrefixOfSdkService("stepfunctions"), "states");  // boto3
  EXPECT_EQ(iam::iamPrefixOfSdkService("SFN"), "states");            // C++ namespace
}

TEST(SdkServices, HyphenatedPrefixesComeFromTheCatalogue) {
  // Not in data/sdk-services.json: the catalogue's `cognito-sync` and `ssm-incidents` match once their
  // hyphens are dropped, whichever way the SDK spells the name.
  EXPECT_EQ(iam::iamPrefixOfSdkService("CognitoSync"), "cognito-sync");
  EXPECT_EQ(iam::iamPrefixOfSdkService("cognito-sync"), "cognito-sync");
  EXPECT_EQ(iam::iamPrefixOfSdkService("ssm-incidents"), "ssm-incidents");
  EXPECT_EQ(iam::iamPrefixOfSdkService("SSMIncidents"), "ssm-incidents");
  EXPECT_EQ(iam::iamPrefixOfSdkService("cognito-idp"), "cognito-idp");
  EXPECT_EQ(iam::iamPrefixOfSdkService("rds-data"), "rds-data");
}

TEST(SdkServices, SameNameServices) {
  EXPECT_EQ(iam::iamPrefixOfSdkService("S3"), "s3");
  EXPECT_EQ(iam::iamPrefixOfSdkService("DynamoDB"), "dynamodb");
  EXPECT_EQ(iam::iamPrefixOfSdkService("secretsmanager"), "secretsmanager");
  EXPECT_EQ(iam::iamPrefixOfSdkService("S3Crt"), "s3");
  EXPECT_EQ(iam::iamPrefixOfSdkService("CloudWatchLogs"), "logs");
  EXPECT_EQ(iam::iamPrefixOfSdkService("iot-data"), "iot");
  EXPECT_EQ(iam::iamPrefixOfSdkService("apigatewayv2"), "apigateway");
}

TEST(SdkServices, UnknownNamesComeBackNormalised) {
  EXPECT_EQ(iam::iamPrefixOfSdkService("No-Such_Service.X"), "nosuchservicex");
  EXPECT_EQ(iam::iamPrefixOfSdkService(""), "");
}

// Every rename's target is a service prefix the catalogue knows, and every key is in normalised form.
TEST(SdkServices, RenamesPointAtRealPrefixes) {
  const auto data = nlohmann::json::parse(embeddedData("sdk-services"));
  ASSERT_FALSE(data.at("renamed").empty());
  for (const auto& [name, prefix] : data.at("renamed").items()) {
    EXPECT_TRUE(iam::Catalog::get().hasService(prefix.get<std::string>())) << name << " -> " << prefix;
    EXPECT_EQ(name.find_first_of("-_.ABCDEFGHIJKLMNOPQRSTUVWXYZ"), std::string::npos) << name;
    EXPECT_EQ(iam::iamPrefixOfSdkService(name), prefix.get<std::string>());
  }
}

}  // namespace
