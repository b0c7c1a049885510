#pragma once
// One table from the names the AWS SDKs give a service to its IAM service prefix, for every frontend:
// JavaScript v2 class `StepFunctions`, v3 package `client-sfn`, boto3 `stepfunctions` and C++ namespace
// `SFN` all give `states`.
#include <string>
#include <string_view>

namespace lambdalint::iam {

// `sdkName` as the SDK spells it; case, '-', '_' and '.' do not matter. Renamed services come from
// data/sdk-services.json; any other name is the catalogue's prefix that equals it once hyphens are dropped
// (`CognitoSync` -> `cognito-sync`), else the name lower-cased and stripped of those characters.
std::string iamPrefixOfSdkService(std::string_view sdkName);

}  // namespace lambdalint::iam
