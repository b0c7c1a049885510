#pragma once
// Statements of a policy document held as JSON text (an AWS managed policy's
// default version), for the SAM expansion and the policy evaluator.
#include <string>
#include <string_view>
#include <vector>

#include "sam/permissions.h"

namespace lambdalint {

// One Statement per entry of the document's Statement (an object or a list), source ManagedPolicy, every value
// positioned at `at` (the attachment, or null for policies SAM adds implicitly). Empty if the JSON is invalid.
std::vector<Statement> statementsFromJson(std::string_view json, const Node* at, const std::string& origin,
                                          const std::string& holderId);

}  // namespace lambdalint
