#pragma once
// The SAM stage: a parsed template as CloudFormation deploys it once SAM's
// transform is applied, as far as lambdalint reads it. Every resource as
// written; every Lambda function (AWS::Serverless::Function with Globals
// merged in, or AWS::Lambda::Function) with the event sources that invoke it
// and the permissions that reach its role; every identity-policy statement the
// template writes. Nodes point into the parsed document, which must outlive the
// expansion (model/app_model.h keeps both together).
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sam/event_sources.h"
#include "sam/permissions.h"
#include "template/node.h"

namespace lambdalint {

struct Resource {
  std::string id;
  std::string type;
  const Node* keyNode = nullptr;     // the logical id as written
  const Node* node = nullptr;        // the resource mapping
  const Node* properties = nullptr;  // may be null
  const Node* metadata = nullptr;    // may be null

  const Node* property(std::string_view key) const { return properties ? properties->get(key) : nullptr; }
};

struct Function {
  std::string id;
  const Resource* resource = nullptr;
  bool sam = false;             // AWS::Serverless::Function (Globals merged) vs AWS::Lambda::Function
  std::unique_ptr<Node> props;  // properties, Globals merged for SAM; positions point into the template

  const Node* property(std::string_view key) const { return props ? props->get(key) : nullptr; }

  std::string runtime;  // empty for images or intrinsics
  std::string handler;
  std::optional<long long> timeout;  // seconds, when written (default 3)
  std::optional<long long> memorySize;
  std::optional<long long> reservedConcurrency;
  bool tracingActive = false;
  const Node* deadLetterTarget = nullptr;      // DeadLetterQueue.TargetArn / DeadLetterConfig.TargetArn
  const Node* onFailureDestination = nullptr;  // EventInvokeConfig (own or AWS::Lambda::EventInvokeConfig)
  const Node* environment = nullptr;           // the Variables mapping, merged
  std::string roleId;                          // logical id of the AWS::IAM::Role, when in this template
  std::vector<EventSource> events;
  PermissionSet permissions;
  // Its handler's code is joined in a later stage: code/handler_source.h.

  long long timeoutOrDefault() const { return timeout.value_or(3); }
  bool hasInvocation(Invocation invocation) const;
};

struct ExpandedTemplate {
  bool isSam = false;
  const Node* globals = nullptr;
  const Node* parameters = nullptr;
  const Node* metadata = nullptr;
  std::vector<Resource> resources;
  std::vector<Function> functions;
  // Every identity-policy statement written in this template, once each
  // (inline role/function policies, AWS::IAM::Policy/ManagedPolicy/RolePolicy,
  // expanded SAM policy templates), and every explicit managed policy
  // attachment. Rules about policies as written read these, so a role shared
  // by several functions is reported once.
  std::vector<Statement> statements;
  std::vector<ManagedPolicyAttachment> managedAttachments;

  // Functions whose permissions include the statement written at `node`.
  std::vector<const Function*> functionsReaching(const Node* node) const;

  const Resource* resource(std::string_view id) const;
  const Function* function(std::string_view id) const;

 private:
  friend class Expander;
  std::unordered_map<std::string, size_t> resourceIndex_;
  std::unordered_map<std::string, size_t> functionIndex_;
};

// Expands the template whose parsed root is `root` into `out` (empty before).
void expandTemplate(const Node& root, ExpandedTemplate& out);

}  // namespace lambdalint
