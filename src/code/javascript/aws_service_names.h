#pragma once
// Names the AWS SDK for JavaScript gives a service (v2 class `StepFunctions`,
// v3 package `@aws-sdk/client-sfn`) mapped to the IAM service prefix
// (`states`) through the one table of iam/sdk_services.h.
#include <string>
#include <string_view>

namespace lambdalint::code {

// `S3`, `DynamoDB`, `StepFunctions`, `CloudWatchLogs` (v2 class names, as in
// `new AWS.StepFunctions()` or `aws-sdk/clients/stepfunctions`).
std::string iamPrefixForV2Class(std::string_view className);

// `s3`, `dynamodb`, `sfn`, `cloudwatch-logs` (the part after
// `@aws-sdk/client-`).
std::string iamPrefixForV3Package(std::string_view packageSuffix);

// True for v2 exports of `aws-sdk` that are not service clients
// (`Config`, `Endpoint`, `SharedIniFileCredentials`, ...).
bool isV2NonServiceClass(std::string_view className);

}  // namespace lambdalint::code
