#pragma once
// From an SDK operation the handler calls to the IAM actions it needs:
// `s3` + `PutObject` -> s3:PutObject, `s3` + `ListObjectsV2` -> s3:ListBucket.
// The rule is the action of the same name in the catalogue; the exceptions
// are data (data/sdk-iam-actions.json, embedded).
#include <string>
#include <string_view>
#include <vector>

namespace lambdalint::iam {

struct RequiredAction {
  std::string action;      // "s3:PutObject", as spelled in the catalogue
  bool onObjects = false;  // the action acts on objects in a bucket (`bucket/*`), not the bucket
};

// Empty when the operation maps to no known IAM action.
std::vector<RequiredAction> actionsForOperation(std::string_view service, std::string_view operation);

}  // namespace lambdalint::iam
