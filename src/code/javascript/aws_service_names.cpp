#include "code/javascript/aws_service_names.h"

#include <algorithm>
#include <array>

#include "iam/sdk_services.h"

namespace lambdalint::code {

std::string iamPrefixForV2Class(std::string_view className) { return iam::iamPrefixOfSdkService(className); }

std::string iamPrefixForV3Package(std::string_view packageSuffix) { return iam::iamPrefixOfSdkService(packageSuffix); }

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
