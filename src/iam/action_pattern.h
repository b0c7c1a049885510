#pragma once
// Helpers over IAM action patterns as written in policies, backed by the
// action catalogue.
#include <string>
#include <string_view>

namespace lambdalint::iam {

// "*" or "service:*".
bool isFullWildcard(std::string_view action);
std::string_view servicePrefix(std::string_view action);  // "s3" of "s3:GetObject"
bool hasWildcard(std::string_view action);

// "342 actions, including Permissions management and Write" for a pattern.
std::string describeExpansion(std::string_view pattern);
// True when some action the pattern matches can be scoped to resources
// (so Resource "*" grants more than necessary).
bool supportsResourceScoping(std::string_view pattern);

}  // namespace lambdalint::iam
