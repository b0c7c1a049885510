#pragma once
// The permissions a function's code needs, derived from its SDK calls:
// each call's IAM actions on the template resource its parameters name
// (traced through environment variables), in Sub form ready for a policy.
#include <optional>
#include <string>
#include <vector>

#include "code/handler_source.h"
#include "model/app_model.h"

namespace lambdalint::iam {

struct NeededPermission {
  std::string action;      // "s3:PutObject"
  std::string resourceId;  // template logical id, empty when not traced
  bool onObjects = false;  // the objects of a bucket rather than the bucket
  std::string resource;    // Sub form: "${Thumbs.Arn}/*", or "*" when not traced
  const code::SdkCall* call = nullptr;
};

// The template resource an SDK call targets, through its resource
// parameters: environment variable -> `!Ref X` / `!GetAtt X.Arn`, or a
// literal equal to a resource's name property.
std::optional<std::string> targetResource(const TemplateModel& model, const Function& fn, const code::SdkCall& call);

// Every permission the SDK calls of `source`, the handler of `fn`, need (calls
// in functions the handler never reaches are left out).
std::vector<NeededPermission> neededPermissions(const TemplateModel& model, const Function& fn,
                                                const HandlerSource& source);

// Actions Lambda itself performs with the function's role: polling its
// queues and streams, sending to its dead-letter queue and OnFailure
// destination, writing logs and traces, attaching to a VPC.
std::vector<std::string> serviceUsedActions(const TemplateModel& model, const Function& fn);

// The least-privilege policy for those needs, grouped by resource:
// an IAM policy document (JSON, with Fn::Sub) and a SAM `Policies:` snippet.
std::string derivedPolicyJson(const std::vector<NeededPermission>& needs);
std::string derivedPolicySamYaml(const std::vector<NeededPermission>& needs);

}  // namespace lambdalint::iam
