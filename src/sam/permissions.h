#pragma once
// Everything that reaches a function's execution role, as the SAM stage finds
// it: SAM Policies (policy templates, inline documents, managed policy names)
// and the role SAM creates, or a template role with its inline policies,
// managed policy ARNs and the AWS::IAM::Policy resources attached to it.
// Values stay in Fn::Sub form (template/flat_value.h).
#include <string>
#include <vector>

#include "template/flat_value.h"
#include "template/node.h"

namespace lambdalint {

enum class StatementSource {
  Written,         // a policy document in this template
  PolicyTemplate,  // expanded from a SAM policy template
  ManagedPolicy,   // from an AWS managed policy's document
};

struct Statement {
  StatementSource source = StatementSource::Written;
  bool allow = true;
  bool notAction = false;
  bool notResource = false;
  std::vector<FlatValue> actions;
  std::vector<FlatValue> resources;
  const Node* node = nullptr;       // the statement, or the policy template / managed policy reference
  const Node* condition = nullptr;  // kept, not evaluated
  bool conditional = false;         // has a Condition (also for managed policies and policy templates, whose
                                    // conditions have no node in this template)
  std::string origin;               // e.g. "inline policy", "policy template S3ReadPolicy", "managed policy X"
  std::string holderId;             // resource holding the statement (function, role, policy)
};

struct ManagedPolicyAttachment {
  std::string name;  // AdministratorAccess, service-role/AWSLambdaBasicExecutionRole, or the ARN if not AWS managed
  FlatValue arn;
  const Node* node = nullptr;  // null for policies SAM adds implicitly
  std::string holderId;
  bool implicit = false;  // added by SAM, not written by the author
};

struct PermissionSet {
  std::vector<Statement> statements;
  std::vector<ManagedPolicyAttachment> managed;
  // False when some permissions are outside what we can read (external role,
  // customer managed policy by ARN, intrinsic we cannot flatten).
  bool complete = true;
};

}  // namespace lambdalint
