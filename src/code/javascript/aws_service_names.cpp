#include "code/javascript/aws_service_names.h"

#include <algorithm>
#include <array>
#include <utility>

namespace lambdalint::code {
namespace {

// Lower-case, hyphen-free SDK name → IAM prefix, where the two differ.
// Sorted by key (binary search).
constexpr std::array<std::pair<std::string_view, std::string_view>, 53> kPrefixes{{
    {"apigatewaymanagementapi", "execute-api"},
    {"appconfigdata", "appconfig"},
    {"applicationautoscaling", "application-autoscaling"},
    {"bedrockagentruntime", "bedrock"},
    {"bedrockruntime", "bedrock"},
    {"chimesdkmessaging", "chime"},
    {"cloudwatchevents", "events"},
    {"cloudwatchlogs", "logs"},
    {"cognitoidentity", "cognito-identity"},
    {"cognitoidentityprovider", "cognito-idp"},
    {"cognitoidentityserviceprovider", "cognito-idp"},
    {"configservice", "config"},
    {"costexplorer", "ce"},
    {"docdb", "rds"},
    {"dynamodbstreams", "dynamodb"},
    {"ecrpublic", "ecr-public"},
    {"efs", "elasticfilesystem"},
    {"elasticloadbalancingv2", "elasticloadbalancing"},
    {"elasticsearchservice", "es"},
    {"elb", "elasticloadbalancing"},
    {"elbv2", "elasticloadbalancing"},
    {"emr", "elasticmapreduce"},
    {"eventbridge", "events"},
    {"iotdata", "iot"},
    {"iotdataplane", "iot"},
    {"keyspaces", "cassandra"},
    {"kinesisvideoarchivedmedia", "kinesisvideo"},
    {"kinesisvideomedia", "kinesisvideo"},
    {"lexruntime", "lex"},
    {"lexruntimeservice", "lex"},
    {"lexruntimev2", "lex"},
    {"location", "geo"},
    {"marketplacemetering", "aws-marketplace"},
    {"mediastoredata", "mediastore"},
    {"mwaa", "airflow"},
    {"neptune", "rds"},
    {"opensearch", "es"},
    {"personalizeevents", "personalize"},
    {"personalizeruntime", "personalize"},
    {"pinpoint", "mobiletargeting"},
    {"pinpointsmsvoicev2", "sms-voice"},
    {"rdsdata", "rds-data"},
    {"rdsdataservice", "rds-data"},
    {"redshiftdata", "redshift-data"},
    {"resourcegroupstaggingapi", "tag"},
    {"s3control", "s3"},
    {"sagemakerruntime", "sagemaker"},
    {"sesv2", "ses"},
    {"sfn", "states"},
    {"ssooidc", "sso-oauth"},
    {"stepfunctions", "states"},
    {"timestreamquery", "timestream"},
    {"timestreamwrite", "timestream"},
}};

static_assert(std::is_sorted(kPrefixes.begin(), kPrefixes.end()), "kPrefixes must be sorted by key");

std::string normalize(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char c : name) {
    if (c == '-' || c == '_' || c == '.') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::string lookup(std::string_view name) {
  std::string key = normalize(name);
  auto it = std::lower_bound(kPrefixes.begin(), kPrefixes.end(), key,
                             [](const auto& entry, const std::string& k) { return entry.first < k; });
  if (it != kPrefixes.end() && it->first == key) return std::string(it->second);
  return key;
}

}  // namespace

std::string iamPrefixForV2Class(std::string_view className) { return lookup(className); }

std::string iamPrefixForV3Package(std::string_view packageSuffix) { return lookup(packageSuffix); }

bool isV2NonServiceClass(std::string_view className) {
  static constexpr std::array<std::string_view, 22> kNonService{
      "Config",         "Endpoint",           "Credentials",    "CredentialProviderChain", "Service", "Request",
      "Response",       "HttpRequest",        "HttpResponse",   "MetadataService",         "Signers", "NodeHttpClient",
      "XHRClient",      "SequentialExecutor", "EventListeners", "ParamValidator",          "Param",   "util",
      "ResourceWaiter", "IniLoader",          "Token",          "TokenProviderChain"};
  if (className.empty() || !(className[0] >= 'A' && className[0] <= 'Z')) return true;
  if (className.size() > 11 && className.ends_with("Credentials")) return true;
  return std::find(kNonService.begin(), kNonService.end(), className) != kNonService.end();
}

}  // namespace lambdalint::code
