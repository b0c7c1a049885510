#pragma once
// SAM policy templates (`Policies: [S3ReadPolicy: {BucketName: !Ref B}]`)
// expanded to IAM statements from data/sam-policy-templates.json, which is
// embedded in the binary.
#include <string_view>
#include <vector>

#include "sam/permissions.h"

namespace lambdalint {

bool isPolicyTemplate(std::string_view name);
// `use` is the `{Name: {Param: value}}` mapping in Policies.
std::vector<Statement> expandPolicyTemplate(std::string_view name, const Node& use, const std::string& holderId);
std::string_view policyTemplatesVersion();

}  // namespace lambdalint
